// Wire formats of the two AWS protocols the services use: awsJson1_1 (AppStream) and restJson1
// (Nimble Studio, Thin Client). Service modules never see any of this.
import type { ServerResponse } from "node:http";
import { ServiceError, type Operation, type ServiceModule } from "./types";

export interface RouteMatch {
  service: ServiceModule;
  operation: Operation;
  params: Record<string, string>;
}

interface CompiledRoute {
  service: ServiceModule;
  operation: Operation;
  method: string;
  segments: Array<{ literal: string } | { label: string; greedy: boolean }>;
  literals: number;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];
  private readonly targets = new Map<string, { service: ServiceModule; operation: Operation }>();

  constructor(services: ServiceModule[]) {
    for (const service of services) {
      for (const operation of service.operations) {
        if (service.protocol === "awsJson1_1") {
          this.targets.set(`${service.targetPrefix}.${operation.name}`, { service, operation });
        } else if (operation.http) {
          const segments = splitPath(operation.http.path.split("?")[0]).map((s) => {
            const m = /^\{([^}+]+)(\+?)\}$/.exec(s);
            return m ? { label: m[1], greedy: m[2] === "+" } : { literal: s };
          });
          const literals = segments.filter((s) => "literal" in s).length;
          this.routes.push({ service, operation, method: operation.http.method, segments, literals });
        }
      }
    }
    // Most literal segments first, so /devices/{id} never shadows a more specific sibling.
    this.routes.sort((a, b) => b.literals - a.literals || b.segments.length - a.segments.length);
  }

  byTarget(target: string): RouteMatch | undefined {
    const hit = this.targets.get(target);
    return hit ? { ...hit, params: {} } : undefined;
  }

  byPath(method: string, rawPath: string): RouteMatch | undefined {
    const parts = splitPath(rawPath);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { service: route.service, operation: route.operation, params };
    }
    return undefined;
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchSegments(segments: CompiledRoute["segments"], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if ("literal" in seg) {
      if (parts[i] === undefined || decode(parts[i]) !== seg.literal) return undefined;
      continue;
    }
    if (seg.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0) return undefined;
      params[seg.label] = rest.map(decode).join("/");
      return params;
    }
    if (parts[i] === undefined) return undefined;
    // Labels arrive percent-encoded (an ARN label carries %2F and %3A); the service wants them raw.
    params[seg.label] = decode(parts[i]);
  }
  return parts.length === segments.length ? params : undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

/** awsJson expects epoch seconds for timestamps; restJson1 members here use ISO-8601 strings. */
function serialize(body: unknown, protocol: ServiceModule["protocol"]): string {
  return JSON.stringify(body ?? {}, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return protocol === "awsJson1_1" ? raw.getTime() / 1000 : raw.toISOString();
    return value;
  });
}

export function writeResult(
  res: ServerResponse,
  protocol: ServiceModule["protocol"],
  status: number,
  body: unknown,
): void {
  const contentType = protocol === "awsJson1_1" ? "application/x-amz-json-1.1" : "application/json";
  if (status === 204) {
    res.writeHead(204, { "x-amzn-requestid": requestId() });
    res.end();
    return;
  }
  const text = serialize(body, protocol);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": requestId(),
  });
  res.end(text);
}

/**
 * awsJson1_1: the SDK reads the code from `__type`; AppStream's error shapes name their member
 * `Message`, so both spellings go out. restJson1: the code travels in `x-amzn-errortype`.
 */
export function writeError(res: ServerResponse, protocol: ServiceModule["protocol"], error: ServiceError): void {
  const headers: Record<string, string> = { "x-amzn-requestid": requestId(), ...error.headers };
  let body: Record<string, unknown>;
  if (protocol === "awsJson1_1") {
    headers["content-type"] = "application/x-amz-json-1.1";
    body = { __type: error.code, message: error.message, Message: error.message, ...error.fields };
  } else {
    headers["content-type"] = "application/json";
    headers["x-amzn-errortype"] = error.code;
    body = { message: error.message, ...error.fields };
  }
  const text = serialize(body, protocol);
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(error.status, headers);
  res.end(text);
}

let requestCounter = 0;
function requestId(): string {
  requestCounter += 1;
  return `00000000-0000-4000-8000-${String(requestCounter).padStart(12, "0")}`;
}

export function unknownOperation(what: string): ServiceError {
  return new ServiceError("UnknownOperationException", `No operation matches ${what}.`, 404);
}
