import { describe, expect, it } from "vitest";
import { onTopLevelProperties } from "../../provider/engine/check";
import { checkResource } from "../../provider/engine/plan";
import { appstreamUserBadInputs, appstreamUserValidInputs } from "../corpus/bad-inputs-appstream-users";

const urn = (type: string) => `urn:pulumi:dev::corpus::pulumi-nodejs:dynamic/${type}::subject`;

describe("the invalid-input corpus of directory configs, users, associations and stack members, at check level", () => {
  it("has at least 15 cases over each of those types", () => {
    expect(appstreamUserBadInputs.length).toBeGreaterThanOrEqual(15);
    expect(new Set(appstreamUserBadInputs.map((c) => c.type))).toEqual(new Set(Object.keys(appstreamUserValidInputs)));
  });

  it.each(Object.keys(appstreamUserValidInputs))("the valid inputs of %s pass", (type) => {
    expect(checkResource(type, {}, { __urn: urn(type), ...appstreamUserValidInputs[type] }).failures).toEqual([]);
  });

  it.each(appstreamUserBadInputs.map((c) => [c.name, c] as const))(
    "rejects %s, naming the property and the rule, on its top-level input",
    (_name, c) => {
      const { failures } = checkResource(c.type, {}, { __urn: urn(c.type), ...c.args });
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
      const topLevel = /^[^.[]*/.exec(c.property)?.[0] ?? c.property;
      expect(
        onTopLevelProperties(failures).some(
          (f) => f.property === topLevel && f.reason.includes(c.property) && c.rule.test(f.reason),
        ),
      ).toBe(true);
    },
  );
});
