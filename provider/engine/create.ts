// A create, top to bottom: take over an existing resource (adoptId) or send the create call with its
// client token, wait for the create phase, let the type's hook add what the call cannot carry, move
// to the desired state, and keep a half-created resource in state when any of it fails.
import { call } from "./calls";
import type { Inputs } from "./check";
import { inputKeysField } from "./diff";
import { awsErrorName } from "./errors";
import { idOf, partsOf, timeoutMs } from "./identity";
import { reachDesiredState, waitForPhase } from "./lifecycle";
import { observe } from "./observe";
import { contextFor, type ResourceContext } from "./resource-context";
import type { CallSpec } from "./schema-types";
import { outputsFrom, type Outputs } from "./state";
import { updateResource } from "./update";
import { WaitError, type Observation } from "./waiter";
import { clientToken, lookup, readBack, requestFor } from "./wire";

/**
 * The resource exists but did not reach its target state. The dynamic-provider shim turns an error
 * carrying `id` into ErrorResourceInitFailed, so Pulumi keeps the resource in state (and the next
 * `up` tries again) instead of forgetting something that is costing money.
 */
export class ResourceInitError extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}

export async function createResource(type: string, inputs: Inputs): Promise<{ id: string; outs: Outputs }> {
  const ctx = contextFor(type, inputs);
  if (typeof inputs.adoptId === "string") return adoptResource(ctx, inputs.adoptId, inputs);
  const schema = ctx.schema;
  const spec = schema.operations.create;
  if (!spec) throw new Error(`${type} cannot be created through the API; set adoptId to take over an existing one`);
  const deadStates: ReadonlyArray<string | undefined> = [
    // Stryker disable next-line ArrayDeclaration: a list of states matters only by the states in it, and no service reports a state named as the mutant's
    ...(schema.lifecycle?.delete?.pending ?? []),
    // Stryker disable next-line ArrayDeclaration: as above
    ...(schema.lifecycle?.delete?.target ?? []),
  ];
  const timeout = timeoutMs(schema, "create", inputs);
  for (let attempt = 1; ; attempt++) {
    const { token, scope } = await sendCreate(ctx, spec, inputs, attempt);
    const id = idOf(schema, scope);
    try {
      const phase = schema.lifecycle?.create;
      const answered = schema.lifecycle && scope[schema.lifecycle.stateField];
      // A create answered with a pending state needs no immediate read to learn it again.
      const initial =
        // Stryker disable next-line ConditionalExpression,LogicalOperator: every service answers a create with its state (a type with a create phase: image builder, studio, launch profile, session), and that state is a pending one of the phase (CREATE_IN_PROGRESS, PENDING), so the condition holds whenever the initial observation is used
        typeof answered === "string" && phase?.pending.includes(answered)
          ? { gone: false, state: answered, errors: [], outputs: scope }
          : undefined;
      let observed = phase
        ? await waitForPhase(ctx, phase, scope, timeout, false, initial).catch((error: unknown) =>
            repairFailedCreate(ctx, scope, inputs, error),
          )
        : await observe(ctx, scope);
      // The hook first: what it adds may be what the desired state needs (an app block builder
      // starts only once an app block is associated with it).
      if (ctx.hooks.afterCreate) observed = await ctx.hooks.afterCreate(ctx, scope, inputs, observed);
      const desired = schema.desiredState ? inputs[schema.desiredState.property] : undefined;
      observed = (await reachDesiredState(ctx, scope, desired, timeout)) ?? observed;
      return { id, outs: outputsFrom(schema, observed.outputs, inputs, token) };
    } catch (error) {
      // The token is derived from the URN and inputs, so that a retried or interrupted `up` gets the
      // resource it already asked for. A token whose resource has since been deleted (a replacement,
      // a destroy followed by an up) is answered with the first, now dead, resource as it was then:
      // the wait finds it gone, and the next token of the series asks for a new one.
      const o = error instanceof WaitError ? error.observation : undefined;
      const dead = o !== undefined && (o.gone || deadStates.includes(o.state));
      if (token && dead && attempt < 5) continue;
      initError(ctx, id, error, inputs, token);
    }
  }
}

async function sendCreate(
  ctx: ResourceContext,
  spec: CallSpec,
  inputs: Inputs,
  attempt: number,
): Promise<{ token?: string; scope: Outputs }> {
  const schema = ctx.schema;
  const request = requestFor(schema, spec, {}, inputs);
  let token: string | undefined;
  if (spec.clientToken) {
    token = clientToken(schema, attempt === 1 ? "create" : `create#${attempt}`, inputs);
    request[spec.clientToken] = token;
  }
  let response: Record<string, unknown>;
  try {
    response = await call(
      schema.service,
      spec.operation,
      ctx.hooks.beforeCreate ? ctx.hooks.beforeCreate(ctx, request, inputs) : request,
    );
  } catch (error) {
    const leftOver = await leftOverByInterruptedRun(ctx, inputs, error);
    if (!leftOver) throw error;
    return { token, scope: { ...inputs, ...leftOver.outputs } };
  }
  ctx.hooks.checkCreateResponse?.(ctx, response);
  const created = readBack(schema, spec.response ? lookup(response, spec.response) : response);
  return { token, scope: { ...inputs, ...created } };
}

/**
 * How AppStream answers a create whose name is taken. Nimble and Thin Client answer ConflictException,
 * but their resources are known by ids the service assigns, so a taken name cannot be matched to this
 * resource there (their creates carry client tokens, which make a repeated create safe instead).
 */
const nameTakenError = "ResourceAlreadyExistsException";

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
  if (inputs.__autoNamed !== true || name !== nameTakenError) return undefined;
  // An AppStream resource is known by its name (and its parent's), all of them inputs: read it by them.
  const found = await observe(ctx, inputs);
  return found.gone ? undefined : found;
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

/** The half-created resource goes into state with the error, so a later update or destroy finds it. */
function initError(ctx: ResourceContext, id: string, error: unknown, inputs: Inputs, token?: string): never {
  const schema = ctx.schema;
  if (error instanceof WaitError) {
    // The engine prints only the reasons, so the one reason is the whole story.
    throw new ResourceInitError(error.message, id, outputsFrom(schema, error.observation.outputs, inputs, token), [
      error.message,
    ]);
  }
  // Stryker disable next-line OptionalChaining: the engine, the SDKs and the hooks throw Errors (or strings), never null or undefined
  const message = String((error as Error)?.message ?? error);
  throw new ResourceInitError(message, id, outputsFrom(schema, partsOf(schema, id), inputs, token), [message]);
}

async function adoptResource(
  ctx: ResourceContext,
  adoptId: string,
  inputs: Inputs,
): Promise<{ id: string; outs: Outputs }> {
  const schema = ctx.schema;
  const scope = { ...inputs, ...partsOf(schema, adoptId) };
  const found = await observe(ctx, scope);
  if (found.gone)
    throw new Error(`adoptId: ${schema.type} "${adoptId}" does not exist, so there is nothing to take over`);
  const live = outputsFrom(schema, found.outputs, { ...inputs, ...found.outputs });
  // Take over, then make it match the program as an update would.
  const outs = await updateResource(
    schema.type,
    adoptId,
    { ...live, [inputKeysField]: Object.keys(found.outputs) },
    inputs,
  );
  return { id: adoptId, outs: outs.outs };
}
