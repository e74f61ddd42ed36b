import { createHash } from "node:crypto";
import equal from "fast-deep-equal";
import stableJson from "fast-json-stable-stringify";
import { call } from "./calls";
import { runtimeConfig } from "./config";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { check, type CheckFailure, type Inputs } from "./check";
import { diffProperties, inputKeysField, isEmpty, liveAsWritten, programValuesField } from "./diff";
import { awsErrorName, isNotFound, ResourceInitError } from "./errors";
import { loadHooks, type Hooks } from "./hooks";
import type { CallSpec, PropertySchema, ResourceSchema } from "./schema-types";
import { loadSchema } from "./schema-loader";
import { defaultWaitHistory } from "./wait-history";
import { waitFor, WaitError, type Observation } from "./waiter";
import { fromWire, isRecord, lookup, resolveTemplate, toWire } from "./wire";

export type Outputs = Record<string, unknown>;

/** Durations differ between the local endpoint and each AWS region. */
function whereTo(): string {
  const config = runtimeConfig();
  return config.endpoint ? `endpoint ${config.endpoint.replace(/:\d+$/, "")}` : `aws ${config.region ?? "default"}`;
}

const tokenField = "__clientToken";

/** Everything one operation on one resource needs: its schema, hooks and identity. */
export class ResourceContext {
  readonly hooks: Hooks;
  constructor(
    readonly schema: ResourceSchema,
    readonly urn: string | undefined,
  ) {
    this.hooks = loadHooks(schema);
  }

  get subject(): string {
    return `${this.schema.type} ${this.urn?.split("::").pop() ?? ""}`.trim();
  }

  /** Input properties the service itself knows about (not the engine's own). */
  serviceInputs(): Array<[string, PropertySchema]> {
    return Object.entries(this.schema.inputs.properties).filter(([, node]) => !node["x-engine"]);
  }

  /** The schema of everything read back: the service's input properties and the outputs. */
  readShape(): PropertySchema {
    return { type: "object", properties: { ...Object.fromEntries(this.serviceInputs()), ...this.schema.outputs } };
  }

  idOf(props: Outputs): string {
    return this.schema.identity.parts.map((part) => String(props[part])).join("/");
  }

  partsOf(id: string): Outputs {
    const values = id.split("/");
    const parts = this.schema.identity.parts;
    if (values.length !== parts.length || values.some((v) => v === "")) {
      throw new Error(`${this.schema.type}: id "${id}" is not of the form ${parts.map((p) => `<${p}>`).join("/")}`);
    }
    return Object.fromEntries(parts.map((part, i) => [part, values[i]]));
  }

  timeoutMs(kind: "create" | "update" | "delete", inputs: Inputs): number {
    const minutes = (inputs.timeouts as Record<string, number> | undefined)?.[kind] ?? this.schema.timeouts[kind];
    return minutes * 60_000;
  }

  /** Deterministic, so a retried or interrupted `pulumi up` sends the same token and never creates twice. */
  clientToken(purpose: string, inputs: Inputs): string {
    const service = Object.fromEntries(this.serviceInputs().map(([name]) => [name, inputs[name]]));
    return createHash("sha256").update(`${this.schema.type}\n${purpose}\n${String(inputs.__urn ?? "")}\n${stableJson(service)}`).digest("hex").slice(0, 64);
  }

  /** Builds a request: the call's templated params plus the chosen input properties on the wire. */
  request(spec: CallSpec, scope: Outputs, inputs: Inputs, names: string[] = []): Record<string, unknown> {
    const selected: Inputs = {};
    const chosen =
      spec.inputs === "all"
        ? this.serviceInputs().map(([n]) => n)
        : spec.inputs === "updatable"
          ? this.serviceInputs().filter(([, node]) => node["x-updatable"]).map(([n]) => n)
          : spec.inputs === "changed"
            ? names
            : (spec.inputs ?? []);
    for (const name of chosen) {
      if (name === this.schema.tags?.property && !this.schema.tags.inCreate) continue;
      if (name === this.schema.desiredState?.property) continue;
      if (inputs[name] !== undefined) selected[name] = inputs[name];
    }
    const wire = toWire({ type: "object", properties: this.schema.inputs.properties }, selected, this.schema.wireCase) as Record<string, unknown>;
    const params = resolveTemplate(spec.params ?? {}, { ...inputs, ...scope }) as Record<string, unknown>;
    return Object.fromEntries(Object.entries({ ...wire, ...params }).filter(([, v]) => v !== undefined));
  }

