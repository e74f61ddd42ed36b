import { createHash } from "node:crypto";
import type { Clock, OperationContext, ResourceRecord, World } from "./types";

export const DELETED = "__DELETED__";

export function emptyWorld(): World {
  return { resources: {}, clientTokens: {}, pageTokens: {}, sequence: 0 };
}

export interface CreateFailure {
  statusCode: string;
  statusMessage: string;
}

export interface WorldContextOptions {
  world: World;
  clock: Clock;
  transitionMs: number;
  region: string;
  accountId: string;
  /** Supplied by the fault injector; the world itself keeps no faults (they are not persisted). */
  takeCreateFailure?: (kind: string) => CreateFailure | undefined;
}

/**
 * The one OperationContext of an emulator. Transitions are data on the records and are applied
 * lazily whenever a record is read, so no timers run and a world reloaded from disk resumes where
 * it stopped.
 */
export class WorldContext implements OperationContext {
  world: World;
  clock: Clock;
  transitionMs: number;
  readonly region: string;
  readonly accountId: string;
  private readonly createFailure: (kind: string) => CreateFailure | undefined;

  constructor(options: WorldContextOptions) {
    this.world = options.world;
    this.clock = options.clock;
    this.transitionMs = options.transitionMs;
    this.region = options.region;
    this.accountId = options.accountId;
    this.createFailure = options.takeCreateFailure ?? (() => undefined);
  }

  nextId(prefix: string): string {
    this.world.sequence += 1;
    const seq = this.world.sequence;
    // The hash suffix makes ids look like AWS ids while staying deterministic for a given world.
    const suffix = createHash("sha256").update(`${prefix}${seq}`).digest("hex").slice(0, 6);
    return `${prefix}${String(seq).padStart(10, "0")}${suffix}`;
  }

  get(kind: string, id: string): ResourceRecord | undefined {
    const record = this.world.resources[kind]?.[id];
    return record ? this.settle(record) : undefined;
  }

  list(kind: string): ResourceRecord[] {
    const byId = this.world.resources[kind];
    if (!byId) return [];
    const out: ResourceRecord[] = [];
    for (const record of Object.values(byId)) {
      const settled = this.settle(record);
      if (settled) out.push(settled);
    }
    return out;
  }

  /** Every kind's records, settled; for the control API. */
  all(kind?: string): ResourceRecord[] {
    const kinds = kind ? [kind] : Object.keys(this.world.resources);
    return kinds.flatMap((k) => this.list(k));
  }

  put(record: ResourceRecord): void {
    const byId = (this.world.resources[record.kind] ??= {});
    byId[record.id] = record;
  }

  remove(kind: string, id: string): void {
    const byId = this.world.resources[kind];
    if (!byId) return;
    delete byId[id];
    if (Object.keys(byId).length === 0) delete this.world.resources[kind];
  }

  /**
   * `states[0]` takes effect now, each following state one transitionMs after the previous one,
   * and `finalPatch` is merged with the last. Pending transitions of the same field are replaced,
   * so a Stop issued while a Start is under way wins.
   */
  transition(record: ResourceRecord, field: string, states: string[], finalPatch?: Record<string, unknown>): void {
    if (states.length === 0) return;
    const now = this.clock.now();
    const others = (record.transitions ?? []).filter((t) => t.field !== field);
    const scheduled: NonNullable<ResourceRecord["transitions"]> = [];
    states.slice(1).forEach((to, i) => {
      const last = i === states.length - 2;
      scheduled.push({
        at: now + (i + 1) * this.transitionMs,
        field,
        to,
        ...(last && finalPatch ? { patch: finalPatch } : {}),
      });
    });
    const all = [...others, ...scheduled].sort((a, b) => a.at - b.at);
    if (all.length > 0) record.transitions = all;
    else delete record.transitions;
    if (states[0] === DELETED) {
      this.remove(record.kind, record.id);
      return;
    }
    record.attributes[field] = states[0];
    if (states.length === 1 && finalPatch) Object.assign(record.attributes, finalPatch);
    this.put(record);
  }

  takeCreateFailure(kind: string): CreateFailure | undefined {
    return this.createFailure(kind);
  }

  private settle(record: ResourceRecord): ResourceRecord | undefined {
    if (record.stuck || !record.transitions?.length) return record;
    const now = this.clock.now();
    // Service modules may append transitions themselves; apply them in time order regardless.
    record.transitions.sort((a, b) => a.at - b.at);
    while (record.transitions?.length && record.transitions[0].at <= now) {
      const next = record.transitions.shift()!;
      if (next.to === DELETED) {
        this.remove(record.kind, record.id);
        return undefined;
      }
      record.attributes[next.field] = next.to;
      if (next.patch) Object.assign(record.attributes, next.patch);
    }
    if (record.transitions?.length === 0) delete record.transitions;
    return record;
  }
}
