import { describe, expect, it } from "vitest";
import { onTopLevelProperties } from "../../provider/engine/check";
import { checkResource } from "../../provider/engine/plan";
import { elasticBadInputs, elasticValidInputs } from "../corpus/bad-inputs-elastic";

const urn = (type: string) => `urn:pulumi:dev::corpus::pulumi-nodejs:dynamic/${type}::subject`;

describe("the elastic-fleet invalid-input corpus at check level", () => {
  it("covers every elastic-fleet type", () => {
    expect(new Set(elasticBadInputs.map((c) => c.type))).toEqual(new Set(Object.keys(elasticValidInputs)));
  });

  it.each(Object.keys(elasticValidInputs))("the valid inputs of %s pass", (type) => {
    expect(checkResource(type, {}, { __urn: urn(type), ...elasticValidInputs[type] }).failures).toEqual([]);
  });

  it.each(elasticBadInputs.map((c) => [c.name, c] as const))(
    "rejects %s, naming the property and the rule on a top-level input",
    (_name, c) => {
      const { failures } = checkResource(c.type, {}, { __urn: urn(c.type), ...c.args });
      const topLevel = /^[^.[]*/.exec(c.property)?.[0] ?? c.property;
      const reported = onTopLevelProperties(failures);
      expect(
        reported.some((f) => f.property === topLevel && f.reason.includes(c.property) && c.rule.test(f.reason)),
        JSON.stringify(reported),
      ).toBe(true);
    },
  );
});