  async send(spec: CallSpec, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return call(this.schema.service, spec.operation, input);
  }

  /** Reads the live resource; `gone` when the service no longer has it (or reports it deleted). */
  async observe(scope: Outputs): Promise<Observation> {
    const spec = this.schema.operations.read;
    let response: Record<string, unknown>;
    try {
      response = await this.send(spec, this.request(spec, scope, {}));
    } catch (error) {
      if (isNotFound(error, spec.notFound)) return { gone: true, errors: [], outputs: {} };
      throw error;
    }
    const raw = spec.response ? lookup(response, spec.response) : response;
    const found = this.hooks.read ? await this.hooks.read(this, scope, raw) : raw;
    if (!isRecord(found)) return { gone: true, errors: [], outputs: {} };
    const outputs = fromWire(this.readShape(), found, this.schema.wireCase) as Outputs;
    if (this.schema.tags?.list) {
      try {
        outputs[this.schema.tags.property] = await this.readTags(outputs);
      } catch (error) {
        // Deleted between the two calls, as a resource finishing its deletion is.
        if (isNotFound(error, this.schema.tags.list.notFound)) return { gone: true, errors: [], outputs: {} };
        throw error;
      }
    }
    const lifecycle = this.schema.lifecycle;
    const state = lifecycle ? (outputs[lifecycle.stateField] as string | undefined) : undefined;
    const deleted = lifecycle?.delete && state !== undefined && lifecycle.delete.target.includes(state) && !lifecycle.delete.pending.includes(state);
    return {
      gone: !!deleted,
      state,
      statusCode: lifecycle?.statusCodeField ? (lookup(outputs, lifecycle.statusCodeField) as string | undefined) : undefined,
      statusMessage: lifecycle?.statusMessageField ? (lookup(outputs, lifecycle.statusMessageField) as string | undefined) : undefined,
      errors: lifecycle?.errorsField ? errorTexts(lookup(found, wireName(lifecycle.errorsField, this.schema))) : [],
      outputs,
    };
  }

  async readTags(outputs: Outputs): Promise<Record<string, string>> {
    const tags = this.schema.tags;
    if (!tags?.list) return {};
    const response = await this.send(tags.list, { [tags.arnParam]: resolveTemplate(tags.arn, outputs), ...(resolveTemplate(tags.list.params ?? {}, outputs) as object) });
    return (lookup(response, tags.list.field) as Record<string, string> | undefined) ?? {};
  }

  async wait(phase: { pending: string[]; target: string[]; failed?: string[] }, scope: Outputs, timeoutMs: number, goneIsTarget = false, initial?: Observation): Promise<Observation> {
    return waitFor({
      initial,
      subject: `${this.subject} (${this.idOf(scope)})`,
      urn: this.urn,
      pending: phase.pending,
      target: phase.target,
      failed: phase.failed ?? [],
      goneIsTarget,
      timeoutMs,
      observe: () => this.observe(scope),
      history: { store: defaultWaitHistory(), key: `${whereTo()}|${this.schema.type}|${phase.pending.join(",")}>${goneIsTarget ? "gone" : phase.target.join(",")}` },
    });
  }

  /** Waits out states in which the service takes no call (STARTING, *_IN_PROGRESS, ...). */
  async settle(scope: Outputs, timeoutMs: number): Promise<Observation> {
    const current = await this.observe(scope);
    const busy = this.transitionalStates();
    if (current.gone || current.state === undefined || !busy.includes(current.state)) return current;
    const stable = this.stableStates().filter((s) => !busy.includes(s));
    return this.wait({ pending: busy, target: stable, failed: [] }, scope, timeoutMs, true);
  }

  transitionalStates(): string[] {
    const l = this.schema.lifecycle;
    const fromDesired = Object.values(this.schema.desiredState?.values ?? {}).flatMap((v) => v.pending);
    return [...new Set([...(l?.busy ?? []), ...(l?.create?.pending ?? []), ...(l?.update?.pending ?? []), ...(l?.delete?.pending ?? []), ...fromDesired])];
  }

