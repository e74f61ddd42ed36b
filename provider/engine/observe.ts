// Reading the live resource: the read call (batched when many arrive together, or found among the
// list operation's items), its tags, and what the schema's lifecycle makes of its state.
import stableJson from "fast-json-stable-stringify";
import { call, listAll, listedPages } from "./calls";
import { isNotFound } from "./errors";
import { readInBatch } from "./read-batches";
import type { ResourceContext } from "./resource-context";
import { loadSchema } from "./schema-loader";
import type { CallSpec, ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";
import type { Observation } from "./waiter";
import { isRecord, lookup, readBack, requestFor, resolveTemplate, wireKey } from "./wire";

/** Reads the live resource; `gone` when the service no longer has it (or reports it deleted). */
export async function observe(ctx: ResourceContext, scope: Outputs): Promise<Observation> {
  const schema = ctx.schema;
  // The ARN from the last read already names the resource's tags: ask for them alongside the
  // read rather than after it, which halves a refresh's round trips.
  const tagsAsked = tagsRequest(schema, scope);
  const earlyTags = tagsAsked && settled(readTags(schema, tagsAsked));
  const found = await readResourceItem(ctx, scope);
  if (!isRecord(found)) return gone();
  const outputs = readBack(schema, found);
  const tags = schema.tags;
  if (tags?.list) {
    const request = tagsRequest(schema, outputs);
    if (!request) throw new Error(`${ctx.subject}: the read returned no ${tags.arn} to list its tags by`);
    const sameRequest = earlyTags && stableJson(request) === stableJson(tagsAsked);
    const answer = await (sameRequest ? earlyTags : settled(readTags(schema, request)));
    if ("error" in answer) {
      // Deleted between the two calls, as a resource finishing its deletion is.
      if (isNotFound(answer.error, tags.list.notFound)) return gone();
      throw answer.error;
    }
    outputs[tags.property] = answer.value;
  }
  const lifecycle = schema.lifecycle;
  const state = lifecycle ? (outputs[lifecycle.stateField] as string | undefined) : undefined;
  const deleted =
    lifecycle?.delete && state && lifecycle.delete.target.includes(state) && !lifecycle.delete.pending.includes(state);
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
      ? errorTexts(lookup(found, wireKey(lifecycle.errorsField, undefined, schema.wireCase)))
      : [],
    outputs,
  };
}

/** What a read of a resource the service no longer has finds. */
function gone(): Observation {
  // Stryker disable next-line ArrayDeclaration: a gone resource's errors are read by no caller: a wait ends on it (deletion) or fails as "disappeared", and a read or an update stops at gone
  return { gone: true, errors: [], outputs: {} };
}

/** The resource as the read call returns it (after the type's read hook), or undefined when gone. */
async function readResourceItem(ctx: ResourceContext, scope: Outputs): Promise<unknown> {
  const schema = ctx.schema;
  const spec = schema.operations.read;
  let raw: unknown;
  if (spec.match) {
    raw = await findListed(schema, spec, scope);
  } else {
    const request = requestFor(schema, spec, scope, {});
    const batched = readInBatch(schema, request);
    if (batched) {
      raw = await batched;
    } else {
      try {
        const response = await call(schema.service, spec.operation, request);
        raw = spec.response ? lookup(response, spec.response) : response;
      } catch (error) {
        if (isNotFound(error, spec.notFound)) return undefined;
        throw error;
      }
    }
  }
  return ctx.hooks.read ? await ctx.hooks.read(ctx, scope, raw) : raw;
}

/**
 * A read by listing (`match`): the service has no call that describes one resource, so it is the item
 * of the read call's pages whose members equal `match`, completed by the request's own members
 * (which the items leave out: the stack and entitlement an application is listed under).
 */
async function findListed(schema: ResourceSchema, spec: CallSpec, scope: Outputs): Promise<unknown> {
  if (!spec.items) throw new Error(`${schema.type}: operations.read.match needs operations.read.items`);
  const request = requestFor(schema, spec, scope, {});
  const match = resolveTemplate(spec.match ?? {}, scope) as Record<string, unknown>;
  try {
    for await (const items of listedPages(schema, { ...spec, items: spec.items }, request)) {
      // Stryker disable next-line MethodExpression: the listed items are the service's structures (objects every one), and each schema's read match has one member, for which some and every agree
      const found = items.filter(isRecord).find((item) => Object.entries(match).every(([k, v]) => item[k] === v));
      if (found) return { ...request, ...found };
    }
  } catch (error) {
    if (isNotFound(error, spec.notFound)) return undefined;
    throw error;
  }
  return undefined;
}

/** Every item the list operation of `listed` returns for `scope`, all pages, as the service spells them. */
async function listOnWire(listed: ResourceSchema, scope: Outputs): Promise<unknown[]> {
  const spec = listed.operations.list;
  if (!spec) throw new Error(`${listed.type} has no list operation`);
  return listAll(listed, spec, resolveTemplate(spec.params ?? {}, scope) as Record<string, unknown>);
}

/**
 * Every item the list operation of `type` (the resource's own by default) returns for `scope`, all
 * pages, under the program's names.
 */
export async function list(schema: ResourceSchema, scope: Outputs, type: string = schema.type): Promise<unknown[]> {
  // The resource's own schema is loadSchema's cached one: no need to tell it apart.
  const listed = loadSchema(type);
  return (await listOnWire(listed, scope)).map((item) => readBack(listed, item));
}

/** The tag-listing request for a resource, when its ARN is known from `outputs`. */
function tagsRequest(schema: ResourceSchema, outputs: Outputs): Record<string, unknown> | undefined {
  const tags = schema.tags;
  if (!tags?.list) return undefined;
  const params = { [tags.arnParam]: tags.arn, ...tags.list.params };
  const request = requestFor(schema, { operation: tags.list.operation, params }, outputs, {});
  const arn = request[tags.arnParam];
  return typeof arn === "string" && arn !== "" ? request : undefined;
}

async function readTags(schema: ResourceSchema, request: Record<string, unknown>): Promise<Record<string, string>> {
  const spec = schema.tags?.list as CallSpec & { field: string };
  const response = await call(schema.service, spec.operation, request);
  return (lookup(response, spec.field) as Record<string, string> | undefined) ?? {};
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

/** A promise's outcome as a value, so a call started early cannot reject unobserved. */
function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
