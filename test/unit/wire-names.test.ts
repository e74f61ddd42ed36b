// What the engine sends and reads back: program names turned into the service's member names, maps
// keeping their keys, and "{name}" templates of the schema's calls filled from the resource.
import { describe, expect, it } from "vitest";
import { fromWire, lookup, resolveTemplate, toWire } from "../../provider/engine/wire";
import type { PropertySchema } from "../../provider/engine/schema-types";

const node: PropertySchema = {
  type: "object",
  properties: {
    displayName: { type: "string" },
    storage: {
      type: "object",
      additionalProperties: {
        type: "object",
        properties: { sizeGb: { type: "number" }, kmsKey: { type: "string", "x-wireName": "KmsKeyArn" } },
      },
    },
    tags: { type: "object", additionalProperties: { type: "string" } },
    free: { type: "object" },
  },
};

describe("the wire form", () => {
  it("renames declared members, keeps a map's keys and renames the members of its values", () => {
    const program = {
      displayName: "Web",
      storage: { home: { sizeGb: 10, kmsKey: "arn:key" } },
      tags: { team: "a" },
      free: { anyKey: 1 },
      skipped: undefined,
    };
    const wire = {
      DisplayName: "Web",
      Storage: { home: { SizeGb: 10, KmsKeyArn: "arn:key" } },
      Tags: { team: "a" },
      Free: { anyKey: 1 },
    };
    expect(toWire(node, program, "pascal")).toStrictEqual(wire);
    expect(fromWire(node, wire, "pascal")).toStrictEqual({
      displayName: "Web",
      storage: { home: { sizeGb: 10, kmsKey: "arn:key" } },
      tags: { team: "a" },
      free: { anyKey: 1 },
    });
    expect(toWire(node, { displayName: "Web" }, "camel")).toStrictEqual({ displayName: "Web" });
  });
});

describe("lists, times and missing values on the wire", () => {
  const volumes: PropertySchema = {
    type: "array",
    items: { type: "object", properties: { sizeGb: { type: "number" } } },
  };

  it("renames the members of each item of a list, both ways", () => {
    expect(toWire(volumes, [{ sizeGb: 1 }, { sizeGb: 2 }], "pascal")).toStrictEqual([{ SizeGb: 1 }, { SizeGb: 2 }]);
    expect(fromWire(volumes, [{ SizeGb: 1 }, { SizeGb: 2 }], "pascal")).toStrictEqual([{ sizeGb: 1 }, { sizeGb: 2 }]);
  });

  it("sends and reads a structure or list the schema does not describe as it is", () => {
    expect(toWire(undefined, { anyKey: 1 }, "pascal")).toStrictEqual({ anyKey: 1 });
    expect(toWire({ type: "array" }, [{ anyKey: 1 }], "pascal")).toStrictEqual([{ anyKey: 1 }]);
    expect(toWire(undefined, [[{ anyKey: 1 }]], "pascal")).toStrictEqual([[{ anyKey: 1 }]]);
    expect(fromWire(undefined, [[{ AnyKey: 1 }]], "pascal")).toStrictEqual([[{ AnyKey: 1 }]]);
  });

  it("reads a time as its ISO text, and leaves out what the answer does not have or has as null", () => {
    expect(fromWire({ type: "string" }, new Date(Date.UTC(2026, 10, 29, 22)), "pascal")).toBe(
      "2026-11-29T22:00:00.000Z",
    );
    expect(fromWire(node, { DisplayName: "Web", Tags: null }, "pascal")).toStrictEqual({ displayName: "Web" });
    expect(fromWire(node, null, "pascal")).toBeUndefined();
  });

  it("reads a dotted path through lists and structures, nothing past a missing step", () => {
    const answer = { Fleets: [{ State: "RUNNING", Errors: null }] };
    expect(lookup(answer, "Fleets.0.State")).toBe("RUNNING");
    expect(lookup(answer, "Fleets.1.State")).toBeUndefined();
    expect(lookup(answer, "Fleets.0.Errors.0")).toBeUndefined();
    expect(lookup(answer, "Fleets.0.State.length")).toBeUndefined();
  });
});

describe("call templates", () => {
  const scope = { name: "web", studioId: "st-1", count: 3, enabled: false, nested: { id: "n-1" }, list: ["a"] };

  it("a whole-value template keeps the value's type; inside text each value is written out", () => {
    expect(resolveTemplate("{count}", scope)).toBe(3);
    expect(resolveTemplate("{nested}", scope)).toEqual({ id: "n-1" });
    expect(resolveTemplate("studios/{studioId}/profiles/{name}", scope)).toBe("studios/st-1/profiles/web");
    expect(resolveTemplate("{name}-{count}-{enabled}", scope)).toBe("web-3-false");
    expect(resolveTemplate("id={nested.id};list={list}", scope)).toBe('id=n-1;list=["a"]');
  });

  it("a value the resource does not have is left empty, and text without a template is sent as is", () => {
    expect(resolveTemplate("arn:{missing}:x", scope)).toBe("arn::x");
    expect(resolveTemplate("arn:{cleared}:x", { cleared: null })).toBe("arn::x");
    expect(resolveTemplate("{ not a template } and {}", scope)).toBe("{ not a template } and {}");
    expect(resolveTemplate({ Names: ["{name}"], Max: 10 }, scope)).toEqual({ Names: ["web"], Max: 10 });
  });
});
