// A delete: wait out busy states, refuse while dependents exist, then the type's hook, the schema's
// delete behaviour for the resource's deleteBehaviour input, or the delete call.
import { call } from "./calls";
import { refuseWhileDependentsExist } from "./dependents";
import { partsOf, timeoutMs } from "./identity";
import { callRequest, settle, waitForPhase } from "./lifecycle";
import { report } from "./progress";
import { contextFor, type ResourceContext } from "./resource-context";
import { deleteGenerically } from "./schema-steps";
import type { Outputs } from "./state";
import { WaitError, type Observation } from "./waiter";

export async function deleteResource(type: string, id: string, props: Outputs): Promise<void> {
  const ctx = contextFor(type, props);
  const scope = { ...props, ...partsOf(ctx.schema, id) };
  const timeout = timeoutMs(ctx.schema, "delete", props);
  let current: Observation;
  try {
    current = await settle(ctx, scope, timeout);
  } catch (error) {
    // Stuck in a busy state with errors (a fleet STARTING with FleetErrors) it never settles; a type
    // that knows how to delete it anyway gets it as it is.
    if (!(error instanceof WaitError) || !ctx.hooks.delete || error.observation.errors.length === 0) throw error;
    current = error.observation;
  }
  if (current.gone) return;
  await refuseWhileDependentsExist(ctx, scope, timeout);
  if (ctx.hooks.delete) return ctx.hooks.delete(ctx, scope, props, current);
  await deleteAsBehaviourSays(ctx, scope, props, current, timeout);
}

/** The schema's delete behaviour for the value the resource's input has (deleteBehaviours), else the delete call. */
async function deleteAsBehaviourSays(
  ctx: ResourceContext,
  scope: Outputs,
  props: Outputs,
  current: Observation,
  timeout: number,
): Promise<void> {
  const behaviours = ctx.schema.deleteBehaviours;
  if (!behaviours) return deleteGenerically(ctx, scope, props, timeout);
  const value =
    typeof props[behaviours.property] === "string" ? String(props[behaviours.property]) : behaviours.default;
  const behaviour = behaviours.values[value];
  if (!behaviour) throw new Error(`${ctx.subject}: ${behaviours.property} ${value} is not one the schema describes`);
  // Stryker disable next-line StringLiteral: a device and a streaming session are read with their state, and no keepIn or from names the mutant's
  const state = current.state ?? "";
  // Stryker disable next-line BooleanLiteral: every behaviour with a call in the schema files (a device's, a streaming session's) names keepIn, and one without a call does nothing that kept skips
  const kept = behaviour.keepIn?.includes(state) ?? false;
  if (behaviour.call && !kept) {
    if (behaviour.from && !behaviour.from.includes(state)) {
      const what = `${behaviours.property} ${value}`;
      void report(
        ctx.urn,
        `the resource is ${current.state ?? "in an unknown state"}, so ${what} cannot apply: deleting it`,
        { severity: "warning" },
      );
      return deleteGenerically(ctx, scope, props, timeout);
    }
    // Derived from the resource as it is now, so a retry repeats the token and a later destroy does not replay it.
    await call(
      ctx.schema.service,
      behaviour.call.operation,
      callRequest(ctx.schema, behaviour.call, scope, `destroy:${String(current.outputs.updatedAt)}`),
    );
    await waitForPhase(ctx, behaviour, scope, timeout, true);
  }
  if (behaviour.delete) await deleteGenerically(ctx, scope, props, timeout);
}
