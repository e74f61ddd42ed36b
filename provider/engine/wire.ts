// The program's properties on the wire and back: a call of the schema as a request (its templated
// params, the chosen input properties under the service's member names, its client token), and an
// answer read back under the program's names.
import { createHash } from "node:crypto";
import stableJson from "fast-json-stable-stringify";
import type { Inputs } from "./check";
import type { CallSpec, PropertySchema, ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";

type Json = unknown;

/** A property's member name on the wire: its x-wireName, else its name in the service's case convention. */
export function wireKey(name: string, node: PropertySchema | undefined, wireCase: ResourceSchema["wireCase"]): string {
  if (node?.["x-wireName"]) return node["x-wireName"];
  return wireCase === "pascal" ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** Input properties the service itself knows about (not the engine's own). */
export function serviceInputs(schema: ResourceSchema): Array<[string, PropertySchema]> {
  return Object.entries(schema.inputs.properties).filter(([, node]) => !node["x-engine"]);
}

/** The schema of everything read back: the service's input properties and the outputs. */
export function readShapeOf(schema: ResourceSchema): PropertySchema {
  return { properties: { ...Object.fromEntries(serviceInputs(schema)), ...schema.outputs } };
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The schema of a free-form map's values (such as tags); none when additionalProperties is not a schema. */
function mapValuesOf(node: PropertySchema): PropertySchema | undefined {
  return typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
}

/**
 * Converts a program value to the service's member names, walking the schema: declared properties are
 * renamed, free-form maps (additionalProperties, such as tags) keep their keys.
 */
export function toWire(node: PropertySchema | undefined, value: Json, wireCase: ResourceSchema["wireCase"]): Json {
  if (Array.isArray(value)) return value.map((item) => toWire(node?.items, item, wireCase));
  if (!isRecord(value) || !node) return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const child = node.properties?.[key];
    // A member the schema does not declare is a map's key, kept as it is; under no schema node its
    // value is sent as it is.
    if (child) out[wireKey(key, child, wireCase)] = toWire(child, item, wireCase);
    else out[key] = toWire(mapValuesOf(node), item, wireCase);
  }
  return out;
}

/** The inverse of toWire: keeps only what the schema declares, under the program's names. */
export function fromWire(node: PropertySchema | undefined, value: Json, wireCase: ResourceSchema["wireCase"]): Json {
  // An answer's null is no value; undefined is given back as it is, below.
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => fromWire(node?.items, item, wireCase));
  if (value instanceof Date) return value.toISOString();
  if (!isRecord(value) || !node) return value;
  if (node.properties) {
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(node.properties)) {
      const converted = fromWire(child, value[wireKey(key, child, wireCase)], wireCase);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  const child = mapValuesOf(node);
  if (child) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(child, v, wireCase)]));
  return value;
}

const wholeTemplate = /^\{([A-Za-z0-9_.]+)\}$/;

/** Resolves "{name}" templates in call parameters against the resource's properties. */
export function resolveTemplate(template: Json, scope: Record<string, Json>): Json {
  if (typeof template === "string") {
    const whole = wholeTemplate.exec(template);
    if (whole) return lookup(scope, whole[1]);
    return template.replace(/\{([A-Za-z0-9_.]+)\}/g, (_, name: string) => templateText(lookup(scope, name)));
  }
  if (Array.isArray(template)) return template.map((t) => resolveTemplate(t, scope));
  if (isRecord(template))
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, resolveTemplate(v, scope)]));
  return template;
}

/**
 * A value as it reads inside a string template: a string's text, nothing for a missing value, else its
 * JSON (a number's or a boolean's JSON is its text).
 */
function templateText(value: Json): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Reads a dotted path ("Fleets.0.State") from a value. */
export function lookup(value: Json, dotted: string): Json {
  let current: Json = value;
  // Past a missing step (undefined, null, a scalar) every later one is undefined too.
  for (const part of dotted.split(".")) {
    current = Array.isArray(current) ? current[Number(part)] : isRecord(current) ? current[part] : undefined;
  }
  return current;
}

export { isRecord };

/** An answer (the read's item, the create's response) as outputs: what the schema reads back, under the program's names. */
export function readBack(schema: ResourceSchema, answer: Json): Outputs {
  return fromWire(readShapeOf(schema), answer, schema.wireCase) as Outputs;
}

/** What a call's client token is derived from: what it is for, and the inputs (the URN among them) it is for. */
export interface TokenSeed {
  purpose: string;
  inputs: Inputs;
}

/**
 * Builds a request: the call's templated params plus the chosen input properties on the wire, and
 * its client token (from `token`) when the call takes one.
 */
export function requestFor(
  schema: ResourceSchema,
  spec: CallSpec,
  scope: Outputs,
  inputs: Inputs,
  // Stryker disable next-line ArrayDeclaration: equivalent, the names only pick input properties, and no schema has one named as the mutant's
  names: string[] = [],
  token?: TokenSeed,
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
          : // Stryker disable next-line ArrayDeclaration: equivalent, the list only picks input properties, and no schema has one named as the mutant's
            (spec.inputs ?? []);
  for (const name of chosen) {
    if (name === schema.tags?.property && !schema.tags.inCreate) continue;
    if (name === schema.desiredState?.property) continue;
    // One the program leaves undefined is left out by toWire.
    selected[name] = inputs[name];
  }
  const wire = toWire({ type: "object", properties: schema.inputs.properties }, selected, schema.wireCase) as Record<
    string,
    unknown
  >;
  const params = resolveTemplate(spec.params ?? {}, { ...inputs, ...scope }) as Record<string, unknown>;
  const request = Object.fromEntries(Object.entries({ ...wire, ...params }).filter(([, v]) => v !== undefined));
  if (spec.clientToken && token) request[spec.clientToken] = clientToken(schema, token.purpose, token.inputs);
  return request;
}

/**
 * Deterministic, so a retried or interrupted `pulumi up` sends the same token and never creates twice.
 * Seeded by the URN (the `__urn` input), as the resource's auto-name is (check.ts).
 */
export function clientToken(schema: ResourceSchema, purpose: string, inputs: Inputs): string {
  const service = Object.fromEntries(serviceInputs(schema).map(([name]) => [name, inputs[name]]));
  // Stryker disable next-line MethodExpression: equivalent, dropping .slice(0, 64) changes nothing: a SHA-256 digest in hex is 64 characters
  return createHash("sha256")
    .update(
      `${schema.type}\n${purpose}\n${typeof inputs.__urn === "string" ? inputs.__urn : ""}\n${stableJson(service)}`,
    )
    .digest("hex")
    .slice(0, 64);
}
