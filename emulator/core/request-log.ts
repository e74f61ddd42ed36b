// The request parameters of a call, as the call log keeps them: named as the service's API names
// them (its model's member names, whichever of path, query string, header or body carried them),
// with every value the model marks `sensitive` (passwords, activation codes, names and tags where
// the service treats them so) replaced by a keyed fingerprint. Tests compare a fingerprint with
// `redacted(value)` to assert exactly what was sent, while no secret is ever written to a log.
import { createHmac, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { stableStringify } from "./helpers";
import type { OperationRequest, ServiceModule } from "./types";

interface ShapeRef {
  shape: string;
  location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  locationName?: string;
}

interface Shape {
  type: string;
  sensitive?: boolean;
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  value?: ShapeRef;
}

interface ServiceModel {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, Shape>;
}

// Per process: a fingerprint printed in a test report cannot be matched against guesses later.
const fingerprintKey = randomBytes(32);

/** What the call log shows in place of a sensitive value that was sent. */
export function redacted(value: unknown): string {
  return `<sensitive ${createHmac("sha256", fingerprintKey).update(stableStringify(value)).digest("hex").slice(0, 16)}>`;
}

const models = new Map<string, ServiceModel | undefined>();

/** models/<service>/service-2.json, from the package root above this file (source or compiled). */
function modelOf(service: string): ServiceModel | undefined {
  if (models.has(service)) return models.get(service);
  let model: ServiceModel | undefined;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "models", service, "service-2.json");
    if (fs.existsSync(file)) {
      model = JSON.parse(fs.readFileSync(file, "utf8")) as ServiceModel;
      break;
    }
  }
  models.set(service, model);
  return model;
}

/**
 * The call's parameters by member name, sensitive values fingerprinted. Undefined when the service's
 * model is not at hand: without it nothing tells which values are secret, so none are logged.
 */
export function requestParameters(service: ServiceModule, operationName: string, request: OperationRequest): Record<string, unknown> | undefined {
  const model = modelOf(service.service);
  if (!model) return undefined;
  const inputShape = model.operations[operationName]?.input?.shape;
  const shape = inputShape ? model.shapes[inputShape] : undefined;
  if (!shape?.members) return {};
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members)) {
    const value = memberValue(model, service.protocol, name, ref, request);
    if (value !== undefined) out[name] = redact(model, ref.shape, value);
  }
  return out;
}

function memberValue(model: ServiceModel, protocol: ServiceModule["protocol"], name: string, ref: ShapeRef, request: OperationRequest): unknown {
  const wireName = ref.locationName ?? name;
  if (protocol === "awsJson1_1") return request.body[name];
  switch (ref.location) {
    case "uri":
      return request.params[wireName];
    case "header":
      return request.headers[wireName.toLowerCase()];
    case "querystring": {
      const raw = request.query[wireName];
      return raw === undefined ? undefined : fromQuery(model.shapes[ref.shape], raw);
    }
    default:
      return request.body[wireName];
  }
}

function fromQuery(shape: Shape | undefined, raw: string | string[]): unknown {
  if (shape?.type === "list") return Array.isArray(raw) ? raw : [raw];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (shape?.type === "integer" || shape?.type === "long") return Number(text);
  if (shape?.type === "boolean") return text === "true";
  return text;
}

function redact(model: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName];
  if (!shape || value === null || value === undefined) return value;
  if (shape.sensitive) return redacted(value);
  if (shape.type === "structure" && shape.members && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape.members?.[k] ? redact(model, shape.members[k].shape, v) : v]));
  }
  if (shape.type === "list" && shape.member && Array.isArray(value)) return value.map((v) => redact(model, shape.member!.shape, v));
  if (shape.type === "map" && shape.value && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(model, shape.value!.shape, v)]));
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
