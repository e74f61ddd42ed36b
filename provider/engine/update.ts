// An update: wait out busy states (a create an earlier run left unfinished among them), park the
// resource where its changes are accepted, send the changes (the type's hook or the schema's update
// call), the tags, then the desired state.
import { call } from "./calls";
import type { Inputs } from "./check";
import { diffProperties, inputKeysField } from "./diff";
import { partsOf, timeoutMs } from "./identity";
import { reachDesiredState, settle } from "./lifecycle";
import { observe } from "./observe";
import { contextFor } from "./resource-context";
import { applyUpdate } from "./schema-steps";
import type { ResourceSchema } from "./schema-types";
import { outputsFrom, tokenField, type Outputs } from "./state";
import { resolveTemplate } from "./wire";

export async function updateResource(
  type: string,
  id: string,
  olds: Outputs,
  news: Inputs,
): Promise<{ outs: Outputs }> {
  const ctx = contextFor(type, news);
  const schema = ctx.schema;
  const scope: Outputs = { ...olds, ...news, ...partsOf(schema, id) };
  // An engine input the program no longer sets must not reach a call template from the old state.
  for (const [name, node] of Object.entries(schema.inputs.properties))
    if (node["x-engine"] && news[name] === undefined) delete scope[name];
  const timeout = timeoutMs(schema, "update", news);
  let current = await settle(ctx, scope, timeout);
  if (current.gone)
    throw new Error(
      `${ctx.subject} (${id}) no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again`,
    );
  const { changed } = diffProperties(
    schema,
    { ...olds, ...current.outputs, [inputKeysField]: olds[inputKeysField] },
    news,
  );
  const tags = schema.tags?.property;
  const desired = schema.desiredState?.property;
  const serviceChanges = changed.filter((name) => {
    const node = schema.inputs.properties[name];
    return !node["x-engine"] && name !== tags && name !== desired && node["x-updatable"];
  });
  const before = { ...olds, ...current.outputs };
  // Changes the current state does not accept (x-updatableIn): park the resource where they are
  // accepted, and afterwards return it to where it was unless the program asks for another state.
  const wasIn = current.state;
  const parkIn = stateAccepting(ctx, serviceChanges, current.state);
  // Here and below, no state asked for (undefined) moves nothing and reads nothing.
  // Stryker disable next-line LogicalOperator: equivalent, a park always reaches a state (one of desiredState.values), and only the type's update hook sees the observation: the one type with both, an app block builder, reads its app blocks from it, which the park leaves as they were
  current = (await reachDesiredState(ctx, scope, parkIn, timeout)) ?? current;
  if (ctx.hooks.update) {
    current = await ctx.hooks.update(ctx, scope, olds, news, serviceChanges, current);
  } else if (serviceChanges.length > 0) {
    current = await applyUpdate(ctx, scope, news, serviceChanges, timeout, before);
  }
  const tagSpec = schema.tags;
  if (tagSpec && changed.includes(tagSpec.property))
    await updateTags(
      schema,
      tagSpec,
      scope,
      (current.outputs[tagSpec.property] ?? olds[tagSpec.property]) as Record<string, string> | undefined,
      news[tagSpec.property] as Record<string, string> | undefined,
    );
  const target = desired ? (news[desired] ?? (parkIn !== undefined ? wasIn : undefined)) : undefined;
  current = (await reachDesiredState(ctx, scope, target, timeout)) ?? current;
  if (current.errors.length > 0) throw new Error(`${ctx.subject} (${id}) reports errors: ${current.errors.join("; ")}`);
  const final = await observe(ctx, scope);
  return { outs: outputsFrom(schema, final.outputs, news, olds[tokenField] as string | undefined) };
}

/**
 * The desired-state value to move to before applying `changes`, when some of them are not accepted in
 * `state` (x-updatableIn); undefined when the current state takes them all.
 */
export function stateAccepting(
  ctx: { schema: ResourceSchema; subject: string },
  changes: string[],
  state: string | undefined,
): string | undefined {
  const limits = changes
    .map((name) => ({ name, states: ctx.schema.inputs.properties[name]["x-updatableIn"] }))
    .filter((l): l is { name: string; states: string[] } => !!l.states);
  if (state === undefined || limits.every((l) => l.states.includes(state))) return undefined;
  const reachable = Object.keys(ctx.schema.desiredState?.values ?? {});
  const common = reachable.find((s) => limits.every((l) => l.states.includes(s)));
  if (common === undefined) {
    throw new Error(
      `${ctx.subject}: ${limits.map((l) => l.name).join(", ")} cannot change together: no state the resource can be put in accepts all of them`,
    );
  }
  return common;
}

async function updateTags(
  schema: ResourceSchema,
  spec: NonNullable<ResourceSchema["tags"]>,
  scope: Outputs,
  before: Record<string, string> = {},
  after: Record<string, string> = {},
): Promise<void> {
  const arn = resolveTemplate(spec.arn, scope);
  const removed = Object.keys(before).filter((k) => !(k in after));
  const set = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  if (removed.length > 0)
    await call(schema.service, spec.untag.operation, { [spec.arnParam]: arn, [spec.keysParam]: removed });
  if (Object.keys(set).length > 0)
    await call(schema.service, spec.tag.operation, { [spec.arnParam]: arn, [spec.tagsParam]: set });
}
