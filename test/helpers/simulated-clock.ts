// The waiter's tests run on a simulated clock: a sleep moves time on at once, so a test counts reads
// and pauses instead of waiting for them, and the reads answer as the service would at that time.
import { afterEach, beforeEach } from "vitest";
import { waitClock, type Observation } from "../../provider/engine/waiter";

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

/**
 * More reads than any wait under test makes (an hour's wait on a first wait's schedule reads about
 * 160 times). A waiter that polls on and on, without pauses or without ever reaching its timeout,
 * fails at this count instead of hanging: its reads and pauses on this clock never yield to the
 * event loop, so no test timeout could stop it.
 */
export const endlessReads = 10_000;

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
        if (looks.length >= endlessReads) throw new Error(`the wait read the service ${looks.length} times, endlessly`);
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

/**
 * Runs the engine's own waits on a simulated clock in each test of the calling file: a pause moves
 * time on at once, so a timeout of minutes passes in no time. A wait past `maxPauses` pauses fails
 * instead of holding its test until the test's own timeout.
 */
export function engineOnSimulatedClock(maxPauses: number): void {
  const realClock = { ...waitClock };
  beforeEach(() => {
    let now = 0;
    let pauses = 0;
    waitClock.now = () => now;
    waitClock.sleep = async (ms) => {
      if (++pauses > maxPauses) throw new Error(`the wait went on for ${maxPauses.toLocaleString("en-US")} pauses`);
      now += ms;
    };
  });
  afterEach(() => {
    Object.assign(waitClock, realClock);
  });
}
