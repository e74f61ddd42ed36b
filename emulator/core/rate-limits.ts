// API request rate limits of the local endpoint, as AWS applies them: a token bucket per account,
// Region and operation (the endpoint is one account in one Region, so one bucket per operation).
// A call takes a token; a bucket holds at most `burst` tokens and gains `rate` a second; a call
// that finds it empty is refused with the service's throttling error and takes none. Off unless
// enabled (options, control API, CLI flag), so tests that do not ask for limits never meet them.
// docs/rate-limits.md gives the defaults and where they come from.
import { errorStatus, SERVICE_NAMES, serviceModel, type ServiceName } from "../model";
import { ServiceError } from "./types";

export interface RateLimit {
  /** Calls a second the bucket gains, sustained. */
  rate: number;
  /** Calls the bucket holds: how many may arrive at once after a quiet spell. */
  burst: number;
}

export interface RateLimitSettings {
  enabled: boolean;
  /** Operations that change nothing (Describe*, List*, Get*). */
  reads: RateLimit;
  /** Operations that create, change or delete something (the endpoint's `mutating` operations). */
  mutating: RateLimit;
  /** "service:Operation" (e.g. "appstream:DescribeStacks") -> its own limit, over its class's. */
  operations: Record<string, RateLimit>;
}

/**
 * AWS publishes no per-operation request rates for AppStream 2.0 (WorkSpaces Applications),
 * WorkSpaces Thin Client or Nimble Studio: their quota pages list resource counts only. These are
 * conservative choices below the rates AWS publishes for comparable APIs (EC2's request token
 * buckets, which AppStream's Describe calls pass through; Amazon GameLift Streams' per-operation
 * rates); docs/rate-limits.md gives the sources.
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  enabled: false,
  reads: { rate: 5, burst: 10 },
  mutating: { rate: 2, burst: 5 },
  operations: {},
};

export type RateLimitOptions = Partial<RateLimitSettings>;

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, ms. */
  at: number;
}

/** The message AWS's front door answers an over-limit call with. */
const THROTTLE_MESSAGE = "Rate exceeded";

export class RateLimits {
  settings: RateLimitSettings;
  private readonly initial: RateLimitSettings;
  private buckets = new Map<string, Bucket>();

  /** `now` in ms: wall-clock time, not the endpoint's clock, since rates are per real second. */
  constructor(
    options: RateLimitOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.initial = merge(DEFAULT_RATE_LIMITS, options);
    this.settings = this.initial;
  }

  /** Merges `options` into the settings in force; every bucket starts full again. */
  configure(options: RateLimitOptions): RateLimitSettings {
    this.settings = merge(this.settings, options);
    this.buckets.clear();
    return this.settings;
  }

  /** Back to the settings the endpoint started with, buckets full. */
  reset(): RateLimitSettings {
    this.settings = this.initial;
    this.buckets.clear();
    return this.settings;
  }

  limitOf(service: string, operation: string, mutating: boolean): RateLimit {
    return (
      this.settings.operations[`${service}:${operation}`] ?? (mutating ? this.settings.mutating : this.settings.reads)
    );
  }

  /** Takes a token for one call: undefined when the call may go on, else the throttling error it gets. */
  take(service: string, operation: string, mutating: boolean): ServiceError | undefined {
    if (!this.settings.enabled) return undefined;
    const limit = this.limitOf(service, operation, mutating);
    const key = `${service}:${operation}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return throttlingError(service, Math.max(1, Math.ceil((1 - bucket.tokens) / limit.rate)));
  }
}

/**
 * The over-limit answer each service gives, from its model: the ThrottlingException shape where the
 * service models one (Nimble Studio and Thin Client: HTTP 429, Thin Client with the seconds to wait
 * in its Retry-After header), else the common ThrottlingException of AWS's JSON APIs (AppStream:
 * HTTP 400). The AWS SDKs retry both as throttling (by the 429, and by the code).
 */
export function throttlingError(service: string, retryAfterSeconds: number): ServiceError {
  const code = "ThrottlingException";
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) return new ServiceError(code, THROTTLE_MESSAGE, 400);
  const model = serviceModel(service as ServiceName);
  const headers: Record<string, string> = {};
  for (const member of Object.values(model.shapes[code]?.members ?? {})) {
    if (member.location === "header" && member.locationName) headers[member.locationName] = String(retryAfterSeconds);
  }
  return new ServiceError(code, THROTTLE_MESSAGE, errorStatus(model, code), {}, headers);
}

function merge(base: RateLimitSettings, options: RateLimitOptions): RateLimitSettings {
  return {
    enabled: options.enabled ?? base.enabled,
    reads: options.reads ?? base.reads,
    mutating: options.mutating ?? base.mutating,
    operations: { ...base.operations, ...options.operations },
  };
}

/**
 * Rate-limit settings from JSON (the control API's body, the CLI flag, the environment variable),
 * checked: a bad value fails with the property and the rule.
 */
export function parseRateLimitOptions(value: unknown): RateLimitOptions {
  if (!isObject(value)) throw new Error("rate limits must be a JSON object");
  const known = ["enabled", "reads", "mutating", "operations"];
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    throw new Error(`rate limits: unknown setting ${unknown.join(", ")} (known: ${known.join(", ")})`);
  const options: RateLimitOptions = {};
  if (value.enabled !== undefined) {
    if (typeof value.enabled !== "boolean") throw new Error("rate limits: enabled must be true or false");
    options.enabled = value.enabled;
  }
  if (value.reads !== undefined) options.reads = parseLimit(value.reads, "reads");
  if (value.mutating !== undefined) options.mutating = parseLimit(value.mutating, "mutating");
  if (value.operations !== undefined) {
    if (!isObject(value.operations))
      throw new Error('rate limits: operations must be an object of "service:Operation" -> { rate, burst }');
    options.operations = {};
    for (const [key, limit] of Object.entries(value.operations)) {
      if (!/^[a-z]+:[A-Za-z]+$/.test(key))
        throw new Error(
          `rate limits: operations key "${key}" must read "service:Operation", e.g. "appstream:DescribeStacks"`,
        );
      options.operations[key] = parseLimit(limit, `operations["${key}"]`);
    }
  }
  return options;
}

function parseLimit(value: unknown, name: string): RateLimit {
  if (!isObject(value)) throw new Error(`rate limits: ${name} must be { rate, burst }`);
  const { rate, burst } = value;
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0)
    throw new Error(`rate limits: ${name}.rate must be a number of calls a second above 0`);
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 1)
    throw new Error(`rate limits: ${name}.burst must be a whole number of calls, at least 1`);
  return { rate, burst };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
