// The resource lifecycle behind every type: check, diff, create, read, update and delete, each through
// the ResourceContext of the type's schema and hooks.
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { check, type CheckFailure, type Inputs } from "./check";
import { refuseWhileDependentsExist } from "./dependents";
import { report } from "./progress";
import { diffProperties, inputKeysField, liveAsWritten, programValuesField } from "./diff";
import { awsErrorName, ResourceInitError } from "./errors";
import type { CallSpec } from "./schema-types";
import { WaitError, type Observation } from "./waiter";
import { contextFor, ResourceContext, tokenField, type Outputs } from "./resource-context";
import { fromWire, isRecord, lookup, resolveTemplate } from "./wire";
import { applyUpdate, deleteGenerically } from "./schema-steps";

export { contextFor, ResourceContext, type Outputs };

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
  const failed = typeof state === "string" && !!lifecycle?.create?.failed?.includes(state);
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

function initError(ctx: ResourceContext, id: string, error: unknown, inputs: Inputs, token?: string): never {
  if (error instanceof WaitError) {
    // The engine prints only the reasons, so the one reason is the whole story.
    throw new ResourceInitError(error.message, id, ctx.outputsFrom(error.observation.outputs, inputs, token), [
      error.message,
    ]);
  }
  throw new ResourceInitError(
    String((error as Error)?.message ?? error),
    id,
    ctx.outputsFrom(ctx.partsOf(id), inputs, token),
    [String((error as Error)?.message ?? error)],
  );
}

export async function createResource(type: string, inputs: Inputs): Promise<{ id: string; outs: Outputs }> {
  const ctx = contextFor(type, inputs);
  if (typeof inputs.adoptId === "string") return adoptResource(ctx, inputs.adoptId, inputs);
  const spec = ctx.schema.operations.create;
  if (!spec) throw new Error(`${type} cannot be created through the API; set adoptId to take over an existing one`);
  const deadStates = [
    ...(ctx.schema.lifecycle?.delete?.pending ?? []),
    ...(ctx.schema.lifecycle?.delete?.target ?? []),
  ];
  for (let attempt = 1; ; attempt++) {
    const { token, scope } = await sendCreate(ctx, spec, inputs, attempt);
    const id = ctx.idOf(scope);
    try {
      const phase = ctx.schema.lifecycle?.create;
      const answered = phase ? scope[ctx.schema.lifecycle?.stateField ?? ""] : undefined;
      // A create answered with a pending state needs no immediate read to learn it again.
      const initial =
        typeof answered === "string" && phase?.pending.includes(answered)
          ? { gone: false, state: answered, errors: [], outputs: scope }
          : undefined;
      let observed = phase
        ? await ctx
            .wait(phase, scope, ctx.timeoutMs("create", inputs), false, initial)
            .catch((error: unknown) => repairFailedCreate(ctx, scope, inputs, error))
        : await ctx.observe(scope);
      // The hook first: what it adds may be what the desired state needs (an app block builder
      // starts only once an app block is associated with it).
      if (ctx.hooks.afterCreate) observed = await ctx.hooks.afterCreate(ctx, scope, inputs, observed);
      const desired = ctx.schema.desiredState ? inputs[ctx.schema.desiredState.property] : undefined;
      observed = (await ctx.reachDesiredState(scope, desired, ctx.timeoutMs("create", inputs))) ?? observed;
      return { id, outs: ctx.outputsFrom(observed.outputs, inputs, token) };
    } catch (error) {
      // The token is derived from the URN and inputs, so that a retried or interrupted `up` gets the
      // resource it already asked for. A token whose resource has since been deleted (a replacement,
      // a destroy followed by an up) is answered with the first, now dead, resource as it was then:
      // the wait finds it gone, and the next token of the series asks for a new one.
      const o = error instanceof WaitError ? error.observation : undefined;
      const dead = o !== undefined && (o.gone || (o.state !== undefined && deadStates.includes(o.state)));
      if (token && dead && attempt < 5) continue;
      initError(ctx, id, error, inputs, token);
    }
  }
}

