import type { Clock } from "./types";

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to, so tests can observe every transitional state. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * Wraps a clock with an offset the control API can push forward, so a standalone emulator (real
 * time) can still skip long transitions for a demo or an end-to-end test.
 */
export class OffsetClock implements Clock {
  offsetMs = 0;
  constructor(private readonly base: Clock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
}
