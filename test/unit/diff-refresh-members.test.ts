// What a refresh records for members the schema does not describe (a free-form map, a member a newer
// service version added) and for members the live resource no longer has.
import { describe, expect, it } from "vitest";
import { diffProperties, inputKeysField, liveAsWritten } from "../../provider/engine/diff";
import type { PropertySchema, ResourceSchema } from "../../provider/engine/schema-types";

const settings: PropertySchema = { type: "object", "x-updatable": true };
const network: PropertySchema = {
  type: "object",
  properties: { subnetIds: { type: "array", items: { type: "string" } }, label: { type: "string" } },
};
const schema = {
  type: "appstream:Shapes",
  service: "appstream",
  description: "test type",
  wireCase: "pascal",
  identity: { parts: ["name"] },
  inputs: { type: "object", properties: { name: { type: "string" }, settings, network } },
  outputs: {},
  operations: { read: { operation: "DescribeStacks" } },
  timeouts: { create: 1, update: 1, delete: 1 },
} as ResourceSchema;

describe("a free-form map's list members", () => {
  it("compare in order: a reordered list is a change, the same list is none", () => {
    const olds = { settings: { hosts: ["a", "b"] }, [inputKeysField]: ["settings"] };
    expect(diffProperties(schema, olds, { settings: { hosts: ["a", "b"] } }).changed).toEqual([]);
    expect(diffProperties(schema, olds, { settings: { hosts: ["b", "a"] } }).changed).toEqual(["settings"]);
  });
});

describe("what a refresh records", () => {
  it("keeps a list member the schema does not describe, as the service reports it", () => {
    expect(liveAsWritten(network, { label: "x" }, { label: "y", zones: ["b", "a"] })).toStrictEqual({
      label: "y",
      zones: ["b", "a"],
    });
  });

  it("leaves out a member the live resource no longer has, rather than holding it undefined", () => {
    // Pulumi converts a refresh's inputs to a protobuf Struct, which refuses an undefined member.
    const refreshed = liveAsWritten(network, { label: "x", subnetIds: ["s-1"] }, { subnetIds: ["s-2"] });
    expect(refreshed).toStrictEqual({ subnetIds: ["s-2"] });
  });
});