/** A create that ended in a failed state the type's hook knows how to repair; otherwise the error stands. */
async function repairFailedCreate(
  ctx: ResourceContext,
  scope: Outputs,
  inputs: Inputs,
  error: unknown,
): Promise<Observation> {
  const repaired =
    error instanceof WaitError && ctx.hooks.repairFailedCreate
      ? await ctx.hooks.repairFailedCreate(ctx, scope, inputs, error.observation)
      : undefined;
  if (!repaired) throw error;
  return repaired;
}

async function sendCreate(
  ctx: ResourceContext,
  spec: CallSpec,
  inputs: Inputs,
  attempt: number,
): Promise<{ token?: string; scope: Outputs }> {
  const token = spec.clientToken ? ctx.clientToken(attempt === 1 ? "create" : `create#${attempt}`, inputs) : undefined;
  const request = ctx.request(spec, {}, inputs);
  if (spec.clientToken && token) request[spec.clientToken] = token;
  let response: Record<string, unknown>;
  try {
    response = await ctx.send(spec, ctx.hooks.beforeCreate ? ctx.hooks.beforeCreate(ctx, request, inputs) : request);
  } catch (error) {
    const leftOver = await leftOverByInterruptedRun(ctx, inputs, error);
    if (!leftOver) throw error;
    return { token, scope: { ...inputs, ...leftOver.outputs } };
  }
  ctx.hooks.checkCreateResponse?.(ctx, response);
  const created = fromWire(
    ctx.readShape(),
    spec.response ? lookup(response, spec.response) : response,
    ctx.schema.wireCase,
  ) as Outputs;
  return { token, scope: { ...inputs, ...created } };
}

/**
 * A name derived from the URN and inputs that already exists is this resource, created by an `up`
 * that was interrupted before Pulumi recorded it (services without client tokens answer a repeated
 * create with AlreadyExists). A name the program chose is left alone: it may be someone else's.
 */
async function leftOverByInterruptedRun(
  ctx: ResourceContext,
  inputs: Inputs,
  error: unknown,
): Promise<Observation | undefined> {
  const name = awsErrorName(error);
  if (inputs.__autoNamed !== true || (name !== "ResourceAlreadyExistsException" && name !== "ConflictException"))
    return undefined;
  if (ctx.schema.identity.parts.some((part) => inputs[part] === undefined)) return undefined;
  const found = await ctx.observe(inputs);
  return found.gone ? undefined : found;
}

async function adoptResource(
  ctx: ResourceContext,
  adoptId: string,
  inputs: Inputs,
): Promise<{ id: string; outs: Outputs }> {
  const scope = { ...inputs, ...ctx.partsOf(adoptId) };
  const found = await ctx.observe(scope);
  if (found.gone)
    throw new Error(`adoptId: ${ctx.schema.type} "${adoptId}" does not exist, so there is nothing to take over`);
  const live = ctx.outputsFrom(found.outputs, { ...inputs, ...found.outputs });
  // Take over, then make it match the program as an update would.
  const outs = await updateResource(
    ctx.schema.type,
    adoptId,
    { ...live, [inputKeysField]: Object.keys(found.outputs) },
    inputs,
  );
  return { id: adoptId, outs: outs.outs };
}

