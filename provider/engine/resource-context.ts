// One resource as an operation on it sees it: its schema, hooks, URN and the name it goes by in
// messages, and the narrow context its hooks get: the engine's own functions with the resource
// already given, so their types are the modules' own and are not restated here.
import { call, listAll } from "./calls";
import type { Inputs } from "./check";
import type { Hooks } from "./hooks";
import { idOf, partsOf, timeoutMs } from "./identity";
import { callRequest, waitForPhase } from "./lifecycle";
import { list, observe } from "./observe";
import { report } from "./progress";
import { applyUpdate, deleteGenerically } from "./schema-steps";
import { loadType } from "./schema-loader";
import type { CallSpec, ResourceSchema } from "./schema-types";
import { requestFor } from "./wire";

/** `fn` with its first argument (the resource's schema, context or URN) already given. */
type Given<F> = F extends (first: never, ...rest: infer A) => infer R ? (...rest: A) => R : never;

function given<T, A extends unknown[], R>(fn: (first: T, ...rest: A) => R, first: T): (...rest: A) => R {
  return (...rest) => fn(first, ...rest);
}

/** The schema's call by name, as a hook sends it. */
function send(
  schema: ResourceSchema,
  spec: CallSpec,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return call(schema.service, spec.operation, input);
}

/**
 * What a hook may do: send a call, wait for a phase, read (the resource, or any type's listing),
 * report, and ask for the schema's own update and delete. Nothing else of the engine.
 */
export interface HookContext {
  readonly schema: ResourceSchema;
  readonly urn: string | undefined;
  /** "nimble:Studio main": the type and the resource's name from its URN. */
  readonly subject: string;
  readonly idOf: Given<typeof idOf>;
  readonly partsOf: Given<typeof partsOf>;
  readonly timeoutMs: Given<typeof timeoutMs>;
  readonly request: Given<typeof requestFor>;
  readonly callRequest: Given<typeof callRequest>;
  readonly send: Given<typeof send>;
  readonly wait: Given<typeof waitForPhase>;
  readonly observe: Given<typeof observe>;
  /** Every item the list operation of a type (this resource's own by default) returns, under the program's names. */
  readonly list: Given<typeof list>;
  /** Every item of a listing call the schema's types do not name (all pages, as the service spells them). */
  readonly listAll: Given<typeof listAll>;
  /** Shows a message on the resource's line (a warning, a status). */
  readonly report: Given<typeof report>;
  /** The schema's update call for the changed properties, then its update wait. */
  readonly updateAsSchemaSays: Given<typeof applyUpdate>;
  /** The schema's delete call, then its delete wait. */
  readonly deleteAsSchemaSays: Given<typeof deleteGenerically>;
}

/** The context the engine's steps work in: the hook context and the type's hooks. */
export interface ResourceContext extends HookContext {
  readonly hooks: Hooks;
}

/** The context of one resource of `type`; its URN (the `__urn` input) names it in messages. */
export function contextFor(type: string, props: Inputs): ResourceContext {
  const { schema, hooks } = loadType(type);
  // Set by the engine's check from the resource's URN, a string, or absent (a read by id).
  const urn = props.__urn as string | undefined;
  const subject = `${schema.type} ${urn?.split("::").pop() ?? ""}`.trim();
  // Completed below: the waits and reads it offers pass the context itself on (to the read hook).
  const ctx = { schema, urn, subject, hooks } as ResourceContext;
  const offered: Omit<ResourceContext, "schema" | "urn" | "subject" | "hooks"> = {
    idOf: given(idOf, schema),
    partsOf: given(partsOf, schema),
    timeoutMs: given(timeoutMs, schema),
    request: given(requestFor, schema),
    callRequest: given(callRequest, schema),
    send: given(send, schema),
    wait: given(waitForPhase, ctx),
    observe: given(observe, ctx),
    list: given(list, schema),
    listAll: given(listAll, schema),
    report: given(report, urn),
    updateAsSchemaSays: given(applyUpdate, ctx),
    deleteAsSchemaSays: given(deleteGenerically, ctx),
  };
  return Object.assign(ctx, offered);
}
