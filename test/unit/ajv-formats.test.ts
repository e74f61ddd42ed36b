// The validator of schema files and inputs knows JSON Schema's formats, which the meta-schema lets a
// property declare (`format: date-time`, `format: uri`): a value not of the format is refused.
import { describe, expect, it } from "vitest";
import { ajv } from "../../provider/engine/ajv";

describe("formats in a property's schema", () => {
  it("are checked: a value not of the declared format is refused", () => {
    const when = ajv().compile({ type: "string", format: "date-time" });
    expect(when("2026-11-29T22:00:00Z")).toBe(true);
    expect(when("yesterday")).toBe(false);
    expect(when.errors?.[0]).toMatchObject({ keyword: "format", params: { format: "date-time" } });
  });
});