export async function readResource(
  type: string,
  id: string,
  props: Outputs,
): Promise<{ id?: string; props?: Outputs; inputs?: Inputs }> {
  const ctx = contextFor(type, props);
  const observed = await ctx.observe({ ...props, ...ctx.partsOf(id) });
  if (observed.gone) return {};
  const kept: Inputs = {};
  for (const [name, node] of Object.entries(ctx.schema.inputs.properties)) {
    if (node["x-writeOnly"] || node["x-engine"]) kept[name] = props[name];
  }
  const outs = ctx.outputsFrom(observed.outputs, {
    ...kept,
    __urn: props.__urn,
    __autoNamed: props.__autoNamed,
    [tokenField]: props[tokenField],
  });
  // Without state (taking over by id), every input property the service reports counts as set.
  outs[inputKeysField] =
    props[inputKeysField] ??
    ctx
      .serviceInputs()
      .map(([name]) => name)
      .filter((name) => outs[name] !== undefined);
  const desired = ctx.schema.desiredState?.property;
  if (desired && props[desired] !== undefined && ctx.schema.lifecycle) {
    // The desired state drifts only when the live one settled elsewhere.
    const live = observed.state;
    outs[desired] = live && live in (ctx.schema.desiredState?.values ?? {}) ? live : props[desired];
  }
  // What a program would have to say to reproduce what exists: the properties it sets, as they are now.
  const setKeys = new Set((outs[inputKeysField] as string[] | undefined) ?? []);
  const inputs: Inputs = Object.fromEntries(
    Object.entries(outs).filter(([k]) => setKeys.has(k) || k === "__urn" || k === "__autoNamed"),
  );
  const programValues = props[programValuesField];
  if (isRecord(programValues)) {
    outs[programValuesField] = programValues;
    for (const [name, value] of Object.entries(programValues)) {
      if (setKeys.has(name)) inputs[name] = liveAsWritten(ctx.schema.inputs.properties[name], value, outs[name]);
    }
  }
  // An engine input whose promise the live resource breaks reads as not in effect, so the next
  // preview shows the difference and the update keeps the promise.
  for (const [name, value] of Object.entries(ctx.hooks.engineInputsNotInEffect?.(ctx, outs, observed) ?? {})) {
    outs[name] = value;
    if (name in inputs) inputs[name] = value;
  }
  return { id, props: outs, inputs };
}

export async function updateResource(
  type: string,
  id: string,
  olds: Outputs,
  news: Inputs,
): Promise<{ outs: Outputs }> {
  const ctx = contextFor(type, news);
  const scope: Outputs = { ...olds, ...news, ...ctx.partsOf(id) };
  // An engine input the program no longer sets must not reach a call template from the old state.
  for (const [name, node] of Object.entries(ctx.schema.inputs.properties))
    if (node["x-engine"] && news[name] === undefined) delete scope[name];
  const timeoutMs = ctx.timeoutMs("update", news);
  let current = await ctx.settle(scope, timeoutMs);
  if (current.gone)
    throw new Error(
      `${ctx.subject} (${id}) no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again`,
    );
  const { changed } = diffProperties(
    ctx.schema,
    { ...olds, ...current.outputs, [inputKeysField]: olds[inputKeysField] },
    news,
  );
  const tags = ctx.schema.tags?.property;
  const desired = ctx.schema.desiredState?.property;
  const serviceChanges = changed.filter((name) => {
    const node = ctx.schema.inputs.properties[name];
    return !node["x-engine"] && name !== tags && name !== desired && node["x-updatable"];
  });
  const before = { ...olds, ...current.outputs };
  // Changes the current state does not accept (x-updatableIn): park the resource where they are
  // accepted, and afterwards return it to where it was unless the program asks for another state.
  const wasIn = current.state;
  const parkIn = stateAccepting(ctx, serviceChanges, current.state);
  if (parkIn !== undefined) current = (await ctx.reachDesiredState(scope, parkIn, timeoutMs)) ?? current;
  if (ctx.hooks.update) {
    current = await ctx.hooks.update(ctx, scope, olds, news, serviceChanges, current);
  } else if (serviceChanges.length > 0) {
    current = await applyUpdate(ctx, scope, news, serviceChanges, timeoutMs, before);
  }
  if (tags && changed.includes(tags))
    await updateTags(
      ctx,
      scope,
      (current.outputs[tags] ?? olds[tags]) as Record<string, string> | undefined,
      news[tags] as Record<string, string> | undefined,
    );
  const target = desired ? (news[desired] ?? (parkIn !== undefined ? wasIn : undefined)) : undefined;
  if (target !== undefined) current = (await ctx.reachDesiredState(scope, target, timeoutMs)) ?? current;
  // Init errors from an earlier run: wait until the resource reaches its target state this time.
  const create = ctx.schema.lifecycle?.create;
  if (create && current.state !== undefined && create.pending.includes(current.state))
    current = await ctx.wait(create, scope, timeoutMs);
  if (current.errors.length > 0) throw new Error(`${ctx.subject} (${id}) reports errors: ${current.errors.join("; ")}`);
  const final = await ctx.observe(scope);
  return { outs: ctx.outputsFrom(final.outputs, news, olds[tokenField] as string | undefined) };
}

