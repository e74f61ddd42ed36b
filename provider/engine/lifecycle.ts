// Waits on the service's states as the schema's lifecycle describes them: a phase's wait, waiting out
// busy states, and moving the resource to the desired state the program asks for.
import stableJson from "fast-json-stable-stringify";
import { call } from "./calls";
import { runtimeConfig } from "./config";
import { idOf } from "./identity";
import { observe } from "./observe";
import type { ResourceContext } from "./resource-context";
import type { CallSpec, ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";
import { defaultWaitHistory } from "./wait-history";
import { waitFor, type Observation } from "./waiter";
import { requestFor } from "./wire";

export interface WaitPhase {
  pending: string[];
  target: string[];
  failed?: string[];
  ignoreErrors?: boolean;
}

/** Durations differ between the local endpoint and each AWS region. */
function whereTo(): string {
  const config = runtimeConfig();
  return config.endpoint ? `endpoint ${config.endpoint.replace(/:\d+$/, "")}` : `aws ${config.region ?? "default"}`;
}

/**
 * Waits for the resource to reach `phase`'s target; `ignoreErrors` for a phase in which the
 * service's error list stays set and does not matter (a fleet stopping for its delete).
 */
export function waitForPhase(
  ctx: ResourceContext,
  phase: WaitPhase,
  scope: Outputs,
  timeoutMs: number,
  goneIsTarget = false,
  initial?: Observation,
): Promise<Observation> {
  const read = phase.ignoreErrors
    ? async () => ({ ...(await observe(ctx, scope)), errors: [] })
    : () => observe(ctx, scope);
  return waitFor({
    initial,
    subject: `${ctx.subject} (${idOf(ctx.schema, scope)})`,
    urn: ctx.urn,
    pending: phase.pending,
    target: phase.target,
    // Stryker disable next-line ArrayDeclaration: a failed list only matters by the states in it, and no service reports a state named as the mutant's
    failed: phase.failed ?? [],
    goneIsTarget,
    timeoutMs,
    observe: read,
    history: {
      store: defaultWaitHistory(),
      key: `${whereTo()}|${ctx.schema.type}|${phase.pending.join(",")}>${goneIsTarget ? "gone" : phase.target.join(",")}`,
    },
  });
}

/** Waits out states in which the service takes no call (STARTING, *_IN_PROGRESS, ...). */
export async function settle(ctx: ResourceContext, scope: Outputs, timeoutMs: number): Promise<Observation> {
  const current = await observe(ctx, scope);
  // A resource gone, or read without a state, is in no busy state.
  const busy = transitionalStates(ctx.schema);
  if (!(busy as ReadonlyArray<string | undefined>).includes(current.state)) return current;
  const stable = stableStates(ctx.schema).filter((s) => !busy.includes(s));
  // Stryker disable next-line ArrayDeclaration: a failed list only matters by the states in it, and no service reports a state named as the mutant's
  return waitForPhase(ctx, { pending: busy, target: stable, failed: [] }, scope, timeoutMs, true);
}

/** Moves the resource to the desired state (RUNNING/STOPPED, READY/STOPPED) when it is elsewhere. */
export async function reachDesiredState(
  ctx: ResourceContext,
  scope: Outputs,
  desired: unknown,
  timeoutMs: number,
): Promise<Observation | undefined> {
  const spec = ctx.schema.desiredState;
  if (!spec || typeof desired !== "string") return undefined;
  const current = await settle(ctx, scope, timeoutMs);
  if (current.state === desired) return current;
  const step = spec.values[desired];
  const observedBefore = `${desired}:${stableJson(current.outputs)}`;
  await call(ctx.schema.service, step.call.operation, callRequest(ctx.schema, step.call, scope, observedBefore));
  return waitForPhase(ctx, { pending: step.pending, target: step.target, failed: step.failed }, scope, timeoutMs);
}

/**
 * A call that moves the resource between states, with its client token when it takes one. The token
 * is derived from what was observed just before, so a retry of an unapplied call sends the same
 * token, while the same transition made again later (stop, start, stop) gets a new one.
 */
export function callRequest(
  schema: ResourceSchema,
  spec: CallSpec,
  scope: Outputs,
  observedBefore: string,
): Record<string, unknown> {
  // Stryker disable next-line ArrayDeclaration: the changed list only picks from the inputs, and a state-moving call is given none
  return requestFor(schema, spec, scope, {}, [], { purpose: `${spec.operation}:${observedBefore}`, inputs: scope });
}

export function transitionalStates(schema: ResourceSchema): string[] {
  const l = schema.lifecycle;
  const fromDesired = Object.values(schema.desiredState?.values ?? {}).flatMap((v) => v.pending);
  return [
    ...new Set([
      ...(l?.busy ?? []),
      ...(l?.create?.pending ?? []),
      ...(l?.update?.pending ?? []),
      ...(l?.delete?.pending ?? []),
      ...fromDesired,
    ]),
  ];
}

export function stableStates(schema: ResourceSchema): string[] {
  const { create, update, delete: deletion } = schema.lifecycle ?? {};
  const fromDesired = Object.values(schema.desiredState?.values ?? {}).flatMap((v) => [...v.target, ...v.failed]);
  return [
    ...new Set([
      ...(create?.target ?? []),
      ...(create?.failed ?? []),
      ...(update?.target ?? []),
      ...(update?.failed ?? []),
      ...(deletion?.failed ?? []),
      ...fromDesired,
    ]),
  ];
}
