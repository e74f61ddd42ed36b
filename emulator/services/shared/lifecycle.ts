import type { OperationContext, ResourceRecord } from "../../core/types";
import { DELETED } from "../../core/world";

/** The transition target that removes a record. */
export const REMOVE = DELETED;

export interface Step {
  to: string;
  /** Fields that change together with the state (status codes, timestamps, results). */
  patch?: Record<string, unknown>;
  /** Delay after the previous step; one transitionMs unless given. */
  afterMs?: number;
}

/**
 * Queues the steps a record's `field` goes through, each with its own patch (a status code moves with
 * its state, which ctx.transition's single final patch cannot express). A new operation supersedes
 * whatever was still pending for the same field.
 */
export function schedule(ctx: OperationContext, record: ResourceRecord, field: string, steps: Step[]): void {
  let at = ctx.clock.now();
  const kept = (record.transitions ?? []).filter((t) => t.field !== field);
  for (const step of steps) {
    at += step.afterMs ?? ctx.transitionMs;
    kept.push({ at, field, to: step.to, ...(step.patch ? { patch: step.patch } : {}) });
  }
  record.transitions = kept;
  ctx.put(record);
}

/** How long a DELETED record stays readable before it disappears, so pollers can observe DELETED. */
export function deletedRetentionMs(ctx: OperationContext): number {
  return 10 * ctx.transitionMs;
}