/**
 * The desired-state value to move to before applying `changes`, when some of them are not accepted in
 * `state` (x-updatableIn); undefined when the current state takes them all.
 */
export function stateAccepting(ctx: ResourceContext, changes: string[], state: string | undefined): string | undefined {
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
  ctx: ResourceContext,
  scope: Outputs,
  before: Record<string, string> = {},
  after: Record<string, string> = {},
): Promise<void> {
  const spec = ctx.schema.tags;
  if (!spec) return;
  const arn = resolveTemplate(spec.arn, scope);
  const removed = Object.keys(before).filter((k) => !(k in after));
  const set = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  if (removed.length > 0) await ctx.send(spec.untag, { [spec.arnParam]: arn, [spec.keysParam]: removed });
  if (Object.keys(set).length > 0) await ctx.send(spec.tag, { [spec.arnParam]: arn, [spec.tagsParam]: set });
}

export async function deleteResource(type: string, id: string, props: Outputs): Promise<void> {
  const ctx = contextFor(type, props);
  const scope = { ...props, ...ctx.partsOf(id) };
  const timeoutMs = ctx.timeoutMs("delete", props);
  let current: Observation;
  try {
    current = await ctx.settle(scope, timeoutMs);
  } catch (error) {
    // Stuck in a busy state with errors (a fleet STARTING with FleetErrors) it never settles; a type
    // that knows how to delete it anyway gets it as it is.
    if (!(error instanceof WaitError) || !ctx.hooks.delete || error.observation.errors.length === 0) throw error;
    current = error.observation;
  }
  if (current.gone) return;
  await refuseWhileDependentsExist(ctx, scope, timeoutMs);
  if (ctx.hooks.delete) return ctx.hooks.delete(ctx, scope, props, current);
  await deleteAsBehaviourSays(ctx, scope, props, current, timeoutMs);
}

/** The schema's delete behaviour for the value the resource's input has (deleteBehaviours), else the delete call. */
async function deleteAsBehaviourSays(
  ctx: ResourceContext,
  scope: Outputs,
  props: Outputs,
  current: Observation,
  timeoutMs: number,
): Promise<void> {
  const behaviours = ctx.schema.deleteBehaviours;
  if (!behaviours) return deleteGenerically(ctx, scope, props, timeoutMs);
  const value =
    typeof props[behaviours.property] === "string" ? String(props[behaviours.property]) : behaviours.default;
  const behaviour = behaviours.values[value];
  if (!behaviour) throw new Error(`${ctx.subject}: ${behaviours.property} ${value} is not one the schema describes`);
  const state = current.state ?? "";
  const kept = behaviour.keepIn?.includes(state) ?? false;
  if (behaviour.call && !kept) {
    if (behaviour.from && !behaviour.from.includes(state)) {
      const what = `${behaviours.property} ${value}`;
      void report(
        ctx.urn,
        `the resource is ${current.state ?? "in an unknown state"}, so ${what} cannot apply: deleting it`,
        { severity: "warning" },
      );
      return deleteGenerically(ctx, scope, props, timeoutMs);
    }
    // Derived from the resource as it is now, so a retry repeats the token and a later destroy does not replay it.
    await ctx.send(
      behaviour.call,
      ctx.callRequest(behaviour.call, scope, `destroy:${String(current.outputs.updatedAt)}`),
    );
    await ctx.wait(
      { pending: behaviour.pending ?? [], target: behaviour.target ?? [], failed: behaviour.failed },
      scope,
      timeoutMs,
      true,
    );
  }
  if (behaviour.delete) await deleteGenerically(ctx, scope, props, timeoutMs);
}
