import { report } from "./progress";

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
  /** Injected by tests; real waits sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export const backoff = { initialMs: 250, factor: 1.5, maxMs: 5_000, jitter: 0.2 };

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

/** Polls until the resource reaches a target state, fails, or the timeout passes. */
export async function waitFor(spec: WaitSpec): Promise<Observation> {
  const sleep = spec.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = spec.now ?? Date.now;
  const random = spec.random ?? Math.random;
  const started = now();
  let delay = backoff.initialMs;
  for (let attempt = 0; ; attempt++) {
    const o = await spec.observe();
    const elapsed = ((now() - started) / 1000).toFixed(1);
    if (o.gone) {
      if (spec.goneIsTarget) return o;
      throw new WaitError(`${spec.subject} disappeared while waiting for ${spec.target.join(" or ")}`, o, ["gone"]);
    }
    if (o.state !== undefined && spec.target.includes(o.state) && o.errors.length === 0) return o;
    if ((o.state !== undefined && spec.failed.includes(o.state)) || o.errors.length > 0) {
      const reasons = [o.statusCode, o.statusMessage, ...o.errors].filter((r): r is string => !!r);
      throw new WaitError(`${spec.subject} is ${o.state ?? "in error"} after ${elapsed}s${detail(o)}`, o, reasons);
    }
    if (o.state !== undefined && !spec.pending.includes(o.state) && !spec.target.includes(o.state)) {
      throw new WaitError(`${spec.subject} is in state ${o.state}, which leads to neither ${spec.target.join(" nor ")}${detail(o)}`, o, [o.state]);
    }
    if (now() - started >= spec.timeoutMs) {
      throw new WaitError(
        `${spec.subject} is still ${o.state} after ${elapsed}s, past its timeout of ${spec.timeoutMs / 60_000} min; it stays in the stack, and the next update waits for it again (raise the resource's timeouts input if the service is slow)`,
        o,
        [`timeout in ${o.state}`],
      );
    }
    if (attempt > 0) void report(spec.urn, `waiting for ${spec.target.join(" or ")}: ${o.state} for ${elapsed}s`, { ephemeral: true });
    const remaining = spec.timeoutMs - (now() - started);
    const jittered = delay * (1 - backoff.jitter + 2 * backoff.jitter * random());
    await sleep(Math.max(0, Math.min(jittered, remaining)));
    delay = Math.min(backoff.maxMs, delay * backoff.factor);
  }
}
