// What a user reads when check refuses an input: every rule of the schema vocabulary (the strict
// meta-schema's keywords) has its own sentence naming the property and the limit, and a value known
// only after the update (an Output) decides no rule it takes part in.
import { unknownValue } from "../../provider/engine/unknowns";
import { describe, expect, it } from "vitest";
import { autoName, check } from "../../provider/engine/check";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { PropertySchema, ResourceSchema } from "../../provider/engine/schema-types";
import { failuresOf, inputRulesSchema, urn } from "../helpers/check-fixture";

/** A resource type declaring each keyword the meta-schema allows, for rules no shipped schema uses yet. */
const vocabularySchema = (properties: Record<string, PropertySchema>, extra: Partial<PropertySchema> = {}) =>
  inputRulesSchema("appstream:Vocabulary", properties, extra);

const reasons = (schema: ResourceSchema, inputs: Record<string, unknown>) =>
  failuresOf(schema, inputs).map((f) => f.reason);

describe("check's messages name the property and the rule", () => {
  const imageBuilder = loadSchema("appstream:ImageBuilder");
  const stack = loadSchema("appstream:Stack");
  const builderInputs = { imageName: "base", instanceType: "stream.standard.medium" };

  it("at most N items, naming the list and the value given", () => {
    const { failures } = check(
      imageBuilder,
      {},
      { __urn: urn("appstream:ImageBuilder", "b"), ...builderInputs, vpcConfig: { subnetIds: ["s-1", "s-2"] } },
    );
    expect(failures).toEqual([
      { property: "vpcConfig.subnetIds", reason: 'vpcConfig.subnetIds must have at most 1 items (got ["s-1","s-2"])' },
    ]);
  });

  it("lists the properties a misspelled one could have been, in the schema's order", () => {
    const { failures } = check(
      imageBuilder,
      {},
      { __urn: urn("appstream:ImageBuilder", "b"), ...builderInputs, domainJoinInfo: { directory: "corp" } },
    );
    expect(failures).toEqual([
      {
        property: "domainJoinInfo.directory",
        reason:
          "domainJoinInfo.directory is not a property of domainJoinInfo; known properties: directoryName, organizationalUnitDistinguishedName",
      },
    ]);
  });

  it("a tag map's rules (minProperties, propertyNames) in the validator's words, on the tags property", () => {
    expect(reasons(stack, { tags: {} })).toEqual(["tags must NOT have fewer than 1 properties"]);
  });

  it("a wrong type shows the value as JSON, a structure included", () => {
    expect(reasons(stack, { name: ["a", "b"] })).toEqual(['name must be a string (got ["a","b"])']);
    expect(reasons(stack, { name: { first: 1 } })).toEqual(['name must be a string (got {"first":1})']);
    expect(reasons(stack, { name: 7 })).toEqual(["name must be a string (got 7)"]);
    expect(reasons(stack, { name: true })).toEqual(["name must be a string (got true)"]);
  });

  it("the keywords no shipped schema uses yet have their own sentences", () => {
    const schema = vocabularySchema({
      name: { type: "string" },
      ratio: { type: "number", exclusiveMaximum: 1 },
      floor: { type: "number", exclusiveMinimum: 0, maximum: 10 },
      contact: { type: "string", format: "email" },
      hosts: { type: "array", items: { type: "string" }, minItems: 1, uniqueItems: true },
      label: { type: "string", minLength: 2 },
    });
    expect(reasons(schema, { ratio: 1 })).toEqual(["ratio must be < 1 (got 1)"]);
    expect(reasons(schema, { floor: 0 })).toEqual(["floor must be > 0 (got 0)"]);
    expect(reasons(schema, { floor: 11 })).toEqual(["floor must be <= 10 (got 11)"]);
    expect(reasons(schema, { contact: "not-an-address" })).toEqual([
      'contact must be a valid email (got "not-an-address")',
    ]);
    expect(reasons(schema, { hosts: [] })).toEqual(["hosts must have at least 1 items (got [])"]);
    expect(reasons(schema, { hosts: ["a", "a"] })).toEqual([
      "hosts must NOT have duplicate items (items ## 1 and 0 are identical)",
    ]);
    expect(reasons(schema, { label: "x" })).toEqual(['label must be at least 2 characters long (got "x")']);
  });

  it("a rule on the whole resource is reported under the resource type's name", () => {
    const schema = vocabularySchema({ name: { type: "string" }, label: { type: "string" } }, { minProperties: 2 });
    const { failures } = check(schema, {}, { __urn: urn(schema.type, "r"), name: "n" });
    expect(failures).toEqual([{ property: "", reason: "appstream:Vocabulary must NOT have fewer than 2 properties" }]);
  });

  it("places list items by index, also past the ninth, and map keys by name, digits or not", () => {
    const schema = vocabularySchema({
      hosts: { type: "array", items: { type: "string", minLength: 1 } },
      tags: { type: "object", additionalProperties: { type: "string", maxLength: 3 } },
      volume2: { type: "string" },
    });
    const hosts = Array.from({ length: 11 }, (_, i) => (i === 10 ? "" : `h${i}`));
    expect(check(schema, {}, { __urn: urn(schema.type, "r"), hosts }).failures).toEqual([
      { property: "hosts[10]", reason: 'hosts[10] must be at least 1 characters long (got "")' },
    ]);
    expect(reasons(schema, { tags: { "1st": "long", a2: "long" } })).toEqual([
      'tags.1st must be at most 3 characters long (got "long")',
      'tags.a2 must be at most 3 characters long (got "long")',
    ]);
    expect(reasons(schema, { volume2: 1 })).toEqual(["volume2 must be a string (got 1)"]);
  });

  it("reports a rule broken by several members once", () => {
    const schema = vocabularySchema({
      name: { type: "string" },
      hosts: { type: "array", items: { type: "string" } },
    });
    const { failures } = check(schema, {}, { __urn: urn(schema.type, "r"), name: "n", colour: "a", colour2: "b" });
    expect(failures.map((f) => f.property)).toEqual(["colour", "colour2"]);
    // The same sentence for the same place once: ajv reports each failing keyword of a list item.
    const twice = check(
      vocabularySchema(
        { mode: { type: "string", enum: ["A"] } },
        {
          allOf: [{ properties: { mode: { enum: ["A"] } } }],
        },
      ),
      {},
      { __urn: urn("appstream:Vocabulary", "r"), mode: "B" },
    ).failures;
    expect(twice).toEqual([{ property: "mode", reason: 'mode must be one of A (got "B")' }]);
  });
});

