import { createHash } from "node:crypto";
import stableJson from "fast-json-stable-stringify";
import { call, pages } from "./calls";
import { runtimeConfig } from "./config";
import type { Inputs } from "./check";
import { inputKeysField, programValuesField } from "./diff";
import { isNotFound } from "./errors";
import { loadHooks, type Hooks } from "./hooks";
import type { CallSpec, PropertySchema, ResourceSchema } from "./schema-types";
import { readInBatch } from "./read-batches";
import { report } from "./progress";
import { applyUpdate, deleteGenerically } from "./schema-steps";
import { loadSchema } from "./schema-loader";
import { defaultWaitHistory } from "./wait-history";
import { waitFor, type Observation } from "./waiter";
import { fromWire, isRecord, lookup, resolveTemplate, toWire, wireKey } from "./wire";

export type Outputs = Record<string, unknown>;

/** Durations differ between the local endpoint and each AWS region. */
function whereTo(): string {
  const config = runtimeConfig();
  return config.endpoint ? `endpoint ${config.endpoint.replace(/:\d+$/, "")}` : `aws ${config.region ?? "default"}`;
}

export const tokenField = "__clientToken";

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
    return readShapeOf(this.schema);
  }

  /**
   * Every item the list operation of `type` (this resource's own by default) returns for `scope`,
   * all pages, under the program's names.
   */
  async list(scope: Outputs, type: string = this.schema.type): Promise<unknown[]> {
    const schema = type === this.schema.type ? this.schema : loadSchema(type);
    return (await this.listOnWire(scope, type)).map((item) => fromWire(readShapeOf(schema), item, schema.wireCase));
  }

  /** The same items as `list`, as the service spells them (what a read hook returns). */
  async listOnWire(scope: Outputs, type: string = this.schema.type): Promise<unknown[]> {
    const schema = type === this.schema.type ? this.schema : loadSchema(type);
    const spec = schema.operations.list;
    if (!spec) throw new Error(`${type} has no list operation`);
    const request = resolveTemplate(spec.params ?? {}, scope) as Record<string, unknown>;
    const items: unknown[] = [];
    for await (const page of pages(schema.service, spec.operation, request, {
      input: spec.nextToken,
      output: spec.nextToken,
    })) {
      const found = lookup(page, spec.items);
      if (Array.isArray(found)) items.push(...(found as unknown[]));
    }
    return items;
  }

  idOf(props: Outputs): string {
    return this.schema.identity.parts.map((part) => String(props[part])).join("/");
  }

  partsOf(id: string): Outputs {
    const parts = this.schema.identity.parts;
    // The last part may be an ARN, which has "/" of its own: it takes the rest of the id.
    const split = id.split("/");
    const values = [...split.slice(0, parts.length - 1), split.slice(parts.length - 1).join("/")];
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
    return createHash("sha256")
      .update(
        `${this.schema.type}\n${purpose}\n${typeof inputs.__urn === "string" ? inputs.__urn : ""}\n${stableJson(service)}`,
      )
      .digest("hex")
      .slice(0, 64);
  }

  /** Builds a request: the call's templated params plus the chosen input properties on the wire. */
  request(spec: CallSpec, scope: Outputs, inputs: Inputs, names: string[] = []): Record<string, unknown> {
    const selected: Inputs = {};
    const chosen =
      spec.inputs === "all"
        ? this.serviceInputs().map(([n]) => n)
        : spec.inputs === "updatable"
          ? this.serviceInputs()
              .filter(([, node]) => node["x-updatable"])
              .map(([n]) => n)
          : spec.inputs === "changed"
            ? names
            : (spec.inputs ?? []);
    for (const name of chosen) {
      if (name === this.schema.tags?.property && !this.schema.tags.inCreate) continue;
      if (name === this.schema.desiredState?.property) continue;
      if (inputs[name] !== undefined) selected[name] = inputs[name];
    }
    const wire = toWire(
      { type: "object", properties: this.schema.inputs.properties },
      selected,
      this.schema.wireCase,
    ) as Record<string, unknown>;
    const params = resolveTemplate(spec.params ?? {}, { ...inputs, ...scope }) as Record<string, unknown>;
    return Object.fromEntries(Object.entries({ ...wire, ...params }).filter(([, v]) => v !== undefined));
  }

  async send(spec: CallSpec, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return call(this.schema.service, spec.operation, input);
  }

  /** Reads the live resource; `gone` when the service no longer has it (or reports it deleted). */
  async observe(scope: Outputs): Promise<Observation> {
    // The ARN from the last read already names the resource's tags: ask for them alongside the
    // read rather than after it, which halves a refresh's round trips.
    const tagsAsked = this.tagsRequest(scope);
    const earlyTags = tagsAsked && settled(this.readTags(tagsAsked));
    const found = await this.readResourceItem(scope);
    if (!isRecord(found)) return { gone: true, errors: [], outputs: {} };
    const outputs = fromWire(this.readShape(), found, this.schema.wireCase) as Outputs;
    const tags = this.schema.tags;
    if (tags?.list) {
      const request = this.tagsRequest(outputs);
      if (!request) throw new Error(`${this.subject}: the read returned no ${tags.arn} to list its tags by`);
      const sameRequest = earlyTags && stableJson(request) === stableJson(tagsAsked);
      const answer = await (sameRequest ? earlyTags : settled(this.readTags(request)));
      if ("error" in answer) {
        // Deleted between the two calls, as a resource finishing its deletion is.
        if (isNotFound(answer.error, tags.list.notFound)) return { gone: true, errors: [], outputs: {} };
        throw answer.error;
      }
      outputs[tags.property] = answer.value;
    }
    const lifecycle = this.schema.lifecycle;
    const state = lifecycle ? (outputs[lifecycle.stateField] as string | undefined) : undefined;
    const deleted =
      lifecycle?.delete &&
      state !== undefined &&
      lifecycle.delete.target.includes(state) &&
      !lifecycle.delete.pending.includes(state);
    return {
      gone: !!deleted,
      state,
      statusCode: lifecycle?.statusCodeField
        ? (lookup(outputs, lifecycle.statusCodeField) as string | undefined)
        : undefined,
      statusMessage: lifecycle?.statusMessageField
        ? (lookup(outputs, lifecycle.statusMessageField) as string | undefined)
        : undefined,
      errors: lifecycle?.errorsField
        ? errorTexts(lookup(found, wireKey(lifecycle.errorsField, undefined, this.schema.wireCase)))
        : [],
      outputs,
    };
  }

  /** The resource as the read call returns it (after the type's read hook), or undefined when gone. */
  private async readResourceItem(scope: Outputs): Promise<unknown> {
    const spec = this.schema.operations.read;
    const request = this.request(spec, scope, {});
    const batched = readInBatch(this.schema, request);
    let raw: unknown;
    if (batched) {
      raw = await batched;
    } else {
      try {
        const response = await this.send(spec, request);
        raw = spec.response ? lookup(response, spec.response) : response;
      } catch (error) {
        if (isNotFound(error, spec.notFound)) return undefined;
        throw error;
      }
    }
    return this.hooks.read ? await this.hooks.read(this, scope, raw) : raw;
  }

  /** The tag-listing request for a resource, when its ARN is known from `outputs`. */
  private tagsRequest(outputs: Outputs): Record<string, unknown> | undefined {
    const tags = this.schema.tags;
    if (!tags?.list) return undefined;
    const arn = resolveTemplate(tags.arn, outputs);
    if (typeof arn !== "string" || arn === "") return undefined;
    return { [tags.arnParam]: arn, ...(resolveTemplate(tags.list.params ?? {}, outputs) as object) };
  }

  private async readTags(request: Record<string, unknown>): Promise<Record<string, string>> {
    const list = this.schema.tags?.list as CallSpec & { field: string };
    const response = await this.send(list, request);
    return (lookup(response, list.field) as Record<string, string> | undefined) ?? {};
  }

  /**
   * Waits for the resource to reach `phase`'s target; `ignoreErrors` for a phase in which the
   * service's error list stays set and does not matter (a fleet stopping for its delete).
   */
  async wait(
    phase: { pending: string[]; target: string[]; failed?: string[]; ignoreErrors?: boolean },
    scope: Outputs,
    timeoutMs: number,
    goneIsTarget = false,
    initial?: Observation,
  ): Promise<Observation> {
    const observe = phase.ignoreErrors
      ? async () => ({ ...(await this.observe(scope)), errors: [] })
      : () => this.observe(scope);
    return waitFor({
      initial,
      subject: `${this.subject} (${this.idOf(scope)})`,
      urn: this.urn,
      pending: phase.pending,
      target: phase.target,
      failed: phase.failed ?? [],
      goneIsTarget,
      timeoutMs,
      observe,
      history: {
        store: defaultWaitHistory(),
        key: `${whereTo()}|${this.schema.type}|${phase.pending.join(",")}>${goneIsTarget ? "gone" : phase.target.join(",")}`,
      },
    });
  }

  /** Shows a message on the resource's line (a warning, a status). */
  report(message: string, options: { severity?: "info" | "warning"; ephemeral?: boolean } = {}): Promise<void> {
    return report(this.urn, message, options);
  }

  /** The schema's update call for `changed`, then its update wait. */
  updateAsSchemaSays(scope: Outputs, news: Inputs, changed: string[], timeoutMs: number): Promise<Observation> {
    return applyUpdate(this, scope, news, changed, timeoutMs);
  }

  /** The schema's delete call, then its delete wait. */
  deleteAsSchemaSays(scope: Outputs, props: Outputs, timeoutMs: number): Promise<void> {
    return deleteGenerically(this, scope, props, timeoutMs);
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

  stableStates(): string[] {
    const l = this.schema.lifecycle;
    const fromDesired = Object.values(this.schema.desiredState?.values ?? {}).flatMap((v) => [
      ...v.target,
      ...(v.failed ?? []),
    ]);
    return [
      ...new Set([
        ...(l?.create?.target ?? []),
        ...(l?.create?.failed ?? []),
        ...(l?.update?.target ?? []),
        ...(l?.update?.failed ?? []),
        ...(l?.delete?.failed ?? []),
        ...fromDesired,
      ]),
    ];
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
    out[inputKeysField] = Object.keys(inputs)
      .filter((k) => !k.startsWith("__") && inputs[k] !== undefined)
      .sort();
    const programValues = this.serviceInputs().filter(
      ([name, node]) => node.type === "object" && !node["x-secret"] && inputs[name] !== undefined,
    );
    if (programValues.length > 0)
      out[programValuesField] = Object.fromEntries(programValues.map(([name]) => [name, inputs[name]]));
    if (inputs.__urn !== undefined) out.__urn = inputs.__urn;
    // Kept so that a refresh reports the inputs the program's check produces, this marker included.
    if (inputs.__autoNamed !== undefined) out.__autoNamed = inputs.__autoNamed;
    // The shim adds the provider to successful results only; a half-created resource needs it too,
    // or nothing could ever delete or refresh it.
    if (inputs.__provider !== undefined) out.__provider = inputs.__provider;
    if (token ?? inputs[tokenField]) out[tokenField] = token ?? inputs[tokenField];
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }

  /** Moves the resource to the desired state (RUNNING/STOPPED, READY/STOPPED) when it is elsewhere. */
  async reachDesiredState(scope: Outputs, desired: unknown, timeoutMs: number): Promise<Observation | undefined> {
    const spec = this.schema.desiredState;
    if (!spec || typeof desired !== "string") return undefined;
    let current = await this.settle(scope, timeoutMs);
    if (current.state === desired) return current;
    const step = spec.values[desired];
    await this.send(step.call, this.callRequest(step.call, scope, `${desired}:${stableJson(current.outputs)}`));
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

/** The schema of everything read back: the service's input properties and the outputs. */
function readShapeOf(schema: ResourceSchema): PropertySchema {
  const serviceInputs = Object.entries(schema.inputs.properties).filter(([, node]) => !node["x-engine"]);
  return { type: "object", properties: { ...Object.fromEntries(serviceInputs), ...schema.outputs } };
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

/** A promise's outcome as a value, so a call started early cannot reject unobserved. */
function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
