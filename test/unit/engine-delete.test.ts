// What a destroy sends, through deleteResource against the local endpoint: the delete call with its
// client token, nothing for a resource already gone, and a device's delete behaviour (the
// deregistration's payload and token, the delete after it, a device already where the behaviour
// leads, a behaviour the schema does not describe).
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { loadSchema } from "../../provider/engine/schema-loader";
import { clientToken } from "../../provider/engine/wire";

const { emulator, checked, mutatingCalls } = engineEndpoint([appstreamService, thinClientService], {
  stack: "delete",
  namePrefix: "d",
  reset: "world",
});

const desktopArn = "arn:aws:appstream:us-west-2:123456789012:stack/lobby";

const device = async (id: string) => (await emulator().control.resource("thinclient:Device", id))?.attributes;

describe("a destroy", () => {
  it("sends the delete call with a client token derived from the id, and waits until it is gone", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn }),
    );
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Environment", id, outs);
    expect(await emulator().control.inputs("DeleteEnvironment")).toEqual([
      { id, clientToken: clientToken(loadSchema("thinclient:Environment"), `delete:${id}`, outs) },
    ]);
    expect(await emulator().control.resource("thinclient:Environment", id)).toBeUndefined();
  });

  it("of a resource already gone sends nothing", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn }),
    );
    await emulator().control.deleteResource("thinclient:Environment", id);
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Environment", id, outs);
    expect(await mutatingCalls()).toEqual([]);
  });
});

describe("a device's delete behaviour", () => {
  const adopt = async (deviceId: string, deleteBehaviour?: string) =>
    createResource(
      "thinclient:Device",
      checked("thinclient:Device", { adoptId: deviceId, ...(deleteBehaviour ? { deleteBehaviour } : {}) }),
    );

  it("deregisters with the behaviour's target and a token derived from the device as it is, then deletes", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000002", "ARCHIVE_AND_DELETE");
    const live = await device(id);
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    const [deregister] = await emulator().control.inputs("DeregisterDevice");
    const schema = loadSchema("thinclient:Device");
    const scope = { ...outs, deviceId: id };
    expect(deregister).toEqual({
      id,
      targetDeviceStatus: "ARCHIVED",
      clientToken: clientToken(schema, `DeregisterDevice:destroy:${String(outs.updatedAt)}`, scope),
    });
    expect(live?.status).toBe("REGISTERED");
    expect(await mutatingCalls()).toEqual(["DeregisterDevice", "DeleteDevice"]);
    expect(await device(id)).toBeUndefined();
  });

  it("without a behaviour deregisters and keeps the device", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000001");
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect(await mutatingCalls()).toEqual(["DeregisterDevice"]);
    expect((await device(id))?.status).toBe("DEREGISTERED");
  });

  it("sends no deregistration for a device already where the behaviour leads, but still deletes it", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000003", "DEREGISTER_AND_DELETE");
    await emulator().control.mutate("thinclient:Device", id, { status: "ARCHIVED" });
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect(await mutatingCalls()).toEqual(["DeleteDevice"]);
  });

  it("refuses a behaviour the schema does not describe, naming it", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000001");
    await expect(deleteResource("thinclient:Device", id, { ...outs, deleteBehaviour: "SHRED" })).rejects.toThrow(
      /^thinclient:Device d\d+: deleteBehaviour SHRED is not one the schema describes$/,
    );
  });

  it("FORGET only drops the device from the stack", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000001", "FORGET");
    await emulator().control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect(await mutatingCalls()).toEqual([]);
    expect((await device(id))?.status).toBe("REGISTERED");
  });

  it("waits for the behaviour's target through its pending states, and gives up at the delete timeout", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000002", "ARCHIVE");
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await expect(deleteResource("thinclient:Device", id, { ...outs, timeouts: { delete: 0.0005 } })).rejects.toThrow(
        /^thinclient:Device d\d+ \(tcdevice0000000000000002\) is still DEREGISTERING after \d+\.\ds, past its timeout of 0\.0005 min;/,
      );
    } finally {
      await emulator().control.updateSettings({ transitionMs: 0 });
    }
    expect((await device(id))?.status).toBe("DEREGISTERING");
  });
});

describe("a type's own delete", () => {
  it("replaces the delete call: a running fleet is stopped first", async () => {
    const inputs = checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state: "RUNNING",
    });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.resetCalls();
    await deleteResource("appstream:Fleet", id, outs);
    expect(await mutatingCalls()).toEqual(["StopFleet", "DeleteFleet"]);
    expect(await emulator().control.resource("appstream:Fleet", id)).toBeUndefined();
  });
});
