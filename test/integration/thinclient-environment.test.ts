// thinclient:Environment through the engine, over HTTP with the real SDK: the maintenance-window and
// software-set rules at check time, create with a CUSTOM window and tags, tags reconciled by their
// difference, in-place updates, replacement for a new KMS key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { thinClientService } from "../../emulator/services/thinclient";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource, diffResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { updateResource } from "../../provider/engine/update";

const type = "thinclient:Environment";
const desktopArn = "arn:aws:workspaces:us-west-2:123456789012:directory/d-0000000001";
const customWindow = {
  type: "CUSTOM",
  startTimeHour: 1,
  startTimeMinute: 30,
  endTimeHour: 4,
  endTimeMinute: 0,
  daysOfTheWeek: ["SATURDAY", "SUNDAY"],
  applyTimeOf: "UTC",
};
let emulator: RunningEmulator;
let sequence = 0;

function checked(properties: Record<string, unknown>) {
  return checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::tc::pulumi-nodejs:dynamic/thinclient:Environment::env${++sequence}`, ...properties },
  );
}

function inputs(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = checked({
    desktopArn,
    name: "Front desk",
    maintenanceWindow: customWindow,
    tags: { team: "euc", owner: "alice" },
    ...overrides,
  });
  expect(failures).toEqual([]);
  return inputs;
}

const counts = async () => (await emulator.control.calls()).counts;

beforeAll(async () => {
  emulator = await startEmulatorWith([thinClientService], { port: 0, transitionMs: 20 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("thinclient:Environment checks", () => {
  it.each([
    [
      "an hour past 23",
      { maintenanceWindow: { ...customWindow, startTimeHour: 24 } },
      "maintenanceWindow.startTimeHour must be <= 23 (got 24)",
    ],
    [
      "a minute past 59",
      { maintenanceWindow: { ...customWindow, endTimeMinute: 60 } },
      "maintenanceWindow.endTimeMinute must be <= 59 (got 60)",
    ],
    [
      "a negative hour",
      { maintenanceWindow: { ...customWindow, endTimeHour: -1 } },
      "maintenanceWindow.endTimeHour must be >= 0 (got -1)",
    ],
    [
      "a CUSTOM window without its days",
      { maintenanceWindow: { type: "CUSTOM", startTimeHour: 1, startTimeMinute: 0, endTimeHour: 2, endTimeMinute: 0 } },
      "maintenanceWindow of type CUSTOM needs startTimeHour, startTimeMinute, endTimeHour, endTimeMinute and daysOfTheWeek",
    ],
    [
      "a CUSTOM window without its times",
      { maintenanceWindow: { type: "CUSTOM", daysOfTheWeek: ["MONDAY"] } },
      "maintenanceWindow of type CUSTOM needs startTimeHour, startTimeMinute, endTimeHour, endTimeMinute and daysOfTheWeek",
    ],
    [
      "a SYSTEM window with times",
      { maintenanceWindow: { type: "SYSTEM", startTimeHour: 3 } },
      "maintenanceWindow start and end times and daysOfTheWeek are only allowed when its type is CUSTOM",
    ],
    [
      "a desired set with USE_LATEST",
      { softwareSetUpdateMode: "USE_LATEST", desiredSoftwareSetId: "softwareset-0002" },
      "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED",
    ],
    [
      "a desired set with no mode",
      { desiredSoftwareSetId: "softwareset-0002" },
      "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED",
    ],
    [
      "USE_DESIRED without a desired set",
      { softwareSetUpdateMode: "USE_DESIRED" },
      "desiredSoftwareSetId is required when softwareSetUpdateMode is USE_DESIRED",
    ],
    [
      "an identity provider URL for a WorkSpaces desktop",
      { desktopEndpoint: "https://idp.example.com/login" },
      "desktopEndpoint is only allowed when desktopArn is an AppStream 2.0 stack",
    ],
  ])("refuses %s in plain words", (_what, overrides, reason) => {
    const { failures } = checked({ desktopArn, ...overrides });
    expect(failures.map((f) => f.reason)).toEqual([reason]);
  });

  it("accepts a pinned software set with USE_DESIRED, and an AppStream desktop with its identity provider", () => {
    expect(
      checked({ desktopArn, softwareSetUpdateMode: "USE_DESIRED", desiredSoftwareSetId: "softwareset-0002" }).failures,
    ).toEqual([]);
    expect(
      checked({
        desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/design",
        desktopEndpoint: "https://idp.example.com/login",
      }).failures,
    ).toEqual([]);
  });
});

describe("thinclient:Environment", () => {
  it("creates with a CUSTOM window and tags, and returns the activation code", async () => {
    const { id, outs } = await createResource(type, inputs());
    expect(outs).toMatchObject({
      environmentId: id,
      name: "Front desk",
      desktopType: "workspaces",
      maintenanceWindow: customWindow,
      tags: { team: "euc", owner: "alice" },
    });
    expect(outs.activationCode).toMatch(/^[a-z0-9]{8}$/);
    expect((await counts())["thinclient:CreateEnvironment"]).toBe(1);
    expect((await emulator.control.resource("thinclient:Environment", id))?.attributes.tags).toEqual({
      team: "euc",
      owner: "alice",
    });
  });

  it("reads the tag map through ListTagsForResource, not the read's resource reference", async () => {
    const { id, outs } = await createResource(type, inputs());
    const read = await readResource(type, id, outs);
    expect(read.props?.tags).toEqual({ team: "euc", owner: "alice" });
    expect(read.inputs).toMatchObject({
      desktopArn,
      name: "Front desk",
      maintenanceWindow: customWindow,
      tags: { team: "euc", owner: "alice" },
    });
  });

  it("sends only the tag difference: one TagResource for the added key, one UntagResource for the removed", async () => {
    const first = inputs();
    const { id, outs } = await createResource(type, first);
    await emulator.control.resetCalls();
    const next = { ...first, tags: { team: "euc", costCenter: "4410" } };
    expect(diffResource(type, outs, next).changes).toBeUndefined();
    await updateResource(type, id, outs, next);
    const after = await counts();
    expect(after["thinclient:TagResource"]).toBe(1);
    expect(after["thinclient:UntagResource"]).toBe(1);
    expect(after["thinclient:UpdateEnvironment"]).toBeUndefined();
    // Thin Client's model marks tags sensitive: the log holds their fingerprints, compared exactly.
    const resourceArn = outs.arn;
    expect(await emulator.control.inputs("TagResource")).toEqual([
      { resourceArn, tags: await emulator.control.redacted({ costCenter: "4410" }) },
    ]);
    expect(await emulator.control.inputs("UntagResource")).toEqual([
      { resourceArn, tagKeys: await emulator.control.redacted(["owner"]) },
    ]);
    expect((await emulator.control.resource("thinclient:Environment", id))?.attributes.tags).toEqual({
      team: "euc",
      costCenter: "4410",
    });
  });

  it("updates the window and the software set mode in place with one UpdateEnvironment", async () => {
    const first = inputs();
    const { id, outs } = await createResource(type, first);
    await emulator.control.resetCalls();
    const next = {
      ...first,
      maintenanceWindow: { ...customWindow, daysOfTheWeek: ["WEDNESDAY"] },
      softwareSetUpdateMode: "USE_DESIRED",
      desiredSoftwareSetId: "softwareset-0002",
    };
    const updated = await updateResource(type, id, outs, next);
    expect(updated.outs).toMatchObject({
      softwareSetUpdateMode: "USE_DESIRED",
      desiredSoftwareSetId: "softwareset-0002",
      maintenanceWindow: { daysOfTheWeek: ["WEDNESDAY"] },
    });
    expect(await counts()).toMatchObject({ "thinclient:UpdateEnvironment": 1 });
    expect((await counts())["thinclient:TagResource"]).toBeUndefined();

    // Back to the latest set: the pinned one goes with the mode, and the window back to the service's.
    const {
      maintenanceWindow: _dropped,
      desiredSoftwareSetId: _pinned,
      softwareSetUpdateMode: _mode,
      ...latest
    } = next;
    const back = await updateResource(type, id, updated.outs, latest);
    expect(back.outs).toMatchObject({ softwareSetUpdateMode: "USE_LATEST", maintenanceWindow: { type: "SYSTEM" } });
    expect(back.outs.desiredSoftwareSetId).toBeUndefined();
  });

  it("replaces the environment for a new KMS key, which UpdateEnvironment cannot change", async () => {
    const first = inputs({ kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/one" });
    const { outs } = await createResource(type, first);
    const diff = diffResource(type, outs, { ...first, kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/two" });
    expect(diff).toMatchObject({ changes: true, replaces: ["kmsKeyArn"] });
  });

  it("shows an out-of-band change of the window as drift of maintenanceWindow, and the update puts it back", async () => {
    const first = inputs();
    const { id, outs } = await createResource(type, first);
    await emulator.control.mutate("thinclient:Environment", id, { maintenanceWindow: { type: "SYSTEM" } });
    const read = await readResource(type, id, outs);
    expect(read.inputs?.maintenanceWindow).toEqual({ type: "SYSTEM" });
    expect(diffResource(type, read.props ?? {}, first).changes).toBeUndefined();
    await updateResource(type, id, read.props ?? {}, first);
    expect((await emulator.control.resource("thinclient:Environment", id))?.attributes.maintenanceWindow).toEqual(
      customWindow,
    );
  });

  it("takes over an existing environment by adoptId without creating one, and matches the program", async () => {
    const existing = await createResource(type, inputs({ name: "Made elsewhere" }));
    await emulator.control.resetCalls();
    const adopted = await createResource(type, inputs({ adoptId: existing.id }));
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({ name: "Front desk", tags: { team: "euc", owner: "alice" } });
    expect((await counts())["thinclient:CreateEnvironment"]).toBeUndefined();
    expect(await counts()).toMatchObject({ "thinclient:UpdateEnvironment": 1 });
  });

  it("deletes, and a second delete finds nothing to do", async () => {
    const { id, outs } = await createResource(type, inputs());
    await deleteResource(type, id, outs);
    expect(await emulator.control.resource("thinclient:Environment", id)).toBeUndefined();
    await deleteResource(type, id, outs);
  });
});
