// The one validator of schema files and inputs (provider/engine/ajv.ts): strict about keywords, the
// project's x-* annotations declared, JSON Schema's formats known, every error of a value reported,
// each with the schema that it breaks. Each test loads the module afresh, as a provider process does,
// so the validator is made by the code under test rather than kept from an earlier file.
import { afterAll, describe, expect, it, vi } from "vitest";

async function freshAjv() {
  vi.resetModules();
  return (await import("../../provider/engine/ajv")).ajv();
}

afterAll(() => {
  vi.resetModules();
});

describe("the validator", () => {
  it("checks the formats a property declares: a value not of the format is refused", async () => {
    const when = (await freshAjv()).compile({ type: "string", format: "date-time" });
    expect(when("2026-11-29T22:00:00Z")).toBe(true);
    expect(when("yesterday")).toBe(false);
    expect(when.errors?.[0]).toMatchObject({ keyword: "format", params: { format: "date-time" } });
  });

  it("reports every error of a value, each with the schema it breaks and the value", async () => {
    const schema = {
      type: "object",
      properties: { name: { type: "string", maxLength: 3 }, size: { type: "number", minimum: 1 } },
    };
    const validate = (await freshAjv()).compile(schema);
    expect(validate({ name: "toolong", size: 0 })).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword, e.data, e.parentSchema])).toEqual([
      ["/name", "maxLength", "toolong", schema.properties.name],
      ["/size", "minimum", 0, schema.properties.size],
    ]);
  });

  it("refuses a keyword it does not know, and knows the x-* annotations", async () => {
    const validator = await freshAjv();
    expect(() => validator.compile({ type: "string", minLenght: 3 })).toThrow(/unknown keyword: "minLenght"/);
    expect(() => validator.compile({ type: "string", "x-updatable": true })).not.toThrow();
  });
});
