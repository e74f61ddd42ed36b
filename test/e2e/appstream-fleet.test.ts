// appstream:Fleet through the real CLI: desired state, what a RUNNING fleet takes in place and what
// needs a stop (the emulator's call log proves the order), AttributesToDelete, preview-time ranges,
// FleetErrors that fail the `up` and keep the fleet, and the delete sequence with a stack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { configValues, programStack, stateResource, type ProgramStack } from "../helpers/pulumi-stack";

const program = "test/e2e/programs/appstream-fleet";
let emulator: RunningEmulator;
let main: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  main = await programStack(program, { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

/** The mutating AppStream calls since the last reset, in order. */
async function mutations(): Promise<string[]> {
  return (await emulator.control.calls()).log
    .filter((e) => e.mutating && e.service === "appstream")
    .map((e) => e.operation);
}

async function fleet(name: string) {
  return (await emulator.control.resource("appstream:Fleet", name))?.attributes;
}

async function set(values: Record<string, string>): Promise<void> {
  await main.stack.setAllConfig(configValues(values));
}

function diffs(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same" && m.type.includes("dynamic")) out[`${m.op} ${m.type.split(":").pop()}`] = m.diffs ?? [];
  }
  return out;
}

describe("appstream:Fleet through the real CLI", () => {
  it("fails preview on an out-of-range duration, naming the property and the rule, and creates nothing", async () => {
    await set({ maxUserDuration: "432001" });
    const preview = await main.stack.preview().catch((e: Error) => e);
    expect(preview).toBeInstanceOf(Error);
    expect(String((preview as Error).message)).toContain("maxUserDurationInSeconds must be <= 432000 (got 432001)");
    const up = await main.stack.up().catch((e: Error) => e);
    expect(up).toBeInstanceOf(Error);
    expect(await mutations()).toEqual([]);
    expect(await emulator.control.resources("appstream:Fleet")).toEqual([]);
    await main.stack.removeConfig("maxUserDuration");
  }, 120_000);

  it("creates the fleet STOPPED without starting it, then starts it when state becomes RUNNING", async () => {
    await set({ fleetState: "STOPPED" });
    const created = await main.stack.up();
    const name = created.outputs.fleetName.value as string;
    expect(created.outputs.currentState.value).toBe("STOPPED");
    expect(await mutations()).toEqual(["CreateFleet"]);
    expect((await fleet(name))?.State).toBe("STOPPED");

    await emulator.control.resetCalls();
    await set({ fleetState: "RUNNING" });
    const started = await main.stack.up();
    expect(started.outputs.currentState.value).toBe("RUNNING");
    expect(await mutations()).toEqual(["StartFleet"]);
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 180_000);

  it("renames a RUNNING fleet in place, with no stop", async () => {
    await emulator.control.resetCalls();
    await set({ displayName: "Office (renamed)" });
    const events: EngineEvent[] = [];
    await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(diffs(events)).toEqual({ "update Fleet": ["displayName"] });
    const up = await main.stack.up();
    expect(await mutations()).toEqual(["UpdateFleet"]);
    expect(await fleet(up.outputs.fleetName.value as string)).toMatchObject({
      State: "RUNNING",
      DisplayName: "Office (renamed)",
    });
  }, 180_000);

  it("reports capacity drift on the desired count only, never on the live counts", async () => {
    const name = (await main.stack.outputs()).fleetName.value as string;
    const status = (await fleet(name))?.ComputeCapacityStatus as Record<string, number>;
    // Users connect: instances in use, none available. Not drift.
    await emulator.control.mutate("appstream:Fleet", name, {
      ComputeCapacityStatus: { ...status, InUse: 2, Available: 0 },
    });
    await main.stack.refresh();
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
    // Someone scales the fleet in the console: drift of computeCapacity, and up puts it back.
    await emulator.control.mutate("appstream:Fleet", name, { ComputeCapacityStatus: { ...status, Desired: 6 } });
    await main.stack.refresh();
    const events: EngineEvent[] = [];
    await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(diffs(events)).toEqual({ "update Fleet": ["computeCapacity"] });
    await emulator.control.resetCalls();
    await main.stack.up();
    expect(await mutations()).toEqual(["UpdateFleet"]);
    expect((await fleet(name))?.ComputeCapacityStatus).toMatchObject({ Desired: 2 });
  }, 180_000);

  it("stops a RUNNING fleet for an instance type change, updates it, and starts it again", async () => {
    await emulator.control.resetCalls();
    await set({ instanceType: "stream.compute.large" });
    const up = await main.stack.up();
    expect(await mutations()).toEqual(["StopFleet", "UpdateFleet", "StartFleet"]);
    expect(await fleet(up.outputs.fleetName.value as string)).toMatchObject({
      State: "RUNNING",
      InstanceType: "stream.compute.large",
    });
  }, 180_000);

  it("applies the same change to a STOPPED fleet and leaves it stopped", async () => {
    await set({ fleetState: "STOPPED" });
    await main.stack.up();
    await emulator.control.resetCalls();
    await set({ instanceType: "stream.standard.large" });
    const up = await main.stack.up();
    expect(await mutations()).toEqual(["UpdateFleet"]);
    expect(await fleet(up.outputs.fleetName.value as string)).toMatchObject({
      State: "STOPPED",
      InstanceType: "stream.standard.large",
    });
  }, 180_000);

  it("removes the VPC configuration with AttributesToDelete when the program drops it", async () => {
    await set({ withVpc: "true" });
    const withVpc = await main.stack.up();
    const name = withVpc.outputs.fleetName.value as string;
    expect((await fleet(name))?.VpcConfig).toEqual({
      SubnetIds: ["subnet-0a1b2c3d4e5f60718"],
      SecurityGroupIds: ["sg-0a1b2c3d4e5f60718"],
    });
    await emulator.control.resetCalls();
    await set({ withVpc: "false" });
    const events: EngineEvent[] = [];
    await main.stack.up({ onEvent: (e) => events.push(e) });
    expect(diffs(events)).toEqual({ "update Fleet": ["vpcConfig"] });
    expect(await mutations()).toEqual(["UpdateFleet"]);
    // An UpdateFleet without VpcConfig keeps it: only AttributesToDelete removes it.
    expect((await fleet(name))?.VpcConfig).toBeUndefined();
  }, 180_000);

  it("destroys in order: disassociate, then stop, wait STOPPED, delete and wait until gone (the stack in parallel)", async () => {
    await set({ fleetState: "RUNNING", associate: "true" });
    const up = await main.stack.up();
    const name = up.outputs.fleetName.value as string;
    expect(await emulator.control.resources("appstream:Association")).toHaveLength(1);
    await emulator.control.resetCalls();
    await main.stack.destroy();
    const order = await mutations();
    expect(order.filter((op) => op.endsWith("Fleet"))).toEqual(["DisassociateFleet", "StopFleet", "DeleteFleet"]);
    // The stack depends only on the association, so it goes once that is gone.
    expect(order.indexOf("DeleteStack")).toBeGreaterThan(order.indexOf("DisassociateFleet"));
    const log = (await emulator.control.calls()).log;
    const fleetReads = log.filter((e) => e.operation === "DescribeFleets");
    const deleted = log.find((e) => e.operation === "DeleteFleet")!;
    // The service refuses DeleteFleet unless the fleet is STOPPED: it went through first time.
    expect(deleted.outcome).toBe("ok");
    // Waited after DeleteFleet until DescribeFleets no longer knew the fleet.
    expect(fleetReads[fleetReads.length - 1]).toMatchObject({
      outcome: "error",
      errorCode: "ResourceNotFoundException",
    });
    expect(fleetReads[fleetReads.length - 1].seq).toBeGreaterThan(deleted.seq);
    expect(await fleet(name)).toBeUndefined();
    expect(await emulator.control.resources("appstream:Stack")).toEqual([]);
  }, 180_000);
});

describe("a fleet that cannot start", () => {
  it("fails the up with its FleetErrors, stays in state, and the next up finishes once the cause is fixed", async () => {
    const broken = await programStack(program, {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
      fleetState: "RUNNING",
    });
    try {
      await emulator.control.failNextCreate(
        "appstream:Fleet",
        "IAM_SERVICE_ROLE_IS_MISSING",
        "The AppStream service role is missing",
      );
      const failed = await broken.stack.up().catch((e: Error) => e);
      expect(failed).toBeInstanceOf(Error);
      expect(String((failed as Error).message)).toContain(
        "IAM_SERVICE_ROLE_IS_MISSING: The AppStream service role is missing",
      );
      const kept = await stateResource(broken.stack, "pulumi-nodejs:dynamic/appstream:Fleet");
      const keptName = String(kept?.id);
      expect(kept?.outputs).toMatchObject({
        currentState: "STARTING",
        fleetErrors: [{ errorCode: "IAM_SERVICE_ROLE_IS_MISSING" }],
      });
      expect(kept?.initErrors?.length).toBeGreaterThan(0);

      // Someone adds the missing role; the service clears the errors and the fleet finishes starting.
      await emulator.control.fleetErrors(keptName, []);
      const repaired = await broken.stack.up();
      expect(repaired.summary.resourceChanges).not.toHaveProperty("replace");
      expect(repaired.outputs.currentState.value).toBe("RUNNING");
      expect(repaired.outputs.fleetName.value).toBe(keptName);
    } finally {
      await broken.cleanup();
    }
  }, 240_000);
});