describe("check while values are not known yet (preview)", () => {
  const imageBuilder = loadSchema("appstream:ImageBuilder");
  const at = { __urn: urn("appstream:ImageBuilder", "b"), instanceType: "stream.standard.medium" };

  it("a rule whose condition reads an unknown value waits for it", () => {
    // imageName or imageArn is required: an image name from another resource's Output decides it.
    expect(check(imageBuilder, {}, { ...at, imageName: unknownValue }).failures).toEqual([]);
    expect(check(imageBuilder, {}, at).failures).toEqual([
      { property: "imageName", reason: "imageName or imageArn is required" },
    ]);
  });

  it("an unknown list item hides no broken rule elsewhere", () => {
    const { failures } = check(
      imageBuilder,
      {},
      {
        ...at,
        imageName: "base",
        vpcConfig: { securityGroupIds: [unknownValue] },
        description: "d".repeat(257),
      },
    );
    expect(failures.map((f) => f.property)).toEqual(["description"]);
  });

  it("an unknown member of an object leaves its siblings' rules in force", () => {
    const { failures } = check(
      imageBuilder,
      {},
      {
        ...at,
        imageName: "base",
        domainJoinInfo: { directoryName: unknownValue, organizationalUnitDistinguishedName: "o".repeat(2001) },
      },
    );
    expect(failures.map((f) => f.property)).toEqual(["domainJoinInfo.organizationalUnitDistinguishedName"]);
  });

  it("rules written with allOf, oneOf, anyOf and not inside a condition wait for the values they read", () => {
    const rule = (condition: PropertySchema) => ({
      if: condition,
      then: { required: ["label"] },
      "x-message": "label is required in this mode",
      "x-property": "label",
    });
    const properties = { mode: { type: "string" }, label: { type: "string" } } as Record<string, PropertySchema>;
    const conditions: PropertySchema[] = [
      { allOf: [{ properties: { mode: { const: "A" } } }] },
      { oneOf: [{ properties: { mode: { const: "A" } } }, { required: ["label"] }] },
      { anyOf: [{ properties: { mode: { const: "A" } } }] },
      { not: { properties: { mode: { const: "B" } } } },
    ];
    for (const condition of conditions) {
      const schema = vocabularySchema(properties, { allOf: [rule(condition)] });
      const base = { __urn: urn(schema.type, "r") };
      expect(check(schema, {}, { ...base, mode: unknownValue }).failures).toEqual([]);
      expect(check(schema, {}, { ...base, mode: "A" }).failures).toEqual([
        { property: "label", reason: "label is required in this mode" },
      ]);
    }
  });
});

