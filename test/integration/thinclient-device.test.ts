// thinclient:Device and thinclient:SoftwareSetValidation through the engine, over HTTP with the real
// SDK, and the thinclient functions: adoption of a device that registered itself, its delete
// behaviours, a software set's validation status set and restored, listings of every page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { thinClientService } from "../../emulator/services/thinclient";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource, checkResourceWithService } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { updateResource } from "../../provider/engine/update";
import { getSoftwareSet, listDevices, listSoftwareSets } from "../../provider/functions/thinclient";

let emulator: RunningEmulator;
let sequence = 0;

function checked(type: string, properties: Record<string, unknown>) {
  const resource = type.split(":")[1];
  return checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::tc::pulumi-nodejs:dynamic/${type}::${resource}${++sequence}`, ...properties },
  );
}

function valid(type: string, properties: Record<string, unknown>) {
  const { inputs, failures } = checked(type, properties);
  expect(failures).toEqual([]);
  return inputs;
}

const device = async (id: string) => (await emulator.control.resource("thinclient:Device", id))?.attributes;
const counts = async () => (await emulator.control.calls()).counts;

beforeAll(async () => {
  emulator = await startEmulatorWith([thinClientService], { port: 0, transitionMs: 20 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  // The functions read the program's configuration, which outside a program falls back to these.
  process.env.PULUMI_AWS_EUC_ENDPOINT = emulator.url;
  process.env.AWS_REGION = "us-west-2";
});
afterAll(() => emulator?.close());
beforeEach(async () => {
  await emulator.control.reset();
});

describe("thinclient:Device", () => {
  it("cannot be created, only adopted: adoptId is required at check time", () => {
    const { failures } = checked("thinclient:Device", { name: "lobby" });
    expect(failures).toEqual([
      {
        property: "adoptId",
        reason: "adoptId is required: a thinclient:Device cannot be created through the API, only taken over by id",
      },
    ]);
  });

  it("says clearly when the device to adopt does not exist", async () => {
    await expect(
      createResource(
        "thinclient:Device",
        valid("thinclient:Device", { adoptId: "tcdevice0000000000009999", name: "ghost" }),
      ),
    ).rejects.toThrow(
      'adoptId: thinclient:Device "tcdevice0000000000009999" does not exist, so there is nothing to take over',
    );
  });

  it("adopts a registered device, renames and tags it, and later changes only what changed", async () => {
    const inputs = valid("thinclient:Device", {
      adoptId: "tcdevice0000000000000001",
      name: "lobby-1",
      softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
      tags: { site: "hq" },
    });
    const { id, outs } = await createResource("thinclient:Device", inputs);
    expect(id).toBe("tcdevice0000000000000001");
    expect(outs).toMatchObject({
      deviceId: "tcdevice0000000000000001",
      name: "lobby-1",
      status: "REGISTERED",
      serialNumber: "G4A0000000000001",
      tags: { site: "hq" },
    });
    expect(await device("tcdevice0000000000000001")).toMatchObject({
      name: "lobby-1",
      softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
      tags: { site: "hq" },
    });

    await emulator.control.resetCalls();
    const renamed = await updateResource("thinclient:Device", id, outs, { ...inputs, name: "lobby-2" });
    expect(renamed.outs.name).toBe("lobby-2");
    expect(await counts()).toMatchObject({ "thinclient:UpdateDevice": 1 });
    expect((await counts())["thinclient:TagResource"]).toBeUndefined();
    // Only the name: the schedule and the tags did not change. (The model marks device names sensitive.)
    expect(await emulator.control.inputs("UpdateDevice")).toEqual([
      { id: "tcdevice0000000000000001", name: await emulator.control.redacted("lobby-2") },
    ]);

    const read = await readResource("thinclient:Device", id, renamed.outs);
    expect(read.inputs).toMatchObject({
      name: "lobby-2",
      softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
      tags: { site: "hq" },
    });
  });

  it.each([
    ["DEREGISTER", "DEREGISTERED", ["DeregisterDevice"]],
    [undefined, "DEREGISTERED", ["DeregisterDevice"]],
    ["ARCHIVE", "ARCHIVED", ["DeregisterDevice"]],
    ["DEREGISTER_AND_DELETE", undefined, ["DeregisterDevice", "DeleteDevice"]],
    ["ARCHIVE_AND_DELETE", undefined, ["DeregisterDevice", "DeleteDevice"]],
    ["FORGET", "REGISTERED", []],
  ])("destroys with deleteBehaviour %s: the device ends %s", async (deleteBehaviour, status, calls) => {
    const inputs = valid("thinclient:Device", {
      adoptId: "tcdevice0000000000000002",
      name: "kiosk",
      ...(deleteBehaviour ? { deleteBehaviour } : {}),
    });
    const { id, outs } = await createResource("thinclient:Device", inputs);
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect((await device("tcdevice0000000000000002"))?.status).toBe(status);
    const mutating = (await emulator.control.calls()).log
      .map((entry) => entry.operation)
      .filter((op) => /^(Deregister|Delete|Update)/.test(op));
    expect(mutating).toEqual(calls);
  });

  it("waits while the device is DEREGISTERING and returns once it is ARCHIVED", async () => {
    const { id, outs } = await createResource(
      "thinclient:Device",
      valid("thinclient:Device", { adoptId: "tcdevice0000000000000002", deleteBehaviour: "ARCHIVE" }),
    );
    const { transitionMs } = await emulator.control.settings();
    await emulator.control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await emulator.control.resetCalls();
      let finished = false;
      const deletion = deleteResource("thinclient:Device", id, outs).finally(() => (finished = true));
      // Polled at least twice after the deregistration, and still not done.
      await emulator.control.waitFor(
        async () => (await counts())["thinclient:GetDevice"] ?? 0,
        (n) => n >= 3,
      );
      expect((await device(id))?.status).toBe("DEREGISTERING");
      expect(finished).toBe(false);
      await emulator.control.advance(3_600_000);
      await deletion;
      expect((await device(id))?.status).toBe("ARCHIVED");
    } finally {
      await emulator.control.updateSettings({ transitionMs });
    }
  });

  it("takes a device someone already deregistered the rest of the way, and no further", async () => {
    const archive = await createResource(
      "thinclient:Device",
      valid("thinclient:Device", { adoptId: "tcdevice0000000000000003", deleteBehaviour: "ARCHIVE" }),
    );
    await emulator.control.mutate("thinclient:Device", archive.id, { status: "DEREGISTERED" });
    await deleteResource("thinclient:Device", archive.id, archive.outs);
    expect((await device(archive.id))?.status).toBe("ARCHIVED");

    const deregister = await createResource(
      "thinclient:Device",
      valid("thinclient:Device", { adoptId: "tcdevice0000000000000001" }),
    );
    await emulator.control.mutate("thinclient:Device", deregister.id, { status: "ARCHIVED" });
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Device", deregister.id, deregister.outs);
    expect((await device(deregister.id))?.status).toBe("ARCHIVED");
    expect((await counts())["thinclient:DeregisterDevice"]).toBeUndefined();
  });
});

describe("thinclient:Device with its environment stated", () => {
  const urn = "urn:pulumi:test::tc::pulumi-nodejs:dynamic/thinclient:Device::stated";
  async function deviceOfNewEnvironment(): Promise<{ environmentId: string; deviceId: string }> {
    const environment = valid("thinclient:Environment", {
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/apps",
    });
    const { id: environmentId, outs } = await createResource("thinclient:Environment", environment);
    const { device } = await emulator.control.serviceControl<{ device: { id: string } }>("register-device", {
      activationCode: outs.activationCode,
      serialNumber: `G4A${Date.now()}`,
    });
    return { environmentId, deviceId: device.id };
  }

  it("passes the preview when it is the device's environment, and keeps it as the device's environmentId", async () => {
    const { environmentId, deviceId } = await deviceOfNewEnvironment();
    const checked = await checkResourceWithService(
      "thinclient:Device",
      {},
      { __urn: urn, adoptId: deviceId, environmentId, name: "kiosk" },
    );
    expect(checked.failures).toEqual([]);
    const { outs } = await createResource("thinclient:Device", checked.inputs);
    expect(outs.environmentId).toBe(environmentId);
  });

  it("fails the preview naming both environments when the device registered elsewhere", async () => {
    const { environmentId, deviceId } = await deviceOfNewEnvironment();
    const checked = await checkResourceWithService(
      "thinclient:Device",
      {},
      { __urn: urn, adoptId: deviceId, environmentId: "env-elsewhere", name: "kiosk" },
    );
    expect(checked.failures).toEqual([
      {
        property: "environmentId",
        reason: `environmentId: device ${deviceId} is registered to environment ${environmentId}, not env-elsewhere; a device changes environment only by registering again with that environment's activation code`,
      },
    ]);
  });
});

