// What a destroy sends, through deleteResource against the local endpoint: the delete call with its
// client token, nothing for a resource already gone, and a device's delete behaviour (the
// deregistration's payload and token, the delete after it, a device already where the behaviour
// leads, a behaviour the schema does not describe).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { thinClientService } from "../../emulator/services/thinclient";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { clientToken } from "../../provider/engine/identity";
import { checkResource } from "../../provider/engine/plan";
import { loadSchema } from "../../provider/engine/schema-loader";
import { backoff, predictive } from "../../provider/engine/waiter";

let emulator: RunningEmulator;
let sequence = 0;
const real = { initialMs: backoff.initialMs, fineMs: predictive.fineMs };
const desktopArn = "arn:aws:appstream:us-west-2:123456789012:stack/lobby";

function checked(type: string, inputs: Record<string, unknown>) {
  const result = checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::delete::pulumi-nodejs:dynamic/${type}::d${++sequence}`, ...inputs },
  );
  expect(result.failures).toEqual([]);
  return result.inputs;
}

const mutatingCalls = async () =>
  (await emulator.control.calls()).log.filter((entry) => entry.mutating).map((entry) => entry.operation);
const device = async (id: string) => (await emulator.control.resource("thinclient:Device", id))?.attributes;

beforeAll(async () => {
  emulator = await startEmulatorWith([thinClientService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  backoff.initialMs = 1;
  predictive.fineMs = 1;
});
afterAll(async () => {
  backoff.initialMs = real.initialMs;
  predictive.fineMs = real.fineMs;
  await emulator?.close();
});
beforeEach(async () => {
  await emulator.control.reset();
});

describe("a destroy", () => {
  it("sends the delete call with a client token derived from the id, and waits until it is gone", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn }),
    );
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Environment", id, outs);
    expect(await emulator.control.inputs("DeleteEnvironment")).toEqual([
      { id, clientToken: clientToken(loadSchema("thinclient:Environment"), `delete:${id}`, outs) },
    ]);
    expect(await emulator.control.resource("thinclient:Environment", id)).toBeUndefined();
  });

  it("of a resource already gone sends nothing", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn }),
    );
    await emulator.control.deleteResource("thinclient:Environment", id);
    await emulator.control.resetCalls();
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
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    const [deregister] = await emulator.control.inputs("DeregisterDevice");
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
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect(await mutatingCalls()).toEqual(["DeregisterDevice"]);
    expect((await device(id))?.status).toBe("DEREGISTERED");
  });

  it("sends no deregistration for a device already where the behaviour leads, but still deletes it", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000003", "DEREGISTER_AND_DELETE");
    await emulator.control.mutate("thinclient:Device", id, { status: "ARCHIVED" });
    await emulator.control.resetCalls();
    await deleteResource("thinclient:Device", id, outs);
    expect(await mutatingCalls()).toEqual(["DeleteDevice"]);
  });

  it("refuses a behaviour the schema does not describe, naming it", async () => {
    const { id, outs } = await adopt("tcdevice0000000000000001");
    await expect(deleteResource("thinclient:Device", id, { ...outs, deleteBehaviour: "SHRED" })).rejects.toThrow(
      /^thinclient:Device d\d+: deleteBehaviour SHRED is not one the schema describes$/,
    );
  });
});
