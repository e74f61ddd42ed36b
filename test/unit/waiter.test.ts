import { describe, expect, it, vi } from "vitest";
import { FileWaitHistory } from "../../provider/engine/wait-history";
import { backoff, predictive, waitFor, WaitError } from "../../provider/engine/waiter";
import { simulatedWait as simulated } from "../helpers/simulated-clock";

describe("waitFor", () => {
  const phase = {
    subject: "nimble:Studio main",
    pending: ["CREATE_IN_PROGRESS"],
    target: ["READY"],
    failed: ["CREATE_FAILED"],
    timeoutMs: 60_000,
  };

  it("returns once the target state is reached, the first looks soon and then at most 950 ms apart", async () => {
    const sim = simulated([...Array.from({ length: 12 }, () => ({ state: "CREATE_IN_PROGRESS" })), { state: "READY" }]);
    const result = await waitFor({ ...phase, ...sim.spec });
    expect(result.state).toBe("READY");
    expect(sim.looks.length).toBe(13);
    expect(sim.sleeps.slice(0, 3)).toEqual([250, 500, 950]);
    expect(Math.max(...sim.sleeps)).toBe(950);
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
    expect(sim.looks.length).toBe(1);
  });

  it("stops at the timeout, naming the state and the elapsed time", async () => {
    const sim = simulated([{ state: "CREATE_IN_PROGRESS" }]);
    const error = (await waitFor({ ...phase, timeoutMs: 30_000, ...sim.spec }).catch((e: unknown) => e)) as WaitError;
    expect(error.message).toMatch(
      /nimble:Studio main is still CREATE_IN_PROGRESS after 30\.0s, past its timeout of 0\.5 min/,
    );
    expect(sim.looks.length).toBeLessThan(30);
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
      await vi.advanceTimersByTimeAsync(500 + 950);
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
    const sim = simulated((now) => ({ state: now >= actualMs ? "R" : "P" }));
    const done = waitFor({
      subject: "s",
      pending: ["P"],
      target: ["R"],
      failed: [],
      timeoutMs: 10 * 60_000,
      history: { store: history, key: "k" },
      ...sim.spec,
    });
    return done.then(() => ({
      reads: sim.looks.length,
      lateMs: sim.now() - actualMs,
      learned: history.expectedMs("k") as number,
    }));
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

  it("keeps looking, more sparsely, when a transition is slower than usual, as promptly as a first wait", async () => {
    const { reads, lateMs, learned } = await run(10_000, 40_000);
    expect(lateMs).toBeLessThan(40_000 * 0.1);
    expect(reads).toBeLessThan(30);
    expect(learned).toBeGreaterThan(10_000);
  });
});

describe("a machine's first wait of a kind (no history), counted on a simulated clock", () => {
  /** One wait for a transition that ends `readyAtMs` into it, each read taking `readMs`. */
  async function firstWait(readyAtMs: number, readMs = 0) {
    const sim = simulated((now) => ({ state: now >= readyAtMs ? "READY" : "CREATE_IN_PROGRESS" }), readMs);
    await waitFor({
      subject: "nimble:Studio s",
      pending: ["CREATE_IN_PROGRESS"],
      target: ["READY"],
      failed: [],
      timeoutMs: 60 * 60_000,
      initial: { gone: false, errors: [], outputs: {}, state: "CREATE_IN_PROGRESS" },
      ...sim.spec,
    });
    return { reads: sim.looks.length, lateMs: sim.now() - readyAtMs, pauses: sim.sleeps };
  }

  const readyTimes = (fromMs: number, toMs: number, stepMs: number) =>
    Array.from({ length: Math.floor((toMs - fromMs) / stepMs) + 1 }, (_, i) => fromMs + i * stepMs);

  it("notices any transition of up to 10 s within 1 s, reads of 50 ms included, with at most 12 reads", async () => {
    let worstLate = 0;
    let mostReads = 0;
    for (const readyAt of readyTimes(10, 10_000, 10)) {
      const { reads, lateMs } = await firstWait(readyAt, 50);
      worstLate = Math.max(worstLate, lateMs);
      mostReads = Math.max(mostReads, reads);
    }
    expect(worstLate).toBeLessThanOrEqual(1_000);
    expect(mostReads).toBeLessThanOrEqual(12);
  });

  it("is late by under a tenth of the time waited for longer transitions, up to an hour", async () => {
    for (const readyAt of [...readyTimes(10_000, 120_000, 370), ...readyTimes(120_000, 3_600_000, 9_700)]) {
      const { lateMs } = await firstWait(readyAt, 50);
      expect(lateMs / readyAt).toBeLessThan(0.1);
    }
  });

  it("reads a ten-minute transition about sixty times, not once every few seconds", async () => {
    const { reads, pauses } = await firstWait(10 * 60_000);
    expect(reads).toBeLessThanOrEqual(65);
    expect(Math.max(...pauses)).toBe(backoff.maxMs);
  });

  it("keeps its pauses when reads are slow instead of reading back to back", async () => {
    const { reads, pauses } = await firstWait(20_000, 2_000);
    expect(pauses.every((ms) => ms >= backoff.initialMs)).toBe(true);
    // One read per pause plus the one that sees READY: slow reads space the looks further apart.
    expect(reads).toBeLessThanOrEqual(8);
  });
});