  stableStates(): string[] {
    const l = this.schema.lifecycle;
    const fromDesired = Object.values(this.schema.desiredState?.values ?? {}).flatMap((v) => [...v.target, ...(v.failed ?? [])]);
    return [...new Set([...(l?.create?.target ?? []), ...(l?.create?.failed ?? []), ...(l?.update?.target ?? []), ...(l?.update?.failed ?? []), ...(l?.delete?.failed ?? []), ...fromDesired])];
  }

  /** The state kept by Pulumi: what was read, the inputs the service does not return, and bookkeeping. */
  outputsFrom(live: Outputs, inputs: Inputs, token?: string): Outputs {
    const out: Outputs = { ...live };
    for (const [name, node] of Object.entries(this.schema.inputs.properties)) {
      const keep = node["x-writeOnly"] || node["x-engine"] || name === this.schema.desiredState?.property;
      if (keep && inputs[name] !== undefined) out[name] = inputs[name];
    }
    const desired = this.schema.desiredState;
    if (desired && out[desired.property] === undefined && this.schema.lifecycle) {
      const state = live[this.schema.lifecycle.stateField];
      if (typeof state === "string" && state in desired.values) out[desired.property] = state;
    }
    out[inputKeysField] = Object.keys(inputs).filter((k) => !k.startsWith("__") && inputs[k] !== undefined).sort();
    const programValues = this.serviceInputs().filter(([name, node]) => node.type === "object" && !node["x-secret"] && inputs[name] !== undefined);
    if (programValues.length > 0) out[programValuesField] = Object.fromEntries(programValues.map(([name]) => [name, inputs[name]]));
    if (inputs.__urn !== undefined) out.__urn = inputs.__urn;
    // Kept so that a refresh reports the inputs the program's check produces, this marker included.
    if (inputs.__autoNamed !== undefined) out.__autoNamed = inputs.__autoNamed;
    // The shim adds the provider to successful results only; a half-created resource needs it too,
    // or nothing could ever delete or refresh it.
    if (inputs.__provider !== undefined) out.__provider = inputs.__provider;
    if (token ?? inputs[tokenField]) out[tokenField] = token ?? inputs[tokenField];
    for (const [name, node] of Object.entries(this.schema.outputs)) if (out[name] === undefined && node) out[name] = undefined;
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }

  /** Moves the resource to the desired state (RUNNING/STOPPED, READY/STOPPED) when it is elsewhere. */
  async reachDesiredState(scope: Outputs, desired: unknown, timeoutMs: number, extra: Outputs = {}): Promise<Observation | undefined> {
    const spec = this.schema.desiredState;
    if (!spec || typeof desired !== "string") return undefined;
    let current = await this.settle(scope, timeoutMs);
    if (current.state === desired) return current;
    const step = spec.values[desired];
    await this.send(step.call, this.callRequest(step.call, { ...scope, ...extra }, `${desired}:${stableJson(current.outputs)}`));
    current = await this.wait({ pending: step.pending, target: step.target, failed: step.failed }, scope, timeoutMs);
    return current;
  }

  /**
   * A templated call with its client token, when it takes one. The token is derived from what was
   * observed just before, so a retry of an unapplied call sends the same token, while the same
   * transition made again later (stop, start, stop) gets a new one.
   */
  callRequest(spec: CallSpec, scope: Outputs, observedBefore: string): Record<string, unknown> {
    const request = this.request(spec, scope, {});
    if (spec.clientToken) request[spec.clientToken] = this.clientToken(`${spec.operation}:${observedBefore}`, scope);
    return request;
  }
}

function wireName(field: string, schema: ResourceSchema): string {
  return schema.wireCase === "pascal" ? field.charAt(0).toUpperCase() + field.slice(1) : field;
}

function errorTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => {
    const r = isRecord(e) ? e : {};
    const code = r.ErrorCode ?? r.errorCode ?? r.code;
    const message = r.ErrorMessage ?? r.errorMessage ?? r.message;
    return [code, message].filter(Boolean).join(": ");
  });
}

export function contextFor(type: string, props: Inputs): ResourceContext {
  return new ResourceContext(loadSchema(type), typeof props.__urn === "string" ? props.__urn : undefined);
}

