// When a wait reads the service, counted on a simulated clock: the looks around a usual duration that
// is known (the early looks only while the transition cannot be due yet), and how a read that lasts
// as long as its pause keeps the schedule of a first wait.
import { describe, expect, it } from "vitest";
import { FileWaitHistory } from "../../provider/engine/wait-history";
import { waitFor } from "../../provider/engine/waiter";
import { simulatedWait as simulated } from "../helpers/simulated-clock";

const studio = {
  subject: "nimble:Studio main",
  pending: ["CREATE_IN_PROGRESS"],
  target: ["READY"],
  failed: ["CREATE_FAILED"],
  timeoutMs: 10 * 60_000,
};

/** The times of the reads of a wait whose transition usually takes `usualMs` and this time ends at `readyAtMs`. */
async function looksOfWait(usualMs: number, readyAtMs: number): Promise<number[]> {
  const history = new FileWaitHistory(undefined);
  history.record("studio-create", usualMs);
  const sim = simulated((now) => ({ state: now >= readyAtMs ? "READY" : "CREATE_IN_PROGRESS" }));
  await waitFor({ ...studio, history: { store: history, key: "studio-create" }, ...sim.spec });
  return sim.looks;
}

describe("the looks of a wait whose usual duration is known", () => {
  it("skips the early looks for a transition that usually takes 2 s: half the remaining time, then the fine step", async () => {
    // No look at 1.5 s: it would come after the halfway point of a 2 s transition, where halving
    // already looks often enough (at 1 s, 1.6 s, then 600 ms apart).
    expect(await looksOfWait(2_000, 2_500)).toEqual([0, 1_000, 1_600, 2_200, 2_800]);
  });

  it("looks early at 1.5 s but not at 5 s for a transition that usually takes 10 s, then halves what remains", async () => {
    // 5 s is the halfway point itself, so the look after 1.5 s halves the remaining 8.5 s instead.
    expect(await looksOfWait(10_000, 10_000)).toEqual([0, 1_500, 5_750, 7_875, 8_937.5, 9_537.5, 10_137.5]);
  });

  it("looks early at 1.5 s and 5 s for a transition that usually takes a minute", async () => {
    expect(await looksOfWait(60_000, 3_000)).toEqual([0, 1_500, 5_000]);
  });
});

describe("the looks of a first wait when a read lasts as long as the pause before the next", () => {
  it("reads again as soon as the read returns, on the schedule counted from the start", async () => {
    // The first read takes 250 ms, the first pause: the second look is due when it returns, not a
    // pause later; the later ones keep the same schedule (each read ends when the next pause begins).
    const sim = simulated((now) => ({ state: now >= 1_700 ? "READY" : "CREATE_IN_PROGRESS" }), 250);
    await waitFor({ ...studio, ...sim.spec });
    expect(sim.looks).toEqual([0, 250, 750, 1_700]);
    expect(sim.sleeps).toEqual([0, 250, 700]);
  });
});