describe("thinclient:SoftwareSetValidation", () => {
  const type = "thinclient:SoftwareSetValidation";
  const status = async (id: string) =>
    (await emulator.control.resource("thinclient:SoftwareSet", id))?.attributes.validationStatus;

  it("validates a software set and restores the status it found on destroy", async () => {
    expect(await status("softwareset-0002")).toBe("NOT_VALIDATED");
    const inputs = valid(type, { softwareSetId: "softwareset-0002", validationStatus: "VALIDATED" });
    const { id, outs } = await createResource(type, inputs);
    expect(id).toBe("softwareset-0002");
    expect(outs).toMatchObject({
      validationStatus: "VALIDATED",
      previousValidationStatus: "NOT_VALIDATED",
      version: "2024.06.2",
    });
    expect(await status("softwareset-0002")).toBe("VALIDATED");

    // Updates and refreshes keep the status to restore.
    const back = await updateResource(type, id, outs, { ...inputs, validationStatus: "NOT_VALIDATED" });
    expect(back.outs).toMatchObject({ validationStatus: "NOT_VALIDATED", previousValidationStatus: "NOT_VALIDATED" });
    const again = await updateResource(type, id, back.outs, inputs);
    const read = await readResource(type, id, again.outs);
    expect(read.props).toMatchObject({ validationStatus: "VALIDATED", previousValidationStatus: "NOT_VALIDATED" });

    await deleteResource(type, id, read.props ?? {});
    expect(await status("softwareset-0002")).toBe("NOT_VALIDATED");
  });

  it("restores the status found by a create that an interrupted up never recorded", async () => {
    const tags = async () =>
      (await emulator.control.resource("thinclient:SoftwareSet", "softwareset-0001"))?.attributes.tags ?? {};
    await emulator.control.mutate("thinclient:SoftwareSet", "softwareset-0001", { validationStatus: "NOT_VALIDATED" });
    const inputs = valid(type, { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" });
    // The killed up's create changed the status; Pulumi never recorded its answer, so the next up
    // creates the resource again over a software set that is already VALIDATED.
    await createResource(type, { ...inputs });
    expect(await status("softwareset-0001")).toBe("VALIDATED");
    const { id, outs } = await createResource(type, { ...inputs });
    expect(outs).toMatchObject({ validationStatus: "VALIDATED", previousValidationStatus: "NOT_VALIDATED" });

    await deleteResource(type, id, outs);
    expect(await status("softwareset-0001")).toBe("NOT_VALIDATED");
    // Nothing of the resource is left on the software set once it let go.
    expect(Object.keys(await tags())).toEqual([]);
  });

  it("leaves the status as it is on destroy with deleteBehaviour KEEP", async () => {
    const { id, outs } = await createResource(
      type,
      valid(type, { softwareSetId: "softwareset-0003", validationStatus: "VALIDATED", deleteBehaviour: "KEEP" }),
    );
    await deleteResource(type, id, outs);
    expect(await status("softwareset-0003")).toBe("VALIDATED");
  });

  it("shows an out-of-band change of the status as drift of validationStatus", async () => {
    const inputs = valid(type, { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" });
    const { id, outs } = await createResource(type, inputs);
    await emulator.control.mutate("thinclient:SoftwareSet", id, { validationStatus: "NOT_VALIDATED" });
    const read = await readResource(type, id, outs);
    expect(read.inputs).toMatchObject({ validationStatus: "NOT_VALIDATED" });
    expect(read.props?.previousValidationStatus).toBe("NOT_VALIDATED");
  });

  it("refuses adoptId, which it has no use for", () => {
    const { failures } = checked(type, {
      softwareSetId: "softwareset-0001",
      validationStatus: "VALIDATED",
      adoptId: "softwareset-0001",
    });
    expect(failures.map((f) => f.property)).toEqual(["adoptId"]);
  });

  it("says which software set does not exist", async () => {
    await expect(
      createResource(type, valid(type, { softwareSetId: "softwareset-9999", validationStatus: "VALIDATED" })),
    ).rejects.toThrow(/GetSoftwareSet failed: ResourceNotFoundException/);
  });
});

describe("thinclient functions", () => {
  it("gets a software set with its components, and lists every set newest first", async () => {
    const set = await getSoftwareSet({ id: "softwareset-0003" });
    expect(set).toMatchObject({ id: "softwareset-0003", version: "2025.03.1", validationStatus: "NOT_VALIDATED" });
    expect(set.software.length).toBeGreaterThan(0);
    expect(set.releasedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await listSoftwareSets()).map((s) => s.id)).toEqual([
      "softwareset-0003",
      "softwareset-0002",
      "softwareset-0001",
    ]);
  });

  it("lists the devices of one environment across every page", async () => {
    const env = await createResource(
      "thinclient:Environment",
      valid("thinclient:Environment", {
        desktopArn: "arn:aws:workspaces:us-west-2:123456789012:directory/d-0000000001",
      }),
    );
    const registered: string[] = [];
    for (let i = 0; i < 55; i++) {
      const { device: d } = await emulator.control.serviceControl<{ device: { id: string } }>("register-device", {
        activationCode: env.outs.activationCode,
      });
      registered.push(d.id);
    }
    await emulator.control.resetCalls();
    const devices = await listDevices({ environmentId: env.id });
    expect(devices.map((d) => d.id).sort()).toEqual([...registered].sort());
    expect(devices.every((d) => d.environmentId === env.id && d.status === "REGISTERED")).toBe(true);
    expect((await counts())["thinclient:ListDevices"]).toBe(2);
    expect((await listDevices()).length).toBe(58);
    expect(await listDevices({ environmentId: env.id, statuses: ["ARCHIVED"] })).toEqual([]);
  });
});
