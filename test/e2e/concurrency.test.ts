// Two `pulumi up` runs on one stack, and many resources at once in one run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 400 });
  program = await programStack("test/e2e/programs/parallel", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
    count: "12",
  });
});
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("concurrency", () => {
  it("refuses a second up on a stack that is being updated, with the backend's lock message", async () => {
    const first = program.stack.up();
    try {
      await emulator.control.waitFor(
        () => emulator.control.calls(),
        (c) => (c.counts["nimble:CreateStudio"] ?? 0) > 0,
        120_000,
        20,
      );
      // Pulumi's file backend rewrites the checkpoint in place while an update runs, so a second
      // run can now and then read it half written ("failed to load checkpoint: EOF") before it
      // reaches the lock; that is a refusal too, and the run is tried again for the lock's message.
      let second = "";
      for (let attempt = 0; attempt < 20; attempt++) {
        second = await program.stack.up().then(
          () => "succeeded",
          (e: Error) => e.message,
        );
        if (!/failed to load checkpoint/.test(second)) break;
      }
      expect(second).toMatch(/the stack is currently locked by 1 lock\(s\)/);
    } finally {
      const result = await first;
      expect(result.summary.resourceChanges).toMatchObject({ create: 25 });
    }
  }, 240_000);

  it("creates every resource exactly once under the engine's default parallelism", async () => {
    const outputs = await program.stack.outputs();
    const studios = outputs.studios.value as string[];
    const stacks = outputs.stacks.value as string[];
    expect(new Set(studios).size).toBe(12);
    expect(new Set(stacks).size).toBe(12);
    const calls = await emulator.control.calls();
    expect(calls.counts["nimble:CreateStudio"]).toBe(12);
    expect(calls.counts["appstream:CreateStack"]).toBe(12);
    const live = await emulator.control.resources("nimble:Studio");
    expect(live.map((s) => s.id).sort()).toEqual([...studios].sort());
  });
});
