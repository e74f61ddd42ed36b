// Setup for the mutation runs only (vitest.mutate.config.mts): in the integration tests, the engine
// polls the local endpoint, whose transitions take milliseconds there, every 20 ms instead of the
// 250-600 ms meant for AWS. Every test waits on a condition, so only the time it takes changes; each
// mutant reruns the tests that reach it, and at the real pace a full run would not fit its hour.
// The other tests (the waiter's own among them) get the real figures, which they check.
import { beforeAll, expect } from "vitest";
import { backoff, predictive } from "../../provider/engine/waiter";

// The files share one module graph (isolate: false), so the real figures are kept across files.
const real = ((globalThis as { __eucRealPolling?: { initialMs: number; fineMs: number } }).__eucRealPolling ??= {
  initialMs: backoff.initialMs,
  fineMs: predictive.fineMs,
});

beforeAll(() => {
  const integration = /[\\/]test[\\/]integration[\\/]/.test(expect.getState().testPath ?? "");
  backoff.initialMs = integration ? 20 : real.initialMs;
  predictive.fineMs = integration ? 20 : real.fineMs;
});
