import { report } from "./progress";
import type { WaitHistory } from "./wait-history";

export interface Observation {
  gone: boolean;
  state?: string;
  statusCode?: string;
  statusMessage?: string;
  /** Codes and messages from the service's error array (FleetErrors, ImageBuilderErrors, ...). */
  errors: string[];
  outputs: Record<string, unknown>;
}

export interface WaitSpec {
  /** "appstream:Fleet my-fleet" */
  subject: string;
  urn?: string;
  pending: string[];
  target: string[];
  failed: string[];
  /** Deletion: the resource disappearing is the target. */
  goneIsTarget?: boolean;
  timeoutMs: number;
  observe(): Promise<Observation>;
  /** What the call that started the transition already answered, used in place of a first read. */
  initial?: Observation;
  /** Durations of earlier waits of the same kind, under this key. */
  history?: { store: WaitHistory; key: string };
  /** Injected by tests; real waits sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The time the engine's waits run on; benchmarks replace it with a simulated clock. */
export const waitClock = {
  now(this: void): number {
    return Date.now();
  },
  sleep(this: void, ms: number): Promise<void> {
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  },
};

/**
 * Polling a machine's first wait of a kind, when its usual duration is unknown: a first look soon
 * (many transitions end within a second), pauses growing by `factor` up to `shortStepMs` while the
 * wait is under `shortMs`, so a transition of up to 10 s is noticed within 1 s (the read's own round
 * trip included) with about a dozen reads; past that, pauses of `lateShare` of the time waited, so
 * a long transition is noticed late by under a tenth of its time, up to `maxMs` (AWS's own waiters
 * poll a fleet every 30 s). No jitter: reads of one kind that fall due together share one Describe
 * call (provider/engine/read-batches.ts), and the client-side rate limiter spreads the rest.
 */
export const backoff = {
  initialMs: 250,
  factor: 2,
  shortMs: 10_000,
  shortStepMs: 950,
  lateShare: 0.09,
  maxMs: 30_000,
};

/** The longest pause the first wait of a kind allows itself `elapsed` ms into the wait. */
export function longestPause(elapsed: number): number {
  // The late rule alone would give the same pauses (lateShare of 10 s is 900 ms, under shortStepMs);
  // kept out of the first 10 s, none of its mutants can pause 0 ms at the start and read forever.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: `false` and `<=` leave every pause as it is (the late rule gives shortStepMs up to 10.5 s); `true` and `>=` go with them
  return elapsed < backoff.shortMs
    ? backoff.shortStepMs
    : Math.min(backoff.maxMs, Math.max(backoff.shortStepMs, backoff.lateShare * elapsed));
}

/** When the first wait of a kind looks next, `elapsed` ms in, after `looks` reads that found it pending. */
export function firstWaitPollAt(elapsed: number, looks: number): number {
  return elapsed + Math.min(backoff.initialMs * backoff.factor ** looks, longestPause(elapsed));
}

/** Polling when the usual duration is known: a few early looks, then halving the distance to it. */
export const predictive = { earlyMs: [1_500, 5_000], fineMs: 600 };

/**
 * When to look next, `elapsed` ms into a wait that usually takes `expected` ms: early looks catch a
 * transition that is faster this time, halving the remaining time keeps reads few, and the fine
 * step bounds how late the waiter notices readiness. Past the usual duration, the pauses grow with
 * the overrun but never beyond those of a first wait, so a slower transition is noticed as promptly
 * as an unknown one.
 */
export function nextPollAt(elapsed: number, expected: number): number {
  const candidates = predictive.earlyMs.filter((t) => t > elapsed && t < expected / 2);
  // Stryker disable next-line EqualityOperator: at the usual duration both branches look fineMs later (longestPause is never shorter), so `<=` is equivalent; `>=` goes with it
  if (elapsed < expected) candidates.push(elapsed + Math.max(predictive.fineMs, (expected - elapsed) / 2));
  else
    candidates.push(elapsed + Math.min(longestPause(elapsed), Math.max(predictive.fineMs, (elapsed - expected) / 2)));
  return Math.min(...candidates);
}

export class WaitError extends Error {
  constructor(
    message: string,
    readonly observation: Observation,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "WaitError";
  }
}

function detail(o: Observation): string {
  const parts = [o.statusCode, o.statusMessage, ...o.errors].filter(Boolean);
  return parts.length ? `: ${parts.join("; ")}` : "";
}

/** What the wait is for, as its status line says it: "ACTIVE", "RUNNING or STOPPED", "deletion". */
export function describeTarget(spec: Pick<WaitSpec, "target" | "goneIsTarget">): string {
  const targets = [...spec.target, ...(spec.goneIsTarget ? ["deletion"] : [])];
  return targets.length > 0 ? targets.join(" or ") : "a stable state";
}

/** Polls until the resource reaches a target state, fails, or the timeout passes. */
export async function waitFor(spec: WaitSpec): Promise<Observation> {
  // Set once the wait has shown a status line, which its end then clears.
  const status: { shown?: true } = {};
  try {
    return await poll(spec, status);
  } finally {
    // The status stays on the resource's line until replaced: an empty one clears it, so a
    // "created" line does not keep saying "waiting for ...". Awaited, so the engine has it before
    // the operation's result.
    if (status.shown) await report(spec.urn, "", { ephemeral: true });
  }
}

async function poll(spec: WaitSpec, status: { shown?: true }): Promise<Observation> {
  const sleep = spec.sleep ?? waitClock.sleep;
  const now = spec.now ?? waitClock.now;
  const started = now();
  const expected = spec.history?.store.expectedMs(spec.history.key);
  let lastPending = 0;
  let scheduledAt = 0;
  for (let attempt = 0; ; attempt++) {
    const o = attempt === 0 && spec.initial ? spec.initial : await spec.observe();
    const elapsedMs = now() - started;
    const elapsed = (elapsedMs / 1000).toFixed(1);
    const done = o.gone ? !!spec.goneIsTarget : spec.target.some((state) => state === o.state) && o.errors.length === 0;
    if (done) {
      // Readiness came between the last two looks: remember the midpoint.
      if (spec.history && attempt > 0) spec.history.store.record(spec.history.key, (lastPending + elapsedMs) / 2);
      return o;
    }
    if (o.gone)
      throw new WaitError(`${spec.subject} disappeared while waiting for ${describeTarget(spec)}`, o, ["gone"]);
    if (spec.failed.some((state) => state === o.state) || o.errors.length > 0) {
      const reasons = [o.statusCode, o.statusMessage, ...o.errors].filter((r): r is string => !!r);
      throw new WaitError(`${spec.subject} is ${o.state ?? "in error"} after ${elapsed}s${detail(o)}`, o, reasons);
    }
    if (o.state !== undefined && !spec.pending.includes(o.state) && !spec.target.includes(o.state)) {
      throw new WaitError(
        `${spec.subject} is in state ${o.state}, which leads to neither ${describeTarget(spec).replace(/ or /g, " nor ")}${detail(o)}`,
        o,
        [o.state],
      );
    }
    if (elapsedMs >= spec.timeoutMs) {
      throw new WaitError(
        `${spec.subject} is still ${o.state} after ${elapsed}s, past its timeout of ${spec.timeoutMs / 60_000} min; it stays in the stack, and the next update waits for it again (raise the resource's timeouts input if the service is slow)`,
        o,
        [`timeout in ${o.state}`],
      );
    }
    lastPending = elapsedMs;
    if (attempt > 0) {
      status.shown = true;
      void report(spec.urn, `waiting for ${describeTarget(spec)}: ${o.state ?? "no state yet"} for ${elapsed}s`, {
        ephemeral: true,
      });
    }
    // Looks are due at times counted from the start, so the reads' own durations do not add up.
    // A read slower than the pause restarts the schedule from now rather than reading at once.
    let dueAt = expected !== undefined ? nextPollAt(elapsedMs, expected) : firstWaitPollAt(scheduledAt, attempt);
    if (dueAt < elapsedMs) dueAt = firstWaitPollAt(elapsedMs, attempt);
    scheduledAt = dueAt;
    await sleep(Math.max(0, Math.min(dueAt, spec.timeoutMs) - elapsedMs));
  }
}
