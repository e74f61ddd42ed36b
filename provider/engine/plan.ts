// What a preview asks before anything changes: are the inputs valid (check), and what would an
// update change or replace (diff).
import { unknownValue } from "./unknowns";
import { check, type CheckFailure, type Inputs } from "./check";
import { diffProperties } from "./diff";
import { contextFor } from "./resource-context";
import type { Outputs } from "./state";

export function checkResource(type: string, olds: Inputs, news: Inputs): { inputs: Inputs; failures: CheckFailure[] } {
  const ctx = contextFor(type, news);
  const result = check(ctx.schema, olds, news);
  return ctx.hooks.check
    ? { inputs: result.inputs, failures: [...result.failures, ...ctx.hooks.check(ctx, result.inputs)] }
    : result;
}

/** checkResource, then the type's rules that ask the service (only when the inputs passed the others). */
export async function checkResourceWithService(
  type: string,
  olds: Inputs,
  news: Inputs,
): Promise<{ inputs: Inputs; failures: CheckFailure[] }> {
  const result = checkResource(type, olds, news);
  const ctx = contextFor(type, news);
  if (result.failures.length > 0 || !ctx.hooks.checkWithService) return result;
  const known = Object.fromEntries(Object.entries(result.inputs).filter(([, v]) => v !== unknownValue));
  return { inputs: result.inputs, failures: await ctx.hooks.checkWithService(ctx, olds, known) };
}

export function diffResource(type: string, olds: Outputs, news: Inputs) {
  const ctx = contextFor(type, news);
  const outcome = diffProperties(ctx.schema, olds, news);
  // A create that ended in a failed state cannot be repaired in place: replace it.
  const lifecycle = ctx.schema.lifecycle;
  const state = lifecycle ? olds[lifecycle.stateField] : undefined;
  // A state that is not a string is none of the failed ones.
  const failed = !!(lifecycle?.create?.failed as readonly unknown[] | undefined)?.includes(state);
  const replaces =
    failed && outcome.replaces.length === 0
      ? [ctx.schema.identity.parts[ctx.schema.identity.parts.length - 1]]
      : outcome.replaces;
  // For an in-place update, "unknown" lets the engine diff the old inputs against the new itself,
  // which is what names each changed property in previews and drift reports (the dynamic-provider
  // shim sends no detailed diff). Replacements must be stated, or the engine would not replace.
  const changes = replaces.length > 0 ? true : outcome.changed.length > 0 ? undefined : false;
  return {
    changes,
    replaces,
    deleteBeforeReplace: outcome.deleteBeforeReplace || (failed && !!ctx.schema.uniqueName),
  };
}