describe("names made up for resources the program did not name", () => {
  const fleet = loadSchema("appstream:Fleet");
  const studio = loadSchema("nimble:Studio");
  const fleetInputs = { instanceType: "stream.standard.medium", imageName: "base" };

  it("are stable across releases: the same URN and inputs give the same name", () => {
    // A create interrupted before Pulumi recorded it asks for this very name (and client token) again.
    const named = check(fleet, {}, { __urn: urn("appstream:Fleet", "Web Fleet#1"), ...fleetInputs }).inputs;
    expect(named.name).toBe("WebFleet1-177acb4");
    expect(named.__autoNamed).toBe(true);
    expect(
      autoName(urn("appstream:Fleet", "Web Fleet#1"), { ...fleetInputs, __autoNamed: true }, "name", {
        maxLength: 100,
      }),
    ).toBe("WebFleet1-177acb4");
  });

  it("keep the logical name's case unless the type asks for lower case", () => {
    expect(check(fleet, {}, { __urn: urn("appstream:Fleet", "WebFleet"), ...fleetInputs }).inputs.name).toMatch(
      /^WebFleet-[0-9a-f]{7}$/,
    );
  });

  it("fit the type's length limit with the separator and suffix", () => {
    const long = "x".repeat(120);
    const name = check(fleet, {}, { __urn: urn("appstream:Fleet", long), ...fleetInputs }).inputs.name as string;
    expect(name).toHaveLength(100);
    expect(name).toMatch(/^x{92}-[0-9a-f]{7}$/);
  });

  it("are not made for a name the program gave, nor for a resource taken over by id", () => {
    const given = check(fleet, {}, { __urn: urn("appstream:Fleet", "f"), ...fleetInputs, name: "mine" }).inputs;
    expect(given.name).toBe("mine");
    expect(given.__autoNamed).toBeUndefined();
    const adopted = check(
      fleet,
      {},
      { __urn: urn("appstream:Fleet", "f"), ...fleetInputs, adoptId: "existing" },
    ).inputs;
    expect(adopted.name).toBeUndefined();
  });

  it("are kept on update, and a resource under another URN gets its own", () => {
    const first = check(
      studio,
      {},
      {
        __urn: urn("nimble:Studio", "Main"),
        displayName: "Main",
        adminRoleArn: "arn:aws:iam::123456789012:role/admin",
        userRoleArn: "arn:aws:iam::123456789012:role/user",
      },
    ).inputs;
    const moved = check(studio, first, {
      ...first,
      studioName: undefined,
      __urn: urn("nimble:Studio", "Other"),
    }).inputs;
    expect(moved.studioName).toMatch(/^other[0-9a-f]{7}$/);
    const kept = check(studio, first, { ...first, studioName: undefined, displayName: "Renamed" }).inputs;
    expect(kept.studioName).toBe(first.studioName);
  });
});

describe("a misspelled property whose value is not known yet", () => {
  it("is reported at preview: no value makes it a property of the type", () => {
    const stack = loadSchema("appstream:Stack");
    const { failures } = check(stack, {}, { __urn: urn("appstream:Stack", "s"), colour: unknownValue });
    expect(failures.map((f) => f.property)).toEqual(["colour"]);
    expect(failures[0].reason).toMatch(/^colour is not a property of appstream:Stack; known properties: name, /);
  });
});
