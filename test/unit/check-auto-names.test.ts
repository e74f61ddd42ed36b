// The name check makes up for a resource the program did not name: derived from the other inputs
// (the name property itself never enters it), made only when Pulumi gave the resource's URN, and
// made for a resource the program stops taking over by id (its previous inputs had no name to keep).
import { describe, expect, it } from "vitest";
import { autoName, check } from "../../provider/engine/check";
import { loadSchema } from "../../provider/engine/schema-loader";

const fleet = loadSchema("appstream:Fleet");
const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/appstream:Fleet::${name}`;
const fleetInputs = {
  instanceType: "stream.standard.medium",
  imageName: "base",
  computeCapacity: { desiredInstances: 1 },
};

describe("a made-up name", () => {
  it("derives from the inputs other than the name itself", () => {
    const rule = { maxLength: 100 };
    const made = autoName(urn("web"), fleetInputs, "name", rule);
    expect(autoName(urn("web"), { ...fleetInputs, name: "web-given" }, "name", rule)).toBe(made);
    expect(autoName(urn("web"), { ...fleetInputs, description: "other" }, "name", rule)).not.toBe(made);
  });

  it("is not made without the resource's URN, which it derives from", () => {
    const { inputs, failures } = check(fleet, {}, fleetInputs);
    expect(inputs.name).toBeUndefined();
    expect(inputs.__autoNamed).toBeUndefined();
    expect(failures).toEqual([]);
  });

  it("is made when the program stops taking a resource over by id", () => {
    const olds = check(fleet, {}, { __urn: urn("web"), ...fleetInputs, adoptId: "existing" }).inputs;
    expect(olds.name).toBeUndefined();
    const { inputs, failures } = check(fleet, olds, { __urn: urn("web"), ...fleetInputs });
    expect(failures).toEqual([]);
    expect(inputs.name).toMatch(/^web-[0-9a-f]{7}$/);
    expect(inputs.__autoNamed).toBe(true);
  });
});
