// What the appstream:Fleet hook does that a user notices, through the provider's entry points against
// the local endpoint: the desired capacity read back as the program states it (sessions for a
// multi-session fleet, none for an ELASTIC one), and a destroy that stops only a fleet not already
// STOPPED and takes a fleet deleted meanwhile as deleted.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { checked, create, destroy, providerEndpoint, read, runtime } from "../helpers/provider-calls";

const endpoint = providerEndpoint([appstreamService]);

async function fleetOperations(): Promise<string[]> {
  const { log } = await endpoint().control.calls();
  return log.map((e) => e.operation).filter((op) => /Fleet|AssociatedStacks/.test(op) && op !== "DescribeFleets");
}

const onDemand = { instanceType: "stream.standard.medium", imageName: "AppStream-WinServer2019-06-12-2024" };

describe("appstream:Fleet read", () => {
  it("reads a multi-session fleet's capacity back as desired sessions, so a refresh shows no drift", async () => {
    const inputs = await checked("appstream:Fleet", {
      ...onDemand,
      maxSessionsPerInstance: 5,
      computeCapacity: { desiredSessions: 10 },
    });
    const fleet = await create(inputs);
    const refreshed = await read(fleet.id, fleet.outs);
    expect(refreshed.inputs?.computeCapacity).toEqual({ desiredSessions: 10 });
    expect((await runtime.diff("appstream:Fleet", fleet.id, refreshed.props!, inputs)).changes).toBe(false);
  });

  it("reads an ELASTIC fleet with no desired capacity, which it does not take", async () => {
    const inputs = await checked("appstream:Fleet", {
      fleetType: "ELASTIC",
      instanceType: "stream.standard.medium",
      platform: "WINDOWS_SERVER_2019",
      maxConcurrentSessions: 20,
      vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0"] },
    });
    const fleet = await create(inputs);
    const refreshed = await read(fleet.id, fleet.outs);
    expect(refreshed.props?.computeCapacity).toBeUndefined();
    expect(refreshed.inputs).not.toHaveProperty("computeCapacity");
    expect((await runtime.diff("appstream:Fleet", fleet.id, refreshed.props!, inputs)).changes).toBe(false);
  });
});

describe("appstream:Fleet destroy", () => {
  it("deletes a STOPPED fleet without stopping it, and waits until it is gone", async () => {
    const fleet = await create(
      await checked("appstream:Fleet", { ...onDemand, computeCapacity: { desiredInstances: 1 } }),
    );
    expect(fleet.outs.currentState).toBe("STOPPED");
    await endpoint().control.resetCalls();
    await destroy(fleet.id, fleet.outs);
    expect(await fleetOperations()).toEqual(["ListAssociatedStacks", "DeleteFleet"]);
    expect(await endpoint().control.inputs("DeleteFleet")).toEqual([{ Name: fleet.id }]);
    expect(await endpoint().control.resource("appstream:Fleet", fleet.id)).toBeUndefined();
  });

  it("takes a fleet someone deleted while its destroy was under way as deleted", async () => {
    const fleet = await create(
      await checked("appstream:Fleet", { ...onDemand, computeCapacity: { desiredInstances: 1 } }),
    );
    await endpoint().control.holdOperation("DeleteFleet", 1, "before");
    const destroying = destroy(fleet.id, fleet.outs);
    await endpoint().control.waitFor(
      () => endpoint().control.blocked(),
      (b) => b.blocked && b.operation === "DeleteFleet",
    );
    await endpoint().control.deleteResource("appstream:Fleet", fleet.id);
    await endpoint().control.unblock();
    await expect(destroying).resolves.toBeUndefined();
    const deletes = (await endpoint().control.calls()).log.filter((e) => e.operation === "DeleteFleet");
    expect(deletes.map((e) => [e.outcome, e.errorCode])).toEqual([["error", "ResourceNotFoundException"]]);
  });

  it("waits for the stop as long as its delete timeout says, and no longer", async () => {
    const inputs = await checked("appstream:Fleet", {
      ...onDemand,
      computeCapacity: { desiredInstances: 1 },
      state: "RUNNING",
      timeouts: { delete: 0.002 },
    });
    const fleet = await create(inputs);
    await endpoint().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await expect(destroy(fleet.id, fleet.outs)).rejects.toThrow(
        /is still STOPPING after [\d.]+s, past its timeout of 0\.002 min/,
      );
    } finally {
      await endpoint().control.updateSettings({ transitionMs: 20 });
    }
  });
});
