// A resource stuck in a transitional state ends the `up` at the resource's timeout input with a
// message naming it, its state and the time waited; it stays in state, and once the service moves
// on the next `up` converges without creating anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, stateResource, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  // Ten minutes in CREATE_IN_PROGRESS: far past the program's timeout of three seconds.
  emulator = await startEmulator({ port: 0, transitionMs: 600_000 });
  program = await programStack("test/e2e/programs/studio-basic", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
  await program.stack.setConfig("timeouts", { value: JSON.stringify({ create: 0.05, update: 0.5, delete: 0.5 }) });
});
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("a studio stuck in CREATE_IN_PROGRESS", () => {
  it("fails the up at its timeout, naming the resource, its state and the time waited, and stays in state", async () => {
    const failure = await program.stack.up().then(
      () => "succeeded",
      (e: Error) => e.message,
    );
    expect(failure).toMatch(
      /nimble:Studio main \(st-[0-9a-f]+\) is still CREATE_IN_PROGRESS after [\d.]+s, past its timeout of 0\.05 min/,
    );
    // While it waited, the resource's line in `pulumi up` said what for and how long.
    expect(failure).toMatch(/nimble:Studio main creating .*waiting for READY: CREATE_IN_PROGRESS for [\d.]+s/);
    const kept = await stateResource(program.stack, "pulumi-nodejs:dynamic/nimble:Studio");
    expect(kept?.outputs?.state).toBe("CREATE_IN_PROGRESS");
    expect((await emulator.control.calls()).counts["nimble:CreateStudio"]).toBe(1);
  }, 240_000);

  it("converges on the next up once the service has moved on, creating nothing new", async () => {
    await emulator.control.advance(600_000);
    const up = await program.stack.up();
    expect(up.outputs.studioState.value).toBe("READY");
    expect((await emulator.control.calls()).counts["nimble:CreateStudio"]).toBe(1);
    expect((await emulator.control.resources("nimble:Studio")).map((s) => s.id)).toEqual([up.outputs.studioId.value]);
  }, 240_000);
});
