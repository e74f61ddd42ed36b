import { describe, expect, it, vi } from "vitest";
import { FileWaitHistory } from "../../provider/engine/wait-history";
import { backoff, predictive, waitFor, WaitError, type Observation } from "../../provider/engine/waiter";

/** A simulated clock: sleeping advances time instantly, so tests count reads instead of seconds. */
function simulated(states: Array<Partial<Observation>>, stepMs = 0) {
  let now = 0;
  let reads = 0;
  const sleeps: number[] = [];
  return {
    reads: () => reads,
    sleeps,
    spec: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
      observe: async () => {
        const o = states[Math.min(reads, states.length - 1)];
        reads++;
        now += stepMs;
        return { gone: false, errors: [], outputs: {}, ...o };
      },
    },
  };
}

describe("waitFor", () => {
  const phase = {
    subject: "nimble:Studio main",
    pending: ["CREATE_IN_PROGRESS"],
    target: ["READY"],
    failed: ["CREATE_FAILED"],
    timeoutMs: 60_000,
  };

  it("returns once the target state is reached, backing off exponentially up to a cap", async () => {
    const sim = simulated([...Array.from({ length: 12 }, () => ({ state: "CREATE_IN_PROGRESS" })), { state: "READY" }]);
    const result = await waitFor({ ...phase, ...sim.spec });
    expect(result.state).toBe("READY");
    expect(sim.reads()).toBe(13);
    expect(sim.sleeps[0]).toBe(250);
    expect(sim.sleeps[1]).toBe(375);
    expect(Math.max(...sim.sleeps)).toBe(5000);
  });

  it("ends with the service's status code and message on a failed state", async () => {
    const sim = simulated([
      { state: "CREATE_IN_PROGRESS" },
      { state: "CREATE_FAILED", statusCode: "ENCRYPTION_KEY_NOT_FOUND", statusMessage: "The key is gone" },
    ]);
    const error = await waitFor({ ...phase, ...sim.spec }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).message).toMatch(
      /nimble:Studio main is CREATE_FAILED after [\d.]+s: ENCRYPTION_KEY_NOT_FOUND; The key is gone/,
    );
    expect((error as WaitError).reasons).toEqual(["ENCRYPTION_KEY_NOT_FOUND", "The key is gone"]);
  });

  it("treats a non-empty error array as a failure even in a pending state", async () => {
    const sim = simulated([{ state: "STARTING", errors: ["IAM_SERVICE_ROLE_IS_MISSING: role missing"] }]);
    await expect(
      waitFor({ ...phase, pending: ["STARTING"], target: ["RUNNING"], failed: [], ...sim.spec }),
    ).rejects.toThrow(/IAM_SERVICE_ROLE_IS_MISSING: role missing/);
    expect(sim.reads()).toBe(1);
  });

  it("stops at the timeout, naming the state and the elapsed time", async () => {
    const sim = simulated([{ state: "CREATE_IN_PROGRESS" }]);
    const error = (await waitFor({ ...phase, timeoutMs: 30_000, ...sim.spec }).catch((e: unknown) => e)) as WaitError;
    expect(error.message).toMatch(
      /nimble:Studio main is still CREATE_IN_PROGRESS after 30\.0s, past its timeout of 0\.5 min/,
    );
    expect(sim.reads()).toBeLessThan(15);
  });

  it("accepts disappearance as the end of a deletion", async () => {
    const sim = simulated([{ state: "DELETE_IN_PROGRESS" }, { gone: true }]);
    const result = await waitFor({
      ...phase,
      pending: ["DELETE_IN_PROGRESS"],
      target: ["DELETED"],
      goneIsTarget: true,
      ...sim.spec,
    });
    expect(result.gone).toBe(true);
  });
});

describe("waitFor on the real timer functions", () => {
  it("sleeps through setTimeout between reads (fake timers)", async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      const states = ["PENDING", "PENDING", "PENDING", "RUNNING"];
      const waiting = waitFor({
        subject: "appstream:ImageBuilder b",
        pending: ["PENDING"],
        target: ["RUNNING"],
        failed: ["FAILED"],
        timeoutMs: 60_000,
        random: () => 0.5,
        observe: async () => ({
          gone: false,
          errors: [],
          outputs: {},
          state: states[Math.min(reads++, states.length - 1)],
        }),
      });
      await vi.advanceTimersByTimeAsync(249);
      expect(reads).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(reads).toBe(2);
      await vi.advanceTimersByTimeAsync(375 + 563);
      await expect(waiting).resolves.toMatchObject({ state: "RUNNING" });
      expect(reads).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("predictive polling once the usual duration is known", () => {
  function run(expectedMs: number, actualMs: number) {
    const history = new FileWaitHistory(undefined);
    history.record("k", expectedMs);
    let now = 0;
    let reads = 0;
    const done = waitFor({
      subject: "s",
      pending: ["P"],
      target: ["R"],
      failed: [],
      timeoutMs: 10 * 60_000,
      history: { store: history, key: "k" },
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      observe: async () => {
        reads++;
        return { gone: false, errors: [], outputs: {}, state: now >= actualMs ? "R" : "P" };
      },
    });
    return done.then(() => ({ reads, lateMs: now - actualMs, learned: history.expectedMs("k") as number }));
  }

  it.each([1_000, 10_000, 60_000])(
    "notices readiness within the fine step with few reads for a %i ms transition",
    async (ms) => {
      const { reads, lateMs } = await run(ms, ms);
      expect(lateMs).toBeLessThanOrEqual(predictive.fineMs);
      expect(reads).toBeLessThanOrEqual(14);
    },
  );

  it("still looks early when a transition is faster than usual, and learns the faster time", async () => {
    const { lateMs, learned } = await run(60_000, 3_000);
    // Bounded by the gap between the early looks (1.5 s and 5 s), not by the usual minute.
    expect(lateMs).toBeLessThanOrEqual(predictive.earlyMs[1] - 3_000);
    expect(learned).toBeLessThan(5_000);
  });

  it("keeps looking, more sparsely, when a transition is slower than usual", async () => {
    const { reads, lateMs, learned } = await run(10_000, 40_000);
    expect(lateMs).toBeLessThanOrEqual(backoff.maxMs);
    expect(reads).toBeLessThan(30);
    expect(learned).toBeGreaterThan(10_000);
  });
});
