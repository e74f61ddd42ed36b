// Request-level helpers shared by service modules: client-token idempotency and pagination.
// Both keep their memory in the World, so they survive a restart of a standalone emulator.
import { ServiceError, type OperationContext } from "./types";

/** JSON with sorted object keys, so two requests with the same members fingerprint the same. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Idempotent create/start/stop/delete: the first call with `token` runs `produce` and remembers its
 * result; a repeat with the same params returns that result without running `produce` again; a repeat
 * with different params fails with `conflict()` (default: ConflictException, HTTP 409, which is what
 * the restJson1 services here model for a reused token). No token: `produce` runs every time.
 * `params` should be the request without the token itself.
 */
export function withClientToken<T>(
  ctx: OperationContext,
  operation: string,
  token: string | undefined,
  params: unknown,
  produce: () => T,
  conflict: () => ServiceError = () =>
    new ServiceError("ConflictException", `The client token ${token} was already used with different parameters.`, 409),
): T {
  if (!token) return produce();
  const key = `${operation}:${token}`;
  const fingerprint = stableStringify(params);
  const seen = ctx.world.clientTokens[key];
  if (seen) {
    if (seen.fingerprint !== fingerprint) throw conflict();
    return clone(seen.result) as T;
  }
  const result = produce();
  ctx.world.clientTokens[key] = { fingerprint, result: clone(result) };
  return result;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PaginateOptions {
  /** Page size when the request gives none. */
  defaultPageSize?: number;
  /** Largest accepted page size; larger requests are clamped. */
  maxPageSize?: number;
  /** Error for an unknown or foreign token (default: ValidationException, HTTP 400). */
  invalidToken?: () => Error;
}

/**
 * Slices `items` into a page and issues an opaque token for the rest. `operation` scopes the token
 * (include the parent id when the list is nested, e.g. `ListLaunchProfiles:${studioId}`), so a
 * token from one list is rejected by another. Tokens the world never issued are rejected too.
 */
export function paginate<T>(
  ctx: OperationContext,
  operation: string,
  items: T[],
  nextToken: string | undefined,
  maxResults: number | undefined,
  options: PaginateOptions = {},
): Page<T> {
  const invalid =
    options.invalidToken ??
    (() => new ServiceError("ValidationException", "The pagination token is invalid or expired.", 400));
  let offset = 0;
  if (nextToken !== undefined && nextToken !== "") {
    const issued = ctx.world.pageTokens[nextToken];
    if (!issued || issued.operation !== operation) throw invalid();
    offset = issued.offset;
  }
  const requested = maxResults && maxResults > 0 ? maxResults : (options.defaultPageSize ?? 100);
  const size = Math.min(requested, options.maxPageSize ?? Number.MAX_SAFE_INTEGER);
  const page = items.slice(offset, offset + size);
  const end = offset + page.length;
  if (end >= items.length) return { items: page };
  const token = Buffer.from(ctx.nextId("page-")).toString("base64url");
  ctx.world.pageTokens[token] = { operation, offset: end };
  return { items: page, nextToken: token };
}
