// How long an update waits: the program's timeouts.update, not its create or delete timeout, bounds
// the wait for the state the update moves the resource to; past it the update fails saying so. The
// engine's waits run on a simulated clock here, so a timeout of seconds passes at once.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { updateResource } from "../../provider/engine/update";
import { engineOnSimulatedClock } from "../helpers/simulated-clock";

const { checked, emulator, mutatingCalls } = engineEndpoint([appstreamService], {
  stack: "update-timeout",
  namePrefix: "t",
});

engineOnSimulatedClock(50);
afterEach(async () => {
  await emulator().control.updateSettings({ transitionMs: 0 });
});

describe("an update whose state change outlasts the program's update timeout", () => {
  it("fails naming the state it is still in and the update timeout, and leaves the resource as it is", async () => {
    const inputs = checked(
      "appstream:Fleet",
      {
        instanceType: "stream.standard.medium",
        imageName: "AppStream-WinServer2019-06-12-2024",
        computeCapacity: { desiredInstances: 1 },
        state: "RUNNING",
        timeouts: { create: 0.01, update: 0.05, delete: 0.02 },
      },
      "slow",
    );
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    // Each transition of the endpoint now takes an hour: the fleet stays STOPPING.
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    await emulator().control.resetCalls();
    await expect(updateResource("appstream:Fleet", id, outs, { ...inputs, state: "STOPPED" })).rejects.toThrow(
      new RegExp(`^appstream:Fleet slow \\(${id}\\) is still STOPPING after [\\d.]+s, past its timeout of 0\\.05 min;`),
    );
    expect(await mutatingCalls()).toEqual(["StopFleet"]);
    expect((await emulator().control.resource("appstream:Fleet", id))?.attributes.State).toBe("STOPPING");
  });
});
