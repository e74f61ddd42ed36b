// Check's edges: a required property missing while another input is unknown at preview, rules
// without a documented message, rules inside nested properties, and failures as Pulumi shows them.
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { describe, expect, it } from "vitest";
import { check, onTopLevelProperties } from "../../provider/engine/check";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { PropertySchema } from "../../provider/engine/schema-types";
import { failuresOf, inputRulesSchema, urn } from "../helpers/check-fixture";

/** A resource type with the given input rules, for rules no shipped schema states this way. */
const ruleSchema = (properties: Record<string, PropertySchema>, extra: Partial<PropertySchema> = {}) =>
  inputRulesSchema("appstream:Rules", properties, extra);

describe("a required property at preview", () => {
  const studio = loadSchema("nimble:Studio");

  it("is reported missing while another input is not known yet", () => {
    expect(failuresOf(studio, { displayName: "Main", adminRoleArn: unknownValue })).toEqual([
      { property: "userRoleArn", reason: "userRoleArn is required" },
    ]);
  });

  it("is not reported missing when it is the unknown one", () => {
    expect(failuresOf(studio, { displayName: "Main", adminRoleArn: unknownValue, userRoleArn: unknownValue })).toEqual(
      [],
    );
  });

  it("is reported missing inside an object that has another member unknown", () => {
    const schema = ruleSchema({
      network: {
        type: "object",
        properties: { subnetId: { type: "string" }, securityGroupId: { type: "string" } },
        required: ["subnetId", "securityGroupId"],
      },
    });
    expect(failuresOf(schema, { network: { subnetId: unknownValue } })).toEqual([
      { property: "network.securityGroupId", reason: "network.securityGroupId is required" },
    ]);
  });
});

describe("a rule over a list holding values not known yet", () => {
  it("waits for them: two unknown items are not duplicates yet", () => {
    // Items of any type: ajv compares only the items of a declared type.
    const schema = ruleSchema({ hosts: { type: "array", uniqueItems: true } });
    expect(failuresOf(schema, { hosts: [unknownValue, unknownValue] })).toEqual([]);
    expect(failuresOf(schema, { hosts: ["a", "a"] })).toEqual([
      { property: "hosts", reason: "hosts must NOT have duplicate items (items ## 0 and 1 are identical)" },
    ]);
  });
});

describe("cross-field rules", () => {
  const rule = { if: { properties: { mode: { const: "A" } }, required: ["mode"] }, then: { required: ["label"] } };
  const properties: Record<string, PropertySchema> = { mode: { type: "string" }, label: { type: "string" } };

  it("without a documented message report what their `then` part requires, in plain words", () => {
    const schema = ruleSchema(properties, { allOf: [rule] });
    expect(failuresOf(schema, { mode: "A" })).toEqual([{ property: "label", reason: "label is required" }]);
    expect(failuresOf(schema, { mode: "B" })).toEqual([]);
  });

  it("with a message report it alone, also inside a property whose name begins with 'if'", () => {
    const schema = ruleSchema({
      ifConfig: {
        type: "object",
        properties,
        allOf: [{ ...rule, "x-message": "label is required in mode A", "x-property": "ifConfig.label" }],
      },
    });
    expect(failuresOf(schema, { ifConfig: { mode: "A" } })).toEqual([
      { property: "ifConfig.label", reason: "label is required in mode A" },
    ]);
  });
});

describe("plain words for each type", () => {
  it("says 'an' before a type that begins with a vowel", () => {
    const schema = ruleSchema({
      count: { type: "integer" },
      hosts: { type: "array" },
      settings: { type: "object" },
      name: { type: "string" },
    });
    expect(failuresOf(schema, { count: "x", hosts: "x", settings: "x", name: 1 }).map((f) => f.reason)).toEqual([
      'count must be an integer (got "x")',
      'hosts must be an array (got "x")',
      'settings must be an object (got "x")',
      "name must be a string (got 1)",
    ]);
  });
});

describe("a type taken over by id only", () => {
  const device = loadSchema("thinclient:Device");

  it("asks for adoptId, unless its value is not known yet", () => {
    expect(failuresOf(device, {}).map((f) => f.property)).toEqual(["adoptId"]);
    expect(failuresOf(device, { adoptId: unknownValue })).toEqual([]);
  });
});

describe("failures as Pulumi shows them", () => {
  it("keep a top-level property's reason as the schema words it", () => {
    const builder = loadSchema("appstream:AppBlockBuilder");
    const { failures } = check(
      builder,
      {},
      {
        __urn: urn("appstream:AppBlockBuilder", "b"),
        platform: "WINDOWS_SERVER_2019",
        instanceType: "stream.standard.medium",
        vpcConfig: { subnetIds: ["subnet-1"] },
        state: "RUNNING",
      },
    );
    expect(onTopLevelProperties(failures)).toEqual([
      {
        property: "appBlockArns",
        reason: "a builder starts only with an app block associated; set appBlockArns for state RUNNING",
      },
    ]);
  });

  it("put a nested failure on its top-level property, list items and map members alike", () => {
    expect(
      onTopLevelProperties([
        { property: "vpcConfig.subnetIds", reason: "vpcConfig.subnetIds must have at most 1 items" },
        { property: "hosts[0]", reason: "must be a string" },
        { property: "", reason: "appstream:Rules must NOT have fewer than 2 properties" },
      ]),
    ).toEqual([
      { property: "vpcConfig", reason: "vpcConfig.subnetIds must have at most 1 items" },
      { property: "hosts", reason: "hosts[0]: must be a string" },
      { property: "", reason: "appstream:Rules must NOT have fewer than 2 properties" },
    ]);
  });
});
