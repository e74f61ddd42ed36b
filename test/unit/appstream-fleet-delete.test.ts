// How the appstream:Fleet hook's destroy waits: for a fleet the service still lists STARTING after
// its stop (until the program's delete timeout), and, after the delete, for its deletion, named as
// such when the fleet turns up in another state. The engine's waits run on a simulated clock here.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { engineOnSimulatedClock } from "../helpers/simulated-clock";

const { checked, emulator } = engineEndpoint([appstreamService], { stack: "fleet-delete", reset: "world" });

engineOnSimulatedClock(2_000);
afterEach(async () => {
  await emulator().control.updateSettings({ transitionMs: 0 });
});

const fleet = (name: string, state: string) =>
  createResource(
    "appstream:Fleet",
    checked("appstream:Fleet", {
      name,
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state,
      timeouts: { delete: 0.05 },
    }),
  );

/** Destroys the fleet, setting its state to `state` while `operation` is held after it was applied. */
async function destroyWhileListed(
  created: { id: string; outs: Record<string, unknown> },
  operation: string,
  state: string,
): Promise<Error | undefined> {
  await emulator().control.holdOperation(operation, 1, "after");
  const outcome = deleteResource("appstream:Fleet", created.id, created.outs).then(
    () => undefined,
    (error: Error) => error,
  );
  await emulator().control.waitFor(
    () => emulator().control.blocked(),
    (b) => b.blocked,
  );
  await emulator().control.mutate("appstream:Fleet", created.id, { State: state });
  await emulator().control.unblock();
  return outcome;
}

describe("appstream:Fleet destroy", () => {
  it("waits for a fleet still listed STARTING after its stop, until the delete timeout", async () => {
    const created = await fleet("late", "RUNNING");
    const error = await destroyWhileListed(created, "StopFleet", "STARTING");
    expect(error?.message).toMatch(/is still STARTING after [\d.]+s, past its timeout of 0.05 min/);
  });

  it("names what it waited for when the deleted fleet turns up in another state", async () => {
    const created = await fleet("revived", "STOPPED");
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    const error = await destroyWhileListed(created, "DeleteFleet", "STARTING");
    expect(error?.message).toContain("is in state STARTING, which leads to neither deletion");
  });
});
