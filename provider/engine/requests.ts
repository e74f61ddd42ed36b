// A call of the schema as a request on the wire: its templated params plus the chosen input
// properties, and its client token.
import type { Inputs } from "./check";
import { pages } from "./calls";
import { clientToken } from "./identity";
import type { CallSpec, ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";
import { lookup, resolveTemplate, serviceInputs, toWire } from "./wire";

/** Builds a request: the call's templated params plus the chosen input properties on the wire. */
export function requestFor(
  schema: ResourceSchema,
  spec: CallSpec,
  scope: Outputs,
  inputs: Inputs,
  names: string[] = [],
): Record<string, unknown> {
  const selected: Inputs = {};
  const chosen =
    spec.inputs === "all"
      ? serviceInputs(schema).map(([n]) => n)
      : spec.inputs === "updatable"
        ? serviceInputs(schema)
            .filter(([, node]) => node["x-updatable"])
            .map(([n]) => n)
        : spec.inputs === "changed"
          ? names
          : (spec.inputs ?? []);
  for (const name of chosen) {
    if (name === schema.tags?.property && !schema.tags.inCreate) continue;
    if (name === schema.desiredState?.property) continue;
    if (inputs[name] !== undefined) selected[name] = inputs[name];
  }
  const wire = toWire({ type: "object", properties: schema.inputs.properties }, selected, schema.wireCase) as Record<
    string,
    unknown
  >;
  const params = resolveTemplate(spec.params ?? {}, { ...inputs, ...scope }) as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ ...wire, ...params }).filter(([, v]) => v !== undefined));
}

/**
 * A templated call with its client token, when it takes one. The token is derived from what was
 * observed just before, so a retry of an unapplied call sends the same token, while the same
 * transition made again later (stop, start, stop) gets a new one.
 */
export function callRequest(
  schema: ResourceSchema,
  spec: CallSpec,
  scope: Outputs,
  observedBefore: string,
): Record<string, unknown> {
  const request = requestFor(schema, spec, scope, {});
  if (spec.clientToken) request[spec.clientToken] = clientToken(schema, `${spec.operation}:${observedBefore}`, scope);
  return request;
}

/** A listing call: the items at `items` of each page, the continuation token at `nextToken`. */
export type ListSpec = CallSpec & { items: string; nextToken?: string };

/** Each page's items of a listing, as the service spells them (the engine's one paginator, calls.pages). */
export async function* listedPages(
  schema: ResourceSchema,
  spec: ListSpec,
  request: Record<string, unknown>,
): AsyncGenerator<unknown[]> {
  const tokens = spec.nextToken ? { input: spec.nextToken, output: spec.nextToken } : undefined;
  for await (const page of pages(schema.service, spec.operation, request, tokens)) {
    const items: unknown = lookup(page, spec.items);
    yield Array.isArray(items) ? (items as unknown[]) : [];
  }
}

/** Every item of a listing, all pages. */
export async function listAll(
  schema: ResourceSchema,
  spec: ListSpec,
  request: Record<string, unknown>,
): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const items of listedPages(schema, spec, request)) all.push(...items);
  return all;
}
