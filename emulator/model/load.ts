// The official AWS service models (botocore data, committed under models/ by `npm run sync-models`)
// as the endpoint reads them: operations, shapes, errors, HTTP bindings and paginators. They ship
// in the package beside dist/, so they are found by walking up from this file, which works both
// from the sources (emulator/model) and from the compiled package (dist/emulator/model).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type ServiceName = "appstream" | "nimble" | "thinclient";
export const SERVICE_NAMES: readonly ServiceName[] = ["appstream", "nimble", "thinclient"];

export interface MemberRef {
  shape: string;
  location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  locationName?: string;
  idempotencyToken?: boolean;
}

export interface Shape {
  /** Values AWS treats as secret: the endpoint's call log shows them only as fingerprints. */
  sensitive?: boolean;
  type:
    | "structure"
    | "list"
    | "map"
    | "string"
    | "integer"
    | "long"
    | "boolean"
    | "timestamp"
    | "blob"
    | "double"
    | "float";
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  timestampFormat?: "iso8601" | "unixTimestamp" | "rfc822";
  union?: boolean;
  exception?: boolean;
  error?: { httpStatusCode?: number; code?: string; senderFault?: boolean };
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: Array<{ shape: string }>;
}

export interface Paginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key: string | string[];
}

export interface ServiceModel {
  name: ServiceName;
  metadata: { protocol: string; protocols?: string[]; targetPrefix?: string; serviceId: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  paginators: Record<string, Paginator>;
  waiters: Record<string, unknown>;
}

let modelsDir: string | undefined;

/** The models/ directory of this package. */
export function modelsDirectory(): string {
  if (modelsDir) return modelsDir;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, "models");
    if (existsSync(path.join(candidate, "appstream", "service-2.json"))) return (modelsDir = candidate);
  }
  throw new Error(`The AWS service models (models/) were not found above ${__dirname}; they ship with the package.`);
}

function readJson<T>(file: string, fallback?: T): T {
  if (!existsSync(file) && fallback !== undefined) return fallback;
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

const cache = new Map<ServiceName, ServiceModel>();

export function serviceModel(name: ServiceName): ServiceModel {
  const hit = cache.get(name);
  if (hit) return hit;
  const dir = path.join(modelsDirectory(), name);
  const service = readJson<Omit<ServiceModel, "name" | "paginators" | "waiters">>(path.join(dir, "service-2.json"));
  const model: ServiceModel = {
    name,
    metadata: service.metadata,
    operations: service.operations,
    shapes: service.shapes,
    paginators: readJson<{ pagination: Record<string, Paginator> }>(path.join(dir, "paginators-1.json"), {
      pagination: {},
    }).pagination,
    waiters: readJson<{ waiters: Record<string, unknown> }>(path.join(dir, "waiters-2.json"), { waiters: {} }).waiters,
  };
  cache.set(name, model);
  return model;
}

export function operationModel(model: ServiceModel, operation: string): OperationModel {
  const op = model.operations[operation];
  if (!op) throw new Error(`${model.name} has no operation ${operation} in its model.`);
  return op;
}

/** The status a successful call answers with: the operation's modeled responseCode, else 200. */
export function successStatus(model: ServiceModel, operation: string): number {
  return operationModel(model, operation).http.responseCode ?? 200;
}
