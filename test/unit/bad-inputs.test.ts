import { describe, expect, it } from "vitest";
import { checkResource } from "../../provider/engine/resource-engine";
import { badInputs, validInputs } from "../corpus/bad-inputs";

const urn = (type: string) => `urn:pulumi:dev::corpus::pulumi-nodejs:dynamic/${type}::subject`;

describe("the invalid-input corpus at check level", () => {
  it("has at least 50 cases over every resource type", () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(50);
    expect(new Set(badInputs.map((c) => c.type))).toEqual(new Set(Object.keys(validInputs)));
  });

  it.each(Object.keys(validInputs))("the valid inputs of %s pass", (type) => {
    expect(checkResource(type, {}, { __urn: urn(type), ...validInputs[type] }).failures).toEqual([]);
  });

  it.each(badInputs.map((c) => [c.name, c] as const))("rejects %s, naming the property and the rule", (_name, c) => {
    const { failures } = checkResource(c.type, {}, { __urn: urn(c.type), ...c.args });
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.some((f) => f.property === c.property && c.rule.test(f.reason) && f.reason.includes(c.property.split(".").pop()?.replace(/\[\d+\]$/, "") ?? "")), JSON.stringify(failures)).toBe(true);
  });
});
