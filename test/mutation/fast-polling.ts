// Setup for the mutation runs only (vitest.mutate.config.mts): in the integration tests, the engine
// polls the local endpoint, whose transitions take milliseconds there, every 20 ms instead of the
// 250-600 ms meant for AWS. Every test waits on a condition, so only the time it takes changes; each
// mutant reruns the tests that reach it, and at the real pace a full run would not fit its hour.
// The waiter's own unit tests keep the real figures, which they check.
import { beforeAll, expect } from "vitest";
import { backoff, predictive } from "../../provider/engine/waiter";

beforeAll(() => {
  if (!/[\\/]test[\\/]integration[\\/]/.test(expect.getState().testPath ?? "")) return;
  backoff.initialMs = 20;
  predictive.fineMs = 20;
});
