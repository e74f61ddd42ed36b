// The schema's own update and delete calls, as the engine makes them and as a hook may ask for them
// (HookContext.updateAsSchemaSays, deleteAsSchemaSays).
import stableJson from "fast-json-stable-stringify";
import { call } from "./calls";
import type { Inputs } from "./check";
import { isEmpty } from "./diff";
import { isNotFound } from "./errors";
import { idOf } from "./identity";
import { transitionalStates, waitForPhase } from "./lifecycle";
import { observe } from "./observe";
import type { ResourceContext } from "./resource-context";
import type { Outputs } from "./state";
import type { PropertySchema } from "./schema-types";
import type { Observation } from "./waiter";
import { clientToken, requestFor, wireKey } from "./wire";

/** The x-removeAttribute values of what `after` drops from `before`, nested properties included. */
function removedAttributes(node: PropertySchema, before: unknown, after: unknown): string[] {
  if (isEmpty(before)) return [];
  if (isEmpty(after)) return node["x-removeAttribute"] ? [node["x-removeAttribute"]] : [];
  if (!node.properties) return [];
  // A node with properties holds objects on both sides (the check keeps the program's so, and the
  // service answers the shape its model gives), and a member of anything else would read as absent.
  const [was, is] = [before as Record<string, unknown>, after as Record<string, unknown>];
  return Object.entries(node.properties).flatMap(([key, child]) => removedAttributes(child, was[key], is[key]));
}

/** The generic in-place update: one call with the changed (or all updatable) properties, then a wait. */
export async function applyUpdate(
  ctx: ResourceContext,
  scope: Outputs,
  news: Inputs,
  changed: string[],
  timeoutMs: number,
  before: Outputs = scope,
): Promise<Observation> {
  const schema = ctx.schema;
  const spec = schema.operations.update;
  if (!spec) throw new Error(`${schema.type} has no update operation, yet ${changed.join(", ")} changed`);
  const request = requestFor(schema, spec, scope, news, changed);
  const properties = schema.inputs.properties;
  // A dropped property with no attribute to delete goes back to the service's default, which the
  // service only applies when it is sent (requestFor leaves out a property without one).
  const restored = changed.filter((name) => news[name] === undefined && !properties[name]["x-removeAttribute"]);
  Object.assign(
    request,
    requestFor(
      schema,
      { operation: spec.operation, inputs: restored },
      {},
      Object.fromEntries(restored.map((name) => [name, properties[name]["x-serviceDefault"]])),
    ),
  );
  const removals = changed
    .flatMap((name) =>
      // Stryker disable next-line ConditionalExpression: a dropped property is changed only when the resource has it (before), and then removedAttributes names its attribute all the same
      news[name] === undefined
        ? [properties[name]["x-removeAttribute"]]
        : removedAttributes(properties[name], before[name], news[name]),
    )
    .filter((a): a is string => !!a);
  if (removals.length > 0) request[wireKey("attributesToDelete", undefined, schema.wireCase)] = removals;
  // What the resource was before the call goes into the token too: the same change made again after
  // it was undone (A, B, A, B) is a new request, which a replayed token would answer without applying.
  // Stryker disable next-line ConditionalExpression: the SDK sends only the members of the operation's input shape, and "undefined" is none
  if (spec.clientToken)
    request[spec.clientToken] = clientToken(schema, `update:${stableJson(request)}:${stableJson(before)}`, news);
  await call(schema.service, spec.operation, request);
  const phase = schema.lifecycle?.update;
  return phase ? waitForPhase(ctx, phase, scope, timeoutMs) : observe(ctx, scope);
}

export async function deleteGenerically(
  ctx: ResourceContext,
  scope: Outputs,
  props: Outputs,
  timeoutMs: number,
): Promise<void> {
  const schema = ctx.schema;
  const spec = schema.operations.delete;
  if (!spec) throw new Error(`${schema.type} has no delete operation`);
  // Stryker disable next-line ArrayDeclaration: the changed list only picks from the inputs, and a delete call is given none
  const request = requestFor(schema, spec, scope, {}, [], { purpose: `delete:${idOf(schema, scope)}`, inputs: props });
  try {
    await call(schema.service, spec.operation, request);
  } catch (error) {
    if (isNotFound(error, spec.notFound)) return;
    throw error;
  }
  // Stryker disable next-line ArrayDeclaration: a list of states matters only by the states in it, and no service reports a state named as the mutant's
  const phase = schema.lifecycle?.delete ?? { pending: transitionalStates(schema), target: [] };
  await waitForPhase(ctx, phase, scope, timeoutMs, true);
}
