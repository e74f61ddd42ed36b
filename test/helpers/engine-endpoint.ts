// The engine driven directly (createResource, readResource, updateResource, deleteResource) against
// a local endpoint whose transitions end at once, polled without the pauses meant for AWS. Every
// test still waits on the endpoint's answers; only the time between reads changes.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import type { ServiceModule } from "../../emulator/core/types";
import type { Inputs } from "../../provider/engine/check";
import { setRuntimeConfig } from "../../provider/engine/config";
import { checkResource } from "../../provider/engine/plan";
import { backoff, predictive } from "../../provider/engine/waiter";

export interface EngineEndpoint {
  /** The endpoint of this file (started before its first test). */
  emulator: () => RunningEmulator;
  /** A number not used before in this file, for names that must be unique. */
  unique: () => number;
  /** The URN of a resource of `type` named `name` in this file's stack. */
  urnOf: (type: string, name: string) => string;
  /** `inputs` as the engine's check passes them on (auto-name, defaults), under a fresh URN; a check failure fails the test. */
  checked: (type: string, inputs: Record<string, unknown>, name?: string) => Inputs;
  /** The operations called since the call log was last emptied, in order. */
  operations: () => Promise<string[]>;
  /** The mutating ones among them. */
  mutatingCalls: () => Promise<string[]>;
}

/**
 * A local endpoint serving `services` for this test file, the engine pointed at it; before each test
 * its call log is emptied (with `reset: "world"`, its resources too). Resources are named in stack
 * `stack` as `namePrefix` (default "r") and a number, unless a test names one.
 */
export function engineEndpoint(
  services: ServiceModule[],
  options: { stack: string; reset?: "calls" | "world"; namePrefix?: string },
): EngineEndpoint {
  let running: RunningEmulator | undefined;
  let sequence = 0;
  const real = { initialMs: backoff.initialMs, fineMs: predictive.fineMs };
  beforeAll(async () => {
    running = await startEmulatorWith(services, { port: 0, transitionMs: 0 });
    setRuntimeConfig({ endpoint: running.url, region: "us-west-2" });
    backoff.initialMs = 1;
    predictive.fineMs = 1;
  });
  afterAll(async () => {
    backoff.initialMs = real.initialMs;
    predictive.fineMs = real.fineMs;
    await running?.close();
  });
  beforeEach(async () => {
    await (options.reset === "world" ? emulator().control.reset() : emulator().control.resetCalls());
  });

  function emulator(): RunningEmulator {
    if (!running) throw new Error("the local endpoint is not started yet (use it inside a test)");
    return running;
  }
  const unique = () => ++sequence;
  const urnOf = (type: string, name: string) =>
    `urn:pulumi:test::${options.stack}::pulumi-nodejs:dynamic/${type}::${name}`;
  return {
    emulator,
    unique,
    urnOf,
    checked(type, inputs, name = `${options.namePrefix ?? "r"}${unique()}`) {
      const result = checkResource(type, {}, { __urn: urnOf(type, name), ...inputs });
      expect(result.failures).toEqual([]);
      return result.inputs;
    },
    async operations() {
      return (await emulator().control.calls()).log.map((entry) => entry.operation);
    },
    async mutatingCalls() {
      return (await emulator().control.calls()).log.filter((entry) => entry.mutating).map((entry) => entry.operation);
    },
  };
}
