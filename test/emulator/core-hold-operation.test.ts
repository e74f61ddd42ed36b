// Holding the k-th call of a named operation, and snapshotting/restoring the world: what the
// interruption sweep builds on, observed through the real SDK client.
import {
  CreateFleetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  StartFleetCommand,
  StopFleetCommand,
} from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmulatorControlError } from "../../emulator";
import { fleetInput, startAppStream, type AppStreamHarness } from "./support";

let h: AppStreamHarness;

beforeAll(async () => {
  h = await startAppStream({ transitionMs: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.control.reset());

async function stackNames(): Promise<string[]> {
  return (await h.emulator.control.resources("appstream:Stack")).map((r) => r.id).sort();
}

describe("holding the k-th call of a named operation", () => {
  async function heldSecondCreateStack(when: "before" | "after"): Promise<string[]> {
    await h.emulator.control.holdOperation("CreateStack", 2, when);
    // Other mutating calls, before and between, do not count.
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new CreateStackCommand({ Name: "first" }));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    const abort = new AbortController();
    const pending = h.client.send(new CreateStackCommand({ Name: "second" }), { abortSignal: abort.signal });
    const report = await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.blocked,
    );
    expect(report).toMatchObject({ service: "appstream", operation: "CreateStack", when });
    // Calls of other operations pass while one is held.
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    abort.abort();
    await pending.catch(() => undefined);
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.clientGone === true,
    );
    await h.emulator.control.unblock();
    return stackNames();
  }

  it('"before": the held call is never applied, and only that operation counted', async () => {
    expect(await heldSecondCreateStack("before")).toEqual(["first"]);
    const { counts } = await h.emulator.control.calls();
    expect(counts["appstream:StopFleet"]).toBe(1);
  });

  it('"after": the held call is applied although its client never got an answer', async () => {
    expect(await heldSecondCreateStack("after")).toEqual(["first", "second"]);
  });

  it("holds once: the calls after the held one pass", async () => {
    await h.emulator.control.holdOperation("DeleteStack", 1, "before", "appstream");
    await h.client.send(new CreateStackCommand({ Name: "a" }));
    const pending = h.client.send(new DeleteStackCommand({ Name: "a" }));
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.blocked,
    );
    await h.emulator.control.unblock();
    await pending;
    await h.client.send(new CreateStackCommand({ Name: "b" }));
    await h.client.send(new DeleteStackCommand({ Name: "b" }));
    expect((await h.emulator.control.blocked()).blocked).toBe(false);
    expect(await stackNames()).toEqual([]);
  });

  it("refuses an operation that is not a mutating operation of the endpoint, naming it", async () => {
    const refused = (operation: string, service?: string) =>
      h.emulator.control.holdOperation(operation, 1, "before", service).then(
        () => undefined,
        (err: unknown) => err,
      );
    for (const [operation, service] of [
      ["DescribeStacks", undefined],
      ["CreateStak", "appstream"],
    ] as const) {
      const err = await refused(operation, service);
      expect(err).toBeInstanceOf(EmulatorControlError);
      expect((err as EmulatorControlError).status).toBe(400);
      expect((err as Error).message).toContain(operation);
    }
    const err = await refused("CreateStack", "appstreem");
    expect((err as Error).message).toContain("appstreem");
  });
});

describe("world snapshot and restore", () => {
  it("returns to the snapshot: resources, idempotency and the id sequence", async () => {
    await h.client.send(new CreateStackCommand({ Name: "kept" }));
    const snapshot = await h.emulator.control.snapshotWorld();
    await h.client.send(new DeleteStackCommand({ Name: "kept" }));
    await h.client.send(new CreateStackCommand({ Name: "later" }));
    expect(await stackNames()).toEqual(["later"]);
    await h.emulator.control.restoreWorld(snapshot);
    expect(await stackNames()).toEqual(["kept"]);
    expect((await h.client.send(new DescribeStacksCommand({ Names: ["kept"] }))).Stacks?.[0]?.Name).toBe("kept");
    // One snapshot serves any number of restores.
    await h.client.send(new DeleteStackCommand({ Name: "kept" }));
    expect(snapshot.resources["appstream:Stack"]?.kept).toBeDefined();
    await h.emulator.control.restoreWorld(snapshot);
    expect(await stackNames()).toEqual(["kept"]);
  });

  it("refuses a body that is not a snapshot", async () => {
    const err = await h.emulator.control.restoreWorld({ resources: {} } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmulatorControlError);
    expect((err as Error).message).toContain("sequence");
  });
});
