// The contract between the emulator's core (HTTP server, protocols, world state, lifecycle clock,
// faults, control API) and its service modules (one per AWS service). Service modules never touch
// HTTP or serialization: they receive parsed input and return plain output or throw ServiceError.

/** One emulated resource: its service-visible fields plus the emulator's bookkeeping. */
export interface ResourceRecord {
  /** Kind, e.g. "nimble:Studio", "appstream:Fleet", "thinclient:Device". */
  kind: string;
  /** Primary identifier within its kind (studioId, fleet Name, device id, ...). */
  id: string;
  /** Parent id where the service nests resources (studioId for a launch profile). */
  parentId?: string;
  /** The service's view of the resource, exactly as its Describe/Get returns it. */
  attributes: Record<string, unknown>;
  /**
   * A pending transition: when the clock reaches `at`, `attributes[field]` becomes `to` (and
   * `patch`, if any, is merged). `to === "__DELETED__"` removes the record. Transitions are applied
   * lazily on every access, so no timers run and a persisted world resumes where it stopped.
   */
  transitions?: Array<{ at: number; field: string; to: string; patch?: Record<string, unknown> }>;
  /** Set by the control API: stay in the current transitional state until released. */
  stuck?: boolean;
}

export interface World {
  resources: Record<string, Record<string, ResourceRecord>>; // kind -> id -> record
  /** clientToken idempotency: `${operation}:${token}` -> the request's fingerprint and first result. */
  clientTokens: Record<string, { fingerprint: string; result: unknown }>;
  /** Issued pagination tokens: token -> fingerprint of the list request it continues. */
  pageTokens: Record<string, { operation: string; offset: number }>;
  /** Monotonic counter for ids. */
  sequence: number;
}

export interface Clock {
  now(): number;
}

export interface OperationContext {
  world: World;
  clock: Clock;
  /** Duration of one transitional state, ms (0 in unit tests, ~200 by default, seconds in the demo). */
  transitionMs: number;
  region: string;
  accountId: string;
  /** Creates the next unique id with a prefix, e.g. nextId("st-") -> "st-0000000001abcdef". */
  nextId(prefix: string): string;
  /** Reads a record after applying due transitions; undefined when absent. */
  get(kind: string, id: string): ResourceRecord | undefined;
  /** All records of a kind after applying due transitions, in creation order. */
  list(kind: string): ResourceRecord[];
  put(record: ResourceRecord): void;
  remove(kind: string, id: string): void;
  /** Schedules `field` to go through `states` in order, one transitionMs each. */
  transition(record: ResourceRecord, field: string, states: string[], finalPatch?: Record<string, unknown>): void;
  /** Consumed by create handlers: a control-API fault asking this create to end in a failed state. */
  takeCreateFailure(kind: string): { statusCode: string; statusMessage: string } | undefined;
}

export interface OperationRequest {
  /** restJson1: path labels ({studioId}); awsJson1_1: empty. */
  params: Record<string, string>;
  /** restJson1 query string; awsJson1_1: empty. */
  query: Record<string, string | string[]>;
  /** restJson1: headers (lower-case names), e.g. x-amz-client-token. */
  headers: Record<string, string>;
  /** Parsed JSON body ({} when empty). */
  body: Record<string, unknown>;
}

export interface OperationResult {
  /** HTTP status for restJson1 (default 200). */
  status?: number;
  body?: unknown;
}

export interface Operation {
  name: string; // e.g. "CreateStudio"
  /** Mutating calls are what the fault injection's "block the Nth mutating call" counts. */
  mutating: boolean;
  /** restJson1 only. Path with {labels}, e.g. "/2020-08-01/studios/{studioId}". */
  http?: { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string };
  handler(req: OperationRequest, ctx: OperationContext): OperationResult | Promise<OperationResult>;
}

export interface ServiceModule {
  /** "nimble" | "appstream" | "thinclient": the prefix of kinds and counters. */
  service: string;
  protocol: "restJson1" | "awsJson1_1";
  /** awsJson1_1: X-Amz-Target prefix, e.g. "PhotonAdminProxyService". */
  targetPrefix?: string;
  operations: Operation[];
  /** Pre-seeded resources a fresh world starts with (streaming images, devices, software sets, ...). */
  seed?(ctx: OperationContext): void;
  /**
   * Service-specific out-of-band events for the control API: `POST /_emulator/<name>` with a JSON
   * body calls `controls[name]` (e.g. AppStream's "fleet-errors"; a device registering itself).
   * A thrown ServiceError becomes an HTTP error; the return value is the JSON response.
   */
  controls?: Record<string, (body: Record<string, unknown>, ctx: OperationContext) => unknown>;
}

/**
 * A modeled error. `code` is the shape name the SDK deserializes into its exception class
 * (ValidationException, ResourceNotFoundException, ConflictException, ...); `status` the HTTP status.
 * `fields` are extra members of the error shape (e.g. Nimble's `context`, Thin Client's `fieldList`).
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: Record<string, unknown> = {},
    /** Members the error shape binds to HTTP headers (Thin Client's throttling answer: Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
