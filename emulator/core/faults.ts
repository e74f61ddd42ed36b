// Runtime fault injection and call accounting. Deliberately not part of the persisted World: a
// restarted emulator starts healthy, and counters describe one process's traffic.
import { ServiceError } from "./types";
import type { CreateFailure } from "./world";

export interface FaultSettings {
  throttlePercent: number;
  serverErrorPercent: number;
  latencyMs: number;
  seed: number;
}

export type CallOutcome = "ok" | "error" | "throttled" | "server-error";

export interface CallLogEntry {
  seq: number;
  service: string;
  operation: string;
  mutating: boolean;
  outcome: CallOutcome;
  /** The modeled error code when outcome is not "ok". */
  errorCode?: string;
  /**
   * The request's parameters by the API's member names; values the service's model marks sensitive
   * read as `redacted(value)` (request-log.ts). Absent for a body that was not JSON.
   */
  input?: Record<string, unknown>;
}

export interface BlockedCall {
  operation: string;
  service: string;
  when: "before" | "after";
  /** The client closed its connection while the call hung (killed, timed out, aborted). */
  clientGone: boolean;
}

/**
 * Which mutating call to hold: the `occurrence`-th from now, counting only calls to `operation` (of
 * `service`, when given) when an operation is named, every mutating call otherwise. Naming the
 * operation makes the hold independent of the order in which parallel steps reach the endpoint.
 */
export interface HoldPlan {
  occurrence: number;
  when: "before" | "after";
  operation?: string;
  service?: string;
}

const DEFAULT_FAULTS: FaultSettings = { throttlePercent: 0, serverErrorPercent: 0, latencyMs: 0, seed: 1 };

/**
 * The error each service models for throttling and for an internal failure. Throttles go out as
 * HTTP 429 so the SDK's retry strategy classifies them as throttling even where the code is not on
 * its list (AppStream's RequestLimitExceededException); 5xx are transient to it by status alone.
 */
const FAULT_ERRORS: Record<string, { throttle: string; server: string }> = {
  appstream: { throttle: "RequestLimitExceededException", server: "InternalFailure" },
  nimble: { throttle: "ThrottlingException", server: "InternalServerErrorException" },
  thinclient: { throttle: "ThrottlingException", server: "InternalServerException" },
};

export function throttleError(service: string): ServiceError {
  const code = FAULT_ERRORS[service]?.throttle ?? "ThrottlingException";
  return new ServiceError(code, "Rate exceeded (injected by the emulator).", 429);
}

export function serverError(service: string): ServiceError {
  const code = FAULT_ERRORS[service]?.server ?? "InternalFailure";
  return new ServiceError(code, "Internal failure (injected by the emulator).", 500);
}

/** mulberry32: tiny, seedable, good enough to make probabilistic faults reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  settings: FaultSettings = { ...DEFAULT_FAULTS };
  private random = rng(DEFAULT_FAULTS.seed);
  private createFailures = new Map<string, CreateFailure[]>();
  private blockPlan?: HoldPlan & { remaining: number };
  private blockedCall?: BlockedCall & { release: () => void };

  configure(partial: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...partial };
    this.random = rng(this.settings.seed);
    return this.settings;
  }

  clear(): void {
    this.settings = { ...DEFAULT_FAULTS };
    this.random = rng(DEFAULT_FAULTS.seed);
    this.createFailures.clear();
    this.blockPlan = undefined;
    this.unblock();
  }

  /** Draws the injected outcome of one service call, before its handler runs. */
  draw(service: string): ServiceError | undefined {
    const { throttlePercent, serverErrorPercent } = this.settings;
    if (throttlePercent <= 0 && serverErrorPercent <= 0) return undefined;
    const roll = this.random() * 100;
    if (roll < throttlePercent) return throttleError(service);
    if (roll < throttlePercent + serverErrorPercent) return serverError(service);
    return undefined;
  }

  failNextCreate(kind: string, failure: CreateFailure): void {
    const queue = this.createFailures.get(kind) ?? [];
    queue.push(failure);
    this.createFailures.set(kind, queue);
  }

  takeCreateFailure(kind: string): CreateFailure | undefined {
    const queue = this.createFailures.get(kind);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.createFailures.delete(kind);
    return next;
  }

  armBlock(n: number, when: "before" | "after"): void {
    this.armHold({ occurrence: n, when });
  }

  armHold(plan: HoldPlan): void {
    const occurrence = Math.max(1, Math.floor(plan.occurrence));
    this.blockPlan = { ...plan, occurrence, remaining: occurrence };
  }

  /**
   * Called for every mutating call. Returns a gate to await (before or after applying the call) when
   * this is the armed call; the gate opens only on unblock() or close.
   */
  gate(service: string, operation: string): { when: "before" | "after"; wait: Promise<void> } | undefined {
    if (!this.blockPlan) return undefined;
    const { operation: heldOperation, service: heldService } = this.blockPlan;
    if (heldOperation !== undefined && heldOperation !== operation) return undefined;
    if (heldService !== undefined && heldService !== service) return undefined;
    this.blockPlan.remaining -= 1;
    if (this.blockPlan.remaining > 0) return undefined;
    const { when } = this.blockPlan;
    this.blockPlan = undefined;
    let release: () => void = () => undefined;
    const wait = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.blockedCall = { service, operation, when, clientGone: false, release };
    return { when, wait };
  }

  blocked(): { blocked: boolean } & Partial<BlockedCall> {
    if (!this.blockedCall) return { blocked: false };
    const { service, operation, when, clientGone } = this.blockedCall;
    return { blocked: true, service, operation, when, clientGone };
  }

  markClientGone(): void {
    if (this.blockedCall) this.blockedCall.clientGone = true;
  }

  unblock(): void {
    const call = this.blockedCall;
    this.blockedCall = undefined;
    call?.release();
  }
}

export class CallRecorder {
  counts: Record<string, number> = {};
  log: CallLogEntry[] = [];
  private seq = 0;

  record(entry: Omit<CallLogEntry, "seq">): void {
    this.seq += 1;
    const key = `${entry.service}:${entry.operation}`;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.log.push({ seq: this.seq, ...entry });
  }

  reset(): void {
    this.counts = {};
    this.log = [];
    this.seq = 0;
  }
}
