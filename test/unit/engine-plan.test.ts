// What a preview shows before anything changes, through checkResource, checkResourceWithService and
// diffResource: the type's own rules added to the schema's, the rules that ask the service run only
// once the others pass and only with known values, and what a diff reports (an in-place change left
// for the engine to name, a replacement stated, nothing, and a failed create replaced).
import { unknownValue } from "../../provider/engine/unknowns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { thinClientService } from "../../emulator/services/thinclient";
import { setRuntimeConfig } from "../../provider/engine/config";
import { inputKeysField } from "../../provider/engine/diff";
import { createResource } from "../../provider/engine/create";
import { checkResource, checkResourceWithService, diffResource } from "../../provider/engine/plan";

const urn = "urn:pulumi:test::plan::pulumi-nodejs:dynamic/thinclient:Device::lobby";
let emulator: RunningEmulator;
/** A device that registered itself with an environment's activation code. */
let registered: { deviceId: string; environmentId: string };

beforeAll(async () => {
  emulator = await startEmulatorWith([thinClientService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  const { id: environmentId, outs } = await createResource("thinclient:Environment", {
    desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/apps",
  });
  const { device } = await emulator.control.serviceControl<{ device: { id: string } }>("register-device", {
    activationCode: outs.activationCode,
    serialNumber: "G4A0000000001",
  });
  registered = { deviceId: device.id, environmentId };
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

const reads = async () => (await emulator.control.calls()).log.map((entry) => entry.operation);

describe("checkResource", () => {
  it("adds the type's own rules to the schema's", () => {
    const { failures } = checkResource(
      "thinclient:SoftwareSetValidation",
      {},
      { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED", adoptId: "softwareset-0001" },
    );
    expect(failures).toEqual([
      {
        property: "adoptId",
        reason:
          "adoptId is not used by thinclient:SoftwareSetValidation: it takes hold of the software set named by softwareSetId",
      },
    ]);
  });
});

describe("checkResourceWithService", () => {
  it("asks the service once the schema's rules pass, and reports what it refuses", async () => {
    const { failures } = await checkResourceWithService(
      "thinclient:Device",
      {},
      { __urn: urn, adoptId: registered.deviceId, environmentId: "env-elsewhere" },
    );
    expect(failures).toEqual([
      {
        property: "environmentId",
        reason: expect.stringContaining(
          `device ${registered.deviceId} is registered to environment ${registered.environmentId}, not env-elsewhere;`,
        ),
      },
    ]);
    expect(await reads()).toContain("GetDevice");
  });

  it("does not ask the service while the schema's rules fail", async () => {
    const { failures } = await checkResourceWithService(
      "thinclient:Device",
      {},
      { __urn: urn, environmentId: "env-elsewhere" },
    );
    expect(failures.map((f) => f.property)).toEqual(["adoptId"]);
    expect(await reads()).toEqual([]);
  });

  it("gives the service's rules only the values known at preview", async () => {
    const { inputs, failures } = await checkResourceWithService(
      "thinclient:Device",
      {},
      { __urn: urn, adoptId: registered.deviceId, environmentId: unknownValue },
    );
    expect(failures).toEqual([]);
    expect(inputs.environmentId).toBe(unknownValue);
    expect(await reads()).toEqual([]);
  });
});

describe("diffResource", () => {
  const studio = {
    studioId: "st-1",
    studioName: "main",
    displayName: "Main",
    adminRoleArn: "arn:aws:iam::123456789012:role/a",
    userRoleArn: "arn:aws:iam::123456789012:role/u",
    state: "READY",
    [inputKeysField]: ["adminRoleArn", "displayName", "studioName", "userRoleArn"],
  };
  const news = {
    studioName: "main",
    displayName: "Main",
    adminRoleArn: "arn:aws:iam::123456789012:role/a",
    userRoleArn: "arn:aws:iam::123456789012:role/u",
  };

  it("reports no change, an in-place change left for the engine to name, and a stated replacement", () => {
    expect(diffResource("nimble:Studio", studio, news)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffResource("nimble:Studio", studio, { ...news, displayName: "Other" })).toEqual({
      changes: undefined,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(diffResource("nimble:Studio", studio, { ...news, studioName: "other" })).toMatchObject({
      changes: true,
      replaces: ["studioName"],
    });
  });

  it("replaces a resource whose create failed, by its id, even when nothing changed", () => {
    expect(diffResource("nimble:Studio", { ...studio, state: "CREATE_FAILED" }, news)).toEqual({
      changes: true,
      replaces: ["studioId"],
      deleteBeforeReplace: true,
    });
    // A failed create whose unique name changes is replaced for that change, as any other.
    expect(
      diffResource("nimble:Studio", { ...studio, state: "CREATE_FAILED" }, { ...news, studioName: "other" }).replaces,
    ).toEqual(["studioName"]);
    // A resource in another failed state (an update's) is not a failed create.
    expect(diffResource("nimble:Studio", { ...studio, state: "UPDATE_FAILED" }, news).replaces).toEqual([]);
  });

  it("replaces a failed create of a type without unique names by its last id part, creating first", () => {
    const profile = {
      studioId: "st-1",
      launchProfileId: "lp-1",
      name: "workstation",
      state: "CREATE_FAILED",
      [inputKeysField]: ["name", "studioId"],
    };
    expect(diffResource("nimble:LaunchProfile", profile, { studioId: "st-1", name: "workstation" })).toEqual({
      changes: true,
      replaces: ["launchProfileId"],
      deleteBeforeReplace: false,
    });
  });

  it("reads no failed create for a type without a lifecycle, or whose lifecycle has no create phase", () => {
    const desktopArn = "arn:aws:appstream:us-west-2:123456789012:stack/x";
    expect(
      diffResource(
        "thinclient:Environment",
        { environmentId: "env-1", desktopArn, [inputKeysField]: ["desktopArn"] },
        { desktopArn },
      ),
    ).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(
      diffResource(
        "appstream:Image",
        { name: "base", adoptId: "base", currentState: "AVAILABLE", [inputKeysField]: ["adoptId"] },
        { adoptId: "base" },
      ),
    ).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});
