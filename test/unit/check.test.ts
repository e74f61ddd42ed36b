import { unknownValue } from "../../provider/engine/unknowns";
import { describe, expect, it } from "vitest";
import { check } from "../../provider/engine/check";
import { loadSchema } from "../../provider/engine/schema-loader";

const studio = loadSchema("nimble:Studio");
const stack = loadSchema("appstream:Stack");
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/${type}::${name}`;
const validStudio = {
  __urn: urn("nimble:Studio", "Main_Studio"),
  displayName: "Main",
  adminRoleArn: "arn:aws:iam::123456789012:role/admin",
  userRoleArn: "arn:aws:iam::123456789012:role/user",
};

describe("check", () => {
  it("accepts valid inputs and names the resource after its logical name", () => {
    const { inputs, failures } = check(studio, {}, validStudio);
    expect(failures).toEqual([]);
    expect(inputs.studioName).toMatch(/^mainstudio[0-9a-f]{7}$/);
  });

  it("keeps the name it gave before, and derives the same name again for the same inputs", () => {
    const first = check(studio, {}, validStudio).inputs;
    expect(check(studio, {}, validStudio).inputs.studioName).toBe(first.studioName);
    expect(check(studio, first, { ...validStudio, displayName: "Renamed" }).inputs.studioName).toBe(first.studioName);
    // Without old inputs (a replacement), other inputs give another name.
    expect(
      check(studio, {}, { ...validStudio, studioEncryptionConfiguration: { keyType: "AWS_OWNED_KEY" } }).inputs
        .studioName,
    ).not.toBe(first.studioName);
  });

  it("names each broken rule and the property in plain words", () => {
    const { failures } = check(
      stack,
      {},
      {
        __urn: urn("appstream:Stack", "s"),
        name: "bad name!",
        userSettings: [{ action: "PRINT", permission: "ENABLED" }],
        colour: "blue",
        timeouts: { create: 0 },
      },
    );
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "name", reason: 'name must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$ (got "bad name!")' },
        expect.objectContaining({
          property: "userSettings[0].action",
          reason: expect.stringMatching(
            /^userSettings\[0\]\.action must be one of CLIPBOARD_COPY_FROM_LOCAL_DEVICE, .* \(got "PRINT"\)$/,
          ),
        }),
        expect.objectContaining({
          property: "colour",
          reason: expect.stringContaining("colour is not a property of appstream:Stack"),
        }),
        { property: "timeouts.create", reason: "timeouts.create must be > 0 (got 0)" },
      ]),
    );
    expect(failures).toHaveLength(4);
  });

  it("reports a missing required property and a documented cross-field rule", () => {
    const { failures } = check(
      studio,
      {},
      {
        ...validStudio,
        displayName: undefined,
        studioEncryptionConfiguration: { keyType: "CUSTOMER_MANAGED_KEY" },
      },
    );
    expect(failures).toEqual([
      { property: "displayName", reason: "displayName is required" },
      {
        property: "studioEncryptionConfiguration.keyArn",
        reason: "studioEncryptionConfiguration.keyArn is required when keyType is CUSTOMER_MANAGED_KEY",
      },
    ]);
  });

  it("does not fail on values that are not known yet during preview", () => {
    const { failures } = check(
      studio,
      {},
      {
        ...validStudio,
        adminRoleArn: unknownValue,
        studioEncryptionConfiguration: { keyType: unknownValue },
      },
    );
    expect(failures).toEqual([]);
  });

  it("still reports rules that known values break while others are unknown", () => {
    const { failures } = check(studio, {}, { ...validStudio, adminRoleArn: unknownValue, userRoleArn: "nope" });
    expect(failures.map((f) => f.property)).toEqual(["userRoleArn"]);
  });
});
