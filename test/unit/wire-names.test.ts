// What the engine sends and reads back: program names turned into the service's member names, maps
// keeping their keys, and "{name}" templates of the schema's calls filled from the resource.
import { describe, expect, it } from "vitest";
import { fromWire, resolveTemplate, toWire } from "../../provider/engine/wire";
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
