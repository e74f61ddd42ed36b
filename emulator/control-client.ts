// Typed client for the emulator's /_emulator/ control API, for tests and scripts.
import type { CallLogEntry, FaultSettings } from "./core/faults";
import type { RateLimitOptions, RateLimitSettings } from "./core/rate-limits";
import type { ResourceRecord, World } from "./core/types";

export type { CallLogEntry, FaultSettings } from "./core/faults";
export type { RateLimit, RateLimitOptions, RateLimitSettings } from "./core/rate-limits";

/** What GET /_emulator/world answers: the endpoint's whole state, JSON. */
export type WorldSnapshot = World;

export interface CallsReport {
  /** Per-operation counters keyed "service:Operation". */
  counts: Record<string, number>;
  log: CallLogEntry[];
}

export interface BlockedReport {
  blocked: boolean;
  service?: string;
  operation?: string;
  when?: "before" | "after";
  /** The blocked call's client closed its connection (killed, aborted, timed out). */
  clientGone?: boolean;
}

export interface EmulatorSettings {
  transitionMs: number;
  region: string;
  accountId: string;
}

export interface FleetErrorInput {
  ErrorCode: string;
  ErrorMessage: string;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class EmulatorControl {
  constructor(readonly url: string) {}

  health(): Promise<{ ok: boolean }> {
    return this.call("GET", "health");
  }

  async resources(kind?: string): Promise<ResourceRecord[]> {
    const query = kind ? `?kind=${encodeURIComponent(kind)}` : "";
    const out = await this.call<{ resources: ResourceRecord[] }>("GET", `resources${query}`);
    return out.resources;
  }

  async resource(kind: string, id: string): Promise<ResourceRecord | undefined> {
    return (await this.resources(kind)).find((r) => r.id === id);
  }

  /** Deletes a resource out of band, as someone using the console would. */
  async deleteResource(kind: string, id: string): Promise<void> {
    await this.call("DELETE", `resources/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
  }

  /** Merges `patch` into a resource's attributes out of band (null removes an attribute). */
  async mutate(kind: string, id: string, patch: Record<string, unknown>): Promise<ResourceRecord> {
    return (await this.call<{ resource: ResourceRecord }>("POST", "mutate", { kind, id, patch })).resource;
  }

  /** Fresh world (re-seeded), counters and faults cleared. */
  async reset(): Promise<void> {
    await this.call("POST", "reset");
  }

  calls(): Promise<CallsReport> {
    return this.call("GET", "calls");
  }

  /** The parameters of each logged call to `operation` (of `service`, when given), in call order. */
  async inputs(operation: string, service?: string): Promise<Array<Record<string, unknown>>> {
    const { log } = await this.calls();
    return log
      .filter((entry) => entry.operation === operation && (service === undefined || entry.service === service))
      .map((entry) => entry.input ?? {});
  }

  /** What the call log shows for `value` sent as a member the service's model marks sensitive. */
  async redacted(value: unknown): Promise<string> {
    return (await this.call<{ redacted: string }>("POST", "redact", { value })).redacted;
  }

  async resetCalls(): Promise<void> {
    await this.call("POST", "calls/reset");
  }

  faults(): Promise<FaultSettings> {
    return this.call("GET", "faults");
  }

  setFaults(faults: Partial<FaultSettings>): Promise<FaultSettings> {
    return this.call("POST", "faults", faults);
  }

  clearFaults(): Promise<FaultSettings> {
    return this.call("DELETE", "faults");
  }

  /** The per-operation rate limits in force (docs/rate-limits.md). */
  rateLimits(): Promise<RateLimitSettings> {
    return this.call("GET", "rate-limits");
  }

  /** Merges these into the rate limits in force (`{ enabled: true }` turns on the defaults); buckets start full. */
  setRateLimits(options: RateLimitOptions): Promise<RateLimitSettings> {
    return this.call("POST", "rate-limits", options);
  }

  /** Back to the rate limits the endpoint started with. */
  resetRateLimits(): Promise<RateLimitSettings> {
    return this.call("DELETE", "rate-limits");
  }

  /** The next create of `kind` ends in its failed state with this status. */
  async failNextCreate(kind: string, statusCode: string, statusMessage: string): Promise<void> {
    await this.call("POST", "fail-next-create", { kind, statusCode, statusMessage });
  }

  /** Pins a resource in its current (transitional) state until release(). */
  async stuck(kind: string, id: string): Promise<void> {
    await this.call("POST", "stuck", { kind, id });
  }

  async release(kind: string, id: string): Promise<void> {
    await this.call("POST", "release", { kind, id });
  }

  /** Sets an AppStream fleet's FleetErrors; a fleet with errors never leaves STARTING. */
  async fleetErrors(name: string, errors: FleetErrorInput[]): Promise<void> {
    await this.call("POST", "fleet-errors", { name, errors });
  }

  /** What the Image Assistant does in a RUNNING AppStream image builder: snapshot it into a new private image. */
  async snapshotImageBuilder(name: string, imageName: string): Promise<void> {
    await this.call("POST", "snapshot-image-builder", { name, imageName });
  }

  /** Calls a service-specific control endpoint (ServiceModule.controls). */
  serviceControl<T = unknown>(name: string, body: Record<string, unknown>): Promise<T> {
    return this.call("POST", name, body);
  }

  /** The Nth mutating call from now hangs, before or after it is applied, until unblock(). */
  async blockMutatingCall(n: number, when: "before" | "after"): Promise<void> {
    await this.call("POST", "block-mutating-call", { n, when });
  }

  /**
   * The `occurrence`-th call from now of the mutating `operation` (of `service`, when given) hangs,
   * before or after it is applied, until unblock(); other calls pass.
   */
  async holdOperation(
    operation: string,
    occurrence: number,
    when: "before" | "after",
    service?: string,
  ): Promise<void> {
    await this.call("POST", "block-mutating-call", { n: occurrence, when, operation, ...(service ? { service } : {}) });
  }

  /** The whole world (resources, idempotency tokens, id sequence), to restore() later. */
  snapshotWorld(): Promise<WorldSnapshot> {
    return this.call("GET", "world");
  }

  async restoreWorld(snapshot: WorldSnapshot): Promise<void> {
    await this.call("PUT", "world", snapshot);
  }

  blocked(): Promise<BlockedReport> {
    return this.call("GET", "blocked");
  }

  async unblock(): Promise<void> {
    await this.call("POST", "unblock");
  }

  settings(): Promise<EmulatorSettings> {
    return this.call("GET", "settings");
  }

  updateSettings(settings: { transitionMs?: number }): Promise<EmulatorSettings> {
    return this.call("POST", "settings", settings);
  }

  /** Moves the emulator's clock forward, so pending transitions fall due. */
  advance(ms: number): Promise<{ now: number }> {
    return this.call("POST", "advance", { ms });
  }

  /**
   * Polls until `predicate` holds; for waiting on a blocked call without timing assumptions. The
   * default allows minutes (a client process that first has to start and load its SDK on a busy
   * machine), so what bounds a wait in practice is the caller's own time limit.
   */
  async waitFor<T>(
    probe: () => Promise<T>,
    predicate: (value: T) => boolean,
    attempts = 12_000,
    intervalMs = 10,
  ): Promise<T> {
    for (let i = 0; i < attempts; i++) {
      const value = await probe();
      if (predicate(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error("condition not reached");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url.replace(/\/$/, "")}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const message = (parsed as { message?: string }).message ?? response.statusText;
      throw new EmulatorControlError(response.status, message);
    }
    return parsed as T;
  }
}
