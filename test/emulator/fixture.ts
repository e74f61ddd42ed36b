// An in-process emulator serving only the services under test, driven by a manual clock so each
// transitional state can be observed before it settles.
import { afterAll, beforeAll } from "vitest";
import { ManualClock } from "../../emulator/core/clock";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import type { ServiceModule } from "../../emulator/core/types";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";

/** One transitional state lasts this long on the manual clock. */
export const STEP_MS = 1_000;

export interface Harness {
  emulator: RunningEmulator;
  clients: AwsClients;
  clock: ManualClock;
  /** Lets `steps` transitional states elapse. */
  advance(steps?: number): void;
}

export function useEmulator(services: ServiceModule[]): Harness {
  const harness = { clock: new ManualClock() } as Harness;
  harness.advance = (steps = 1) => harness.clock.advance(steps * STEP_MS);
  beforeAll(async () => {
    harness.emulator = await startEmulatorWith(services, { port: 0, transitionMs: STEP_MS, clock: harness.clock });
    // One attempt: an error must reach the test as the error the emulator sent, not after retries.
    harness.clients = createAwsClients({ endpoint: harness.emulator.url, maxAttempts: 1 });
  });
  afterAll(async () => {
    for (const client of Object.values(harness.clients ?? {}) as Array<{ destroy(): void }>) client.destroy();
    await harness.emulator?.close();
  });
  return harness;
}

/** Runs `fn` and returns what it threw, failing the test when it does not throw. */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail");
}
