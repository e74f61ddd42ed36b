// The waiter's tests run on a simulated clock: a sleep moves time on at once, so a test counts reads
// and pauses instead of waiting for them, and the reads answer as the service would at that time.
import type { Observation } from "../../provider/engine/waiter";

/**
 * What each read answers: the next of a series of observations (the last one repeated), or what the
 * service says at the time of the read.
 */
export type Answers = Array<Partial<Observation>> | ((nowMs: number) => Partial<Observation>);

export interface SimulatedWait {
  /** The time, in ms since the wait began. */
  now(): number;
  /** The time of each read, in order (their count is the number of reads). */
  readonly looks: number[];
  /** Each pause the waiter took, in order. */
  readonly sleeps: number[];
  /** The clock and the read, to spread into a WaitSpec. */
  readonly spec: { now(): number; sleep(ms: number): Promise<void>; observe(): Promise<Observation> };
}

/** A wait on a simulated clock whose reads answer `answers`, each read taking `readMs`. */
export function simulatedWait(answers: Answers, readMs = 0): SimulatedWait {
  let now = 0;
  const looks: number[] = [];
  const sleeps: number[] = [];
  const clock = () => now;
  return {
    now: clock,
    looks,
    sleeps,
    spec: {
      now: clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      observe: async () => {
        // The service answers with the state at the moment it takes the request.
        const answer =
          typeof answers === "function" ? answers(now) : answers[Math.min(looks.length, answers.length - 1)];
        looks.push(now);
        now += readMs;
        return { gone: false, errors: [], outputs: {}, ...answer };
      },
    },
  };
}
