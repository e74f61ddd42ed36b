// Waiting out a busy state before a destroy, through deleteResource against the local endpoint: a
// fleet STARTING is waited for until it is RUNNING or STOPPED (the states of its desired-state
// moves), a state the schema does not know fails naming the ones it waits for, and a fleet that never
// leaves STARTING without errors ends at the delete timeout with nothing deleted. A device that
// disappears while its deregistration is awaited is deleted as the destroy wanted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { defaultWaitHistory, useWaitHistory, type WaitHistory } from "../../provider/engine/wait-history";

const { emulator, checked, mutatingCalls } = engineEndpoint([appstreamService, thinClientService], {
  stack: "settle",
  namePrefix: "s",
});

let original: WaitHistory;
let asked: string[] = [];
beforeEach(() => {
  original = defaultWaitHistory();
  asked = [];
  useWaitHistory({ expectedMs: (key) => void asked.push(key), record: () => undefined });
});
afterEach(() => useWaitHistory(original));

const count = async (operation: string) => (await emulator().control.calls()).counts[operation] ?? 0;

async function startingFleet() {
  const inputs = checked("appstream:Fleet", {
    instanceType: "stream.standard.medium",
    imageName: "AppStream-WinServer2019-06-12-2024",
    computeCapacity: { desiredInstances: 1 },
    state: "STOPPED",
  });
  const fleet = await createResource("appstream:Fleet", inputs);
  await emulator().control.mutate("appstream:Fleet", fleet.id, { State: "STARTING" });
  await emulator().control.resetCalls();
  asked = [];
  return fleet;
}

describe("a destroy of a fleet that is STARTING", () => {
  it("waits through the busy states until it is stopped, then deletes it", async () => {
    const { id, outs } = await startingFleet();
    const destroy = deleteResource("appstream:Fleet", id, outs);
    await emulator().control.waitFor(
      () => count("appstream:DescribeFleets"),
      (n) => n >= 2,
    );
    expect(await mutatingCalls()).toEqual([]);
    await emulator().control.mutate("appstream:Fleet", id, { State: "STOPPED" });
    await destroy;
    // Waiting out the busy state: through every transitional state, to any stable one or deletion.
    expect(asked[0]).toBe("endpoint http://127.0.0.1|appstream:Fleet|STARTING,STOPPING>gone");
    expect(await mutatingCalls()).toEqual(["DeleteFleet"]);
  });

  it("without errors gives up at the delete timeout and deletes nothing", async () => {
    const { id, outs } = await startingFleet();
    await expect(deleteResource("appstream:Fleet", id, { ...outs, timeouts: { delete: 0.0005 } })).rejects.toThrow(
      /^appstream:Fleet s\d+ \(\S+\) is still STARTING after \d+\.\ds, past its timeout of 0\.0005 min;/,
    );
    expect(await mutatingCalls()).toEqual([]);
    expect((await emulator().control.resource("appstream:Fleet", id))?.attributes.State).toBe("STARTING");
  });
});

describe("a destroy of a device that is DEREGISTERING", () => {
  it("waits for its deletion only, and fails on any other state, naming what it waits for", async () => {
    const { id, outs } = await createResource(
      "thinclient:Device",
      checked("thinclient:Device", { adoptId: "tcdevice0000000000000001" }),
    );
    await emulator().control.mutate("thinclient:Device", id, { status: "DEREGISTERING" });
    await emulator().control.resetCalls();
    const destroy = deleteResource("thinclient:Device", id, outs).catch((e: unknown) => e);
    await emulator().control.waitFor(
      () => count("thinclient:GetDevice"),
      (n) => n >= 2,
    );
    await emulator().control.mutate("thinclient:Device", id, { status: "REGISTERED" });
    expect(((await destroy) as Error).message).toMatch(
      /^thinclient:Device s\d+ \(tcdevice0000000000000001\) is in state REGISTERED, which leads to neither deletion$/,
    );
    expect(await mutatingCalls()).toEqual([]);
  });
});

describe("a device that disappears while its deregistration is awaited", () => {
  it("counts as deleted", async () => {
    const { id, outs } = await createResource(
      "thinclient:Device",
      checked("thinclient:Device", { adoptId: "tcdevice0000000000000002", deleteBehaviour: "ARCHIVE" }),
    );
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await emulator().control.resetCalls();
      const destroy = deleteResource("thinclient:Device", id, outs);
      await emulator().control.waitFor(
        async () => (await emulator().control.resource("thinclient:Device", id))?.attributes.status,
        (status) => status === "DEREGISTERING",
      );
      await emulator().control.deleteResource("thinclient:Device", id);
      await expect(destroy).resolves.toBeUndefined();
    } finally {
      await emulator().control.updateSettings({ transitionMs: 0 });
    }
    expect(await mutatingCalls()).toEqual(["DeregisterDevice"]);
  });
});
