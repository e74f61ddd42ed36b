import { describe, expect, it } from "vitest";
import { onTopLevelProperties } from "../../provider/engine/check";
import { checkResource } from "../../provider/engine/plan";
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
    expect(
      failures.some(
        (f) =>
          f.property === c.property &&
          c.rule.test(f.reason) &&
          f.reason.includes(
            c.property
              .split(".")
              .pop()
              ?.replace(/\[\d+\]$/, "") ?? "",
          ),
      ),
      JSON.stringify(failures),
    ).toBe(true);
  });
});

describe("the invalid-input corpus as Pulumi receives it", () => {
  // Pulumi resolves a failure's property among the top-level inputs; a dotted path would read as
  // "property streamConfiguration.volumeConfiguration value {<nil>} has a problem".
  it.each(badInputs.map((c) => [c.name, c] as const))(
    "%s: reported on a top-level input, the full path in the reason",
    (_name, c) => {
      const { failures } = checkResource(c.type, {}, { __urn: urn(c.type), ...c.args });
      const reported = onTopLevelProperties(failures);
      const topLevel = /^[^.[]*/.exec(c.property)?.[0] ?? c.property;
      expect(
        reported.every((f) => !/[.[]/.test(f.property)),
        JSON.stringify(reported),
      ).toBe(true);
      expect(
        reported.some((f) => f.property === topLevel && f.reason.includes(c.property) && c.rule.test(f.reason)),
        JSON.stringify(reported),
      ).toBe(true);
    },
  );
});
