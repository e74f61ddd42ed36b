// What a preview reports as changed and what a refresh records: empty values mean absent, a map's
// members get their schema's defaults, a replacement frees a unique name first only when it keeps it,
// and a refreshed value keeps the program's own spelling where it means the same.
import { describe, expect, it } from "vitest";
import { diffProperties, inputKeysField, liveAsWritten } from "../../provider/engine/diff";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { PropertySchema, ResourceSchema } from "../../provider/engine/schema-types";

function schemaWith(properties: Record<string, PropertySchema>, extra: Partial<ResourceSchema> = {}): ResourceSchema {
  return {
    type: "appstream:Shapes",
    service: "appstream",
    description: "test type",
    wireCase: "pascal",
    identity: { parts: ["name"] },
    inputs: { type: "object", properties },
    outputs: {},
    operations: { read: { operation: "DescribeStacks" } },
    timeouts: { create: 1, update: 1, delete: 1 },
    ...extra,
  };
}

const shapes = schemaWith({
  name: { type: "string", "x-replaceOnChange": true },
  settings: { type: "object", "x-updatable": true },
  limits: {
    type: "object",
    additionalProperties: { type: "string", "x-serviceDefault": "NONE" },
    "x-updatable": true,
  },
  network: {
    type: "object",
    properties: { subnetIds: { type: "array", items: { type: "string" } }, label: { type: "string" } },
    "x-updatable": true,
  },
  size: { type: "number", "x-updatable": true },
});

const changed = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
  diffProperties(shapes, { ...olds, [inputKeysField]: Object.keys(olds) }, news).changed;

describe("what a preview reports as changed", () => {
  it("empty and absent are the same: null, [], {} and an object of empty members", () => {
    expect(changed({ size: null }, {})).toEqual([]);
    expect(changed({ settings: {} }, {})).toEqual([]);
    expect(changed({ network: { subnetIds: [] } }, {})).toEqual([]);
    expect(changed({ network: { subnetIds: [], label: null } }, { network: {} })).toEqual([]);
    expect(changed({ network: { subnetIds: ["s-1"] } }, { network: {} })).toEqual(["network"]);
  });

  it("an empty object means the schema's default for the property, as absent does", () => {
    const persisted = schemaWith({
      settings: { type: "object", "x-updatable": true, "x-serviceDefault": { enabled: false } },
    });
    const diff = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
      diffProperties(persisted, { ...olds, [inputKeysField]: Object.keys(olds) }, news).changed;
    expect(diff({ settings: { enabled: false } }, { settings: {} })).toEqual([]);
    expect(diff({ settings: { enabled: false } }, {})).toEqual([]);
    expect(diff({ settings: { enabled: true } }, { settings: {} })).toEqual(["settings"]);
  });

  it("free-form values compare member by member, empties included", () => {
    expect(changed({ settings: { a: [], b: { c: null }, d: 1 } }, { settings: { d: 1 } })).toEqual([]);
    expect(changed({ settings: { d: 1 } }, { settings: { d: 2 } })).toEqual(["settings"]);
  });

  it("a map's members get the default the schema gives its values", () => {
    expect(changed({ limits: { a: "NONE" } }, { limits: { a: null } })).toEqual([]);
    expect(changed({ limits: { a: "LOW" } }, { limits: { a: null } })).toEqual(["limits"]);
  });
});

describe("a replacement of a resource whose name must be unique", () => {
  const fleet = loadSchema("appstream:Fleet");
  const olds = { name: "web", instanceType: "stream.standard.medium", fleetType: "ON_DEMAND" };

  it("deletes first when it keeps the name, creates first when the name changes", () => {
    const keep = diffProperties(fleet, olds, { ...olds, fleetType: "ALWAYS_ON" });
    const renamed = diffProperties(fleet, olds, { ...olds, name: "web2", fleetType: "ALWAYS_ON" });
    expect(keep).toEqual({ changed: ["fleetType"], replaces: ["fleetType"], deleteBeforeReplace: true });
    expect(renamed).toEqual({
      changed: ["name", "fleetType"],
      replaces: ["name", "fleetType"],
      deleteBeforeReplace: false,
    });
  });

  it("an update in place deletes nothing", () => {
    const update = diffProperties(fleet, olds, { ...olds, displayName: "Web" });
    expect(update).toEqual({ changed: ["displayName"], replaces: [], deleteBeforeReplace: false });
  });

  it("a type whose names need not be unique never deletes first", () => {
    const free = schemaWith(shapes.inputs.properties);
    expect(diffProperties(free, { name: "a" }, { name: "a", size: 1 }).deleteBeforeReplace).toBe(false);
    const unique = schemaWith(shapes.inputs.properties, { uniqueName: true });
    const replaced = diffProperties(unique, { name: "a", size: 1 }, { name: "a", size: 1, network: { label: "x" } });
    expect(replaced).toEqual({ changed: ["network"], replaces: [], deleteBeforeReplace: false });
  });
});

describe("what a refresh records", () => {
  const node = shapes.inputs.properties.network;

  it("the program's own value where the live one means the same", () => {
    expect(liveAsWritten(node, { label: "x", subnetIds: [] }, { label: "x" })).toEqual({ label: "x", subnetIds: [] });
    const unordered: PropertySchema = { type: "array", items: { type: "string" }, "x-unordered": true };
    expect(liveAsWritten(unordered, ["b", "a"], ["a", "b"])).toEqual(["b", "a"]);
  });

  it("the live value where it differs, whole when it is not an object the schema describes", () => {
    expect(liveAsWritten(node.properties?.label, "x", "y")).toBe("y");
    expect(liveAsWritten(node, { label: "x" }, undefined)).toBeUndefined();
    expect(liveAsWritten(node, "x", { label: "y" })).toEqual({ label: "y" });
    expect(liveAsWritten(undefined, { a: 1 }, { a: 2, b: 3 })).toEqual({ a: 2, b: 3 });
  });

  it("a member only the service set is kept unless it is the schema's default", () => {
    const schemaNode: PropertySchema = {
      type: "object",
      properties: {
        size: { type: "number" },
        mode: { type: "string", "x-serviceDefault": "AUTO" },
        zone: { type: "string" },
      },
    };
    expect(liveAsWritten(schemaNode, { size: 1 }, { size: 2, mode: "AUTO" })).toEqual({ size: 2 });
    expect(liveAsWritten(schemaNode, { size: 1 }, { size: 2, mode: "MANUAL", zone: "a" })).toEqual({
      size: 2,
      mode: "MANUAL",
      zone: "a",
    });
    expect(liveAsWritten(schemaNode, { size: 1, mode: "AUTO" }, { size: 2 })).toEqual({ size: 2, mode: "AUTO" });
  });
});
