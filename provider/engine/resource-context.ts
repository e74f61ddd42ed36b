// One resource's context as hooks and the schema's own steps see it: the schema, hooks and URN, with
// the engine's concerns (identity, requests, reads, waits, state) as methods. The engine's CRUD steps
// (create.ts, read.ts, update.ts, delete.ts) call those modules directly.
import type { Inputs } from "./check";
import { loadHooks, type Hooks } from "./hooks";
import { clientToken, idOf, partsOf, subjectOf, timeoutMs } from "./identity";
import { reachDesiredState, settle, stableStates, transitionalStates, waitForPhase, type WaitPhase } from "./lifecycle";
import { list, listOnWire, observe } from "./observe";
import { report } from "./progress";
import { call } from "./calls";
import { callRequest, listAll, requestFor, type ListSpec } from "./requests";
import { applyUpdate, deleteGenerically } from "./schema-steps";
import { loadSchema } from "./schema-loader";
import type { CallSpec, PropertySchema, ResourceSchema } from "./schema-types";
import { outputsFrom, tokenField, type Outputs } from "./state";
import { readShapeOf, serviceInputs } from "./wire";
import type { Observation } from "./waiter";

export { tokenField, type Outputs };

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
    return subjectOf(this.schema, this.urn);
  }

  serviceInputs(): Array<[string, PropertySchema]> {
    return serviceInputs(this.schema);
  }

  readShape(): PropertySchema {
    return readShapeOf(this.schema);
  }

  /** Every item the list operation of `type` (this resource's own by default) returns, under the program's names. */
  list(scope: Outputs, type: string = this.schema.type): Promise<unknown[]> {
    return list(this.schema, scope, type);
  }

  /** The same items as `list`, as the service spells them. */
  listOnWire(scope: Outputs, type: string = this.schema.type): Promise<unknown[]> {
    return listOnWire(this.schema, scope, type);
  }

  /** Every item of a listing call the schema's types do not name (all pages, as the service spells them). */
  listAll(spec: ListSpec, request: Record<string, unknown>): Promise<unknown[]> {
    return listAll(this.schema, spec, request);
  }

  idOf(props: Outputs): string {
    return idOf(this.schema, props);
  }

  partsOf(id: string): Outputs {
    return partsOf(this.schema, id);
  }

  timeoutMs(kind: "create" | "update" | "delete", inputs: Inputs): number {
    return timeoutMs(this.schema, kind, inputs);
  }

  clientToken(purpose: string, inputs: Inputs): string {
    return clientToken(this.schema, purpose, inputs);
  }

  request(spec: CallSpec, scope: Outputs, inputs: Inputs, names: string[] = []): Record<string, unknown> {
    return requestFor(this.schema, spec, scope, inputs, names);
  }

  callRequest(spec: CallSpec, scope: Outputs, observedBefore: string): Record<string, unknown> {
    return callRequest(this.schema, spec, scope, observedBefore);
  }

  send(spec: CallSpec, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return call(this.schema.service, spec.operation, input);
  }

  observe(scope: Outputs): Promise<Observation> {
    return observe(this, scope);
  }

  wait(
    phase: WaitPhase,
    scope: Outputs,
    timeoutMs: number,
    goneIsTarget = false,
    initial?: Observation,
  ): Promise<Observation> {
    return waitForPhase(this, phase, scope, timeoutMs, goneIsTarget, initial);
  }

  settle(scope: Outputs, timeoutMs: number): Promise<Observation> {
    return settle(this, scope, timeoutMs);
  }

  reachDesiredState(scope: Outputs, desired: unknown, timeoutMs: number): Promise<Observation | undefined> {
    return reachDesiredState(this, scope, desired, timeoutMs);
  }

  transitionalStates(): string[] {
    return transitionalStates(this.schema);
  }

  stableStates(): string[] {
    return stableStates(this.schema);
  }

  outputsFrom(live: Outputs, inputs: Inputs, token?: string): Outputs {
    return outputsFrom(this.schema, live, inputs, token);
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
}

/** The context of one resource of `type`; its URN (the `__urn` input) names it in messages. */
export function contextFor(type: string, props: Inputs): ResourceContext {
  return new ResourceContext(loadSchema(type), typeof props.__urn === "string" ? props.__urn : undefined);
}