export function checkResource(type: string, olds: Inputs, news: Inputs): { inputs: Inputs; failures: CheckFailure[] } {
  const ctx = contextFor(type, news);
  const result = check(ctx.schema, olds, news);
  return ctx.hooks.check ? { inputs: result.inputs, failures: [...result.failures, ...ctx.hooks.check(ctx, result.inputs)] } : result;
}

/** checkResource, then the type's rules that ask the service (only when the inputs passed the others). */
export async function checkResourceWithService(type: string, olds: Inputs, news: Inputs): Promise<{ inputs: Inputs; failures: CheckFailure[] }> {
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
  const replaces = failed && outcome.replaces.length === 0 ? [ctx.schema.identity.parts[ctx.schema.identity.parts.length - 1]] : outcome.replaces;
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
    throw new ResourceInitError(error.message, id, ctx.outputsFrom(error.observation.outputs, inputs, token), [error.message]);
  }
  throw new ResourceInitError(String((error as Error)?.message ?? error), id, ctx.outputsFrom(ctx.partsOf(id), inputs, token), [String((error as Error)?.message ?? error)]);
}

export async function createResource(type: string, inputs: Inputs): Promise<{ id: string; outs: Outputs }> {
  const ctx = contextFor(type, inputs);
  if (typeof inputs.adoptId === "string") return adoptResource(ctx, inputs.adoptId, inputs);
  const spec = ctx.schema.operations.create;
  if (!spec) throw new Error(`${type} cannot be created through the API; set adoptId to take over an existing one`);
  const deadStates = [...(ctx.schema.lifecycle?.delete?.pending ?? []), ...(ctx.schema.lifecycle?.delete?.target ?? [])];
  for (let attempt = 1; ; attempt++) {
    const { token, scope } = await sendCreate(ctx, spec, inputs, attempt);
    const id = ctx.idOf(scope);
    try {
      const phase = ctx.schema.lifecycle?.create;
      const answered = phase ? scope[ctx.schema.lifecycle?.stateField ?? ""] : undefined;
      // A create answered with a pending state needs no immediate read to learn it again.
      const initial = typeof answered === "string" && phase?.pending.includes(answered) ? { gone: false, state: answered, errors: [], outputs: scope } : undefined;
      let observed = phase
        ? await ctx.wait(phase, scope, ctx.timeoutMs("create", inputs), false, initial).catch((error: unknown) => repairFailedCreate(ctx, scope, inputs, error))
        : await ctx.observe(scope);
      const desired = ctx.schema.desiredState ? inputs[ctx.schema.desiredState.property] : undefined;
      observed = (await ctx.reachDesiredState(scope, desired, ctx.timeoutMs("create", inputs))) ?? observed;
      if (ctx.hooks.afterCreate) observed = await ctx.hooks.afterCreate(ctx, scope, inputs, observed);
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
async function repairFailedCreate(ctx: ResourceContext, scope: Outputs, inputs: Inputs, error: unknown): Promise<Observation> {
  const repaired = error instanceof WaitError && ctx.hooks.repairFailedCreate ? await ctx.hooks.repairFailedCreate(ctx, scope, inputs, error.observation) : undefined;
  if (!repaired) throw error;
  return repaired;
}

async function sendCreate(ctx: ResourceContext, spec: CallSpec, inputs: Inputs, attempt: number): Promise<{ token?: string; scope: Outputs }> {
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
  const created = fromWire(ctx.readShape(), spec.response ? lookup(response, spec.response) : response, ctx.schema.wireCase) as Outputs;
  return { token, scope: { ...inputs, ...created } };
}

/**
 * A name derived from the URN and inputs that already exists is this resource, created by an `up`
 * that was interrupted before Pulumi recorded it (services without client tokens answer a repeated
 * create with AlreadyExists). A name the program chose is left alone: it may be someone else's.
 */
async function leftOverByInterruptedRun(ctx: ResourceContext, inputs: Inputs, error: unknown): Promise<Observation | undefined> {
  const name = awsErrorName(error);
  if (inputs.__autoNamed !== true || (name !== "ResourceAlreadyExistsException" && name !== "ConflictException")) return undefined;
  if (ctx.schema.identity.parts.some((part) => inputs[part] === undefined)) return undefined;
  const found = await ctx.observe(inputs);
  return found.gone ? undefined : found;
}

async function adoptResource(ctx: ResourceContext, adoptId: string, inputs: Inputs): Promise<{ id: string; outs: Outputs }> {
  const scope = { ...inputs, ...ctx.partsOf(adoptId) };
  const found = await ctx.observe(scope);
  if (found.gone) throw new Error(`adoptId: ${ctx.schema.type} "${adoptId}" does not exist, so there is nothing to take over`);
  const live = ctx.outputsFrom(found.outputs, { ...inputs, ...found.outputs });
  // Take over, then make it match the program as an update would.
  const outs = await updateResource(ctx.schema.type, adoptId, { ...live, [inputKeysField]: Object.keys(found.outputs) }, inputs);
  return { id: adoptId, outs: outs.outs };
}

export async function readResource(type: string, id: string, props: Outputs): Promise<{ id?: string; props?: Outputs; inputs?: Inputs }> {
  const ctx = contextFor(type, props);
  const observed = await ctx.observe({ ...props, ...ctx.partsOf(id) });
  if (observed.gone) return {};
  const kept: Inputs = {};
  for (const [name, node] of Object.entries(ctx.schema.inputs.properties)) {
    if (node["x-writeOnly"] || node["x-engine"]) kept[name] = props[name];
  }
  const outs = ctx.outputsFrom(observed.outputs, { ...kept, __urn: props.__urn, __autoNamed: props.__autoNamed, [tokenField]: props[tokenField] });
  // Without state (taking over by id), every input property the service reports counts as set.
  outs[inputKeysField] = props[inputKeysField] ?? ctx.serviceInputs().map(([name]) => name).filter((name) => outs[name] !== undefined);
  const desired = ctx.schema.desiredState?.property;
  if (desired && props[desired] !== undefined && ctx.schema.lifecycle) {
    // The desired state drifts only when the live one settled elsewhere.
    const live = observed.state;
    outs[desired] = live && live in (ctx.schema.desiredState?.values ?? {}) ? live : props[desired];
  }
  // What a program would have to say to reproduce what exists: the properties it sets, as they are now.
  const setKeys = new Set((outs[inputKeysField] as string[] | undefined) ?? []);
  const inputs: Inputs = Object.fromEntries(Object.entries(outs).filter(([k]) => setKeys.has(k) || k === "__urn" || k === "__autoNamed"));
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

export async function updateResource(type: string, id: string, olds: Outputs, news: Inputs): Promise<{ outs: Outputs }> {
  const ctx = contextFor(type, news);
  const scope: Outputs = { ...olds, ...news, ...ctx.partsOf(id) };
  // An engine input the program no longer sets must not reach a call template from the old state.
  for (const [name, node] of Object.entries(ctx.schema.inputs.properties)) if (node["x-engine"] && news[name] === undefined) delete scope[name];
  const timeoutMs = ctx.timeoutMs("update", news);
  let current = await ctx.settle(scope, timeoutMs);
  if (current.gone) throw new Error(`${ctx.subject} (${id}) no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again`);
  const { changed } = diffProperties(ctx.schema, { ...olds, ...current.outputs, [inputKeysField]: olds[inputKeysField] }, news);
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
  if (tags && changed.includes(tags)) await updateTags(ctx, scope, (current.outputs[tags] ?? olds[tags]) as Record<string, string> | undefined, news[tags] as Record<string, string> | undefined);
  const target = desired ? (news[desired] ?? (parkIn !== undefined ? wasIn : undefined)) : undefined;
  if (target !== undefined) current = (await ctx.reachDesiredState(scope, target, timeoutMs)) ?? current;
  // Init errors from an earlier run: wait until the resource reaches its target state this time.
  const create = ctx.schema.lifecycle?.create;
  if (create && current.state !== undefined && create.pending.includes(current.state)) current = await ctx.wait(create, scope, timeoutMs);
  if (current.errors.length > 0) throw new Error(`${ctx.subject} (${id}) reports errors: ${current.errors.join("; ")}`);
  const final = await ctx.observe(scope);
  return { outs: ctx.outputsFrom(final.outputs, news, olds[tokenField] as string | undefined) };
}

/**
 * The desired-state value to move to before applying `changes`, when some of them are not accepted in
 * `state` (x-updatableIn); undefined when the current state takes them all.
 */
export function stateAccepting(ctx: ResourceContext, changes: string[], state: string | undefined): string | undefined {
  const limits = changes.map((name) => ({ name, states: ctx.schema.inputs.properties[name]["x-updatableIn"] })).filter((l): l is { name: string; states: string[] } => !!l.states);
  if (state === undefined || limits.every((l) => l.states.includes(state))) return undefined;
  const reachable = Object.keys(ctx.schema.desiredState?.values ?? {});
  const common = reachable.find((s) => limits.every((l) => l.states.includes(s)));
  if (common === undefined) {
    throw new Error(`${ctx.subject}: ${limits.map((l) => l.name).join(", ")} cannot change together: no state the resource can be put in accepts all of them`);
  }
  return common;
}

/** The x-removeAttribute values of what `after` drops from `before`, nested properties included. */
function removedAttributes(node: PropertySchema, before: unknown, after: unknown): string[] {
  if (isEmpty(before)) return [];
  if (isEmpty(after)) return node["x-removeAttribute"] ? [node["x-removeAttribute"]] : [];
  if (!isRecord(before) || !isRecord(after) || !node.properties) return [];
  return Object.entries(node.properties).flatMap(([key, child]) => removedAttributes(child, before[key], after[key]));
}

/** The generic in-place update: one call with the changed (or all updatable) properties, then a wait. */
export async function applyUpdate(ctx: ResourceContext, scope: Outputs, news: Inputs, changed: string[], timeoutMs: number, before: Outputs = scope): Promise<Observation> {
  const spec = ctx.schema.operations.update;
  if (!spec) throw new Error(`${ctx.schema.type} has no update operation, yet ${changed.join(", ")} changed`);
  const request = ctx.request(spec, scope, news, changed);
  const properties = ctx.schema.inputs.properties;
  // A dropped property with no attribute to delete goes back to the service's default, which the
  // service only applies when it is sent.
  const restored = changed.filter((name) => news[name] === undefined && !properties[name]["x-removeAttribute"] && properties[name]["x-serviceDefault"] !== undefined);
  Object.assign(request, ctx.request({ operation: spec.operation, inputs: restored }, {}, Object.fromEntries(restored.map((name) => [name, properties[name]["x-serviceDefault"]]))));
  const removals = changed.flatMap((name) => (news[name] === undefined ? [properties[name]["x-removeAttribute"]] : removedAttributes(properties[name], before[name], news[name]))).filter((a): a is string => !!a);
  if (removals.length > 0) request[ctx.schema.wireCase === "pascal" ? "AttributesToDelete" : "attributesToDelete"] = removals;
  // What the resource was before the call goes into the token too: the same change made again after
  // it was undone (A, B, A, B) is a new request, which a replayed token would answer without applying.
  if (spec.clientToken) request[spec.clientToken] = ctx.clientToken(`update:${stableJson(request)}:${stableJson(before)}`, news);
  await ctx.send(spec, request);
  const phase = ctx.schema.lifecycle?.update;
  return phase ? ctx.wait(phase, scope, timeoutMs) : ctx.observe(scope);
}

async function updateTags(ctx: ResourceContext, scope: Outputs, before: Record<string, string> = {}, after: Record<string, string> = {}): Promise<void> {
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
  if (ctx.hooks.delete) return ctx.hooks.delete(ctx, scope, props, current);
  await deleteGenerically(ctx, scope, props, timeoutMs);
}

export async function deleteGenerically(ctx: ResourceContext, scope: Outputs, props: Outputs, timeoutMs: number): Promise<void> {
  const spec = ctx.schema.operations.delete;
  if (!spec) throw new Error(`${ctx.schema.type} has no delete operation`);
  const request = ctx.request(spec, scope, {});
  if (spec.clientToken) request[spec.clientToken] = ctx.clientToken(`delete:${ctx.idOf(scope)}`, props);
  try {
    await ctx.send(spec, request);
  } catch (error) {
    if (isNotFound(error, spec.notFound)) return;
    throw error;
  }
  const phase = ctx.schema.lifecycle?.delete ?? { pending: ctx.transitionalStates(), target: [] };
  await ctx.wait(phase, scope, timeoutMs, true);
}

export { equal };
