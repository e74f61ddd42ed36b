// Cross-field rules at preview, when some inputs are Outputs not known yet: a rule is skipped only
// while a property it reads is unknown, never because of an unrelated one.
import { unknownValue } from "../../provider/engine/unknowns";
import { describe, expect, it } from "vitest";
import { check } from "../../provider/engine/check";
import { loadSchema } from "../../provider/engine/schema-loader";

const environment = loadSchema("thinclient:Environment");
const base = {
  __urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/thinclient:Environment::env",
  desktopArn: unknownValue,
};
const reasons = (inputs: Record<string, unknown>) =>
  check(environment, {}, { ...base, ...inputs }).failures.map((f) => f.reason);

describe("cross-field rules with unknown inputs", () => {
  it("reports a broken rule while an unrelated input is unknown", () => {
    expect(reasons({ softwareSetUpdateMode: "USE_LATEST", desiredSoftwareSetId: "softwareset-0001" })).toEqual([
      "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED",
    ]);
    expect(reasons({ name: unknownValue, maintenanceWindow: { type: "CUSTOM", startTimeHour: 1 } })).toEqual([
      "maintenanceWindow of type CUSTOM needs startTimeHour, startTimeMinute, endTimeHour, endTimeMinute and daysOfTheWeek",
    ]);
  });

  it("leaves a rule undecided while a property it reads is unknown", () => {
    expect(reasons({ softwareSetUpdateMode: unknownValue, desiredSoftwareSetId: "softwareset-0001" })).toEqual([]);
    expect(reasons({ softwareSetUpdateMode: "USE_DESIRED", desiredSoftwareSetId: unknownValue })).toEqual([]);
    expect(
      reasons({
        maintenanceWindow: {
          type: "CUSTOM",
          startTimeHour: 1,
          startTimeMinute: 0,
          endTimeHour: 2,
          endTimeMinute: 0,
          daysOfTheWeek: unknownValue,
        },
      }),
    ).toEqual([]);
    expect(
      reasons({
        maintenanceWindow: {
          type: "CUSTOM",
          startTimeHour: 1,
          startTimeMinute: 0,
          endTimeHour: 2,
          endTimeMinute: 0,
          daysOfTheWeek: [unknownValue],
        },
      }),
    ).toEqual([]);
    // The identity provider rule reads desktopArn, which is unknown here.
    expect(reasons({ desktopEndpoint: "https://idp.example.com" })).toEqual([]);
  });
});
