// Client-side rate limiting per account, Region and operation, shared by every SDK client of the
// provider process. AWS throttles each operation separately with a token bucket (docs/rate-limits.md),
// and a refresh or `up` of many resources sends hundreds of calls of a few operations at once:
// without a limiter most of them are throttled and retried with backoff, the backoff sleeps leave
// the service's tokens unspent, and the SDK's retry budget (a bucket per client) runs dry, failing
// calls.
//
// Why not the SDK's `retryMode: "adaptive"` (its DefaultRateLimiter, a CUBIC limiter): it keeps one
// rate per client, that is per service, so a throttled DescribeStacks would slow
// ListTagsForResource, whose bucket is separate on AWS; it learns its rate from the rate at which
// answers came back, which is zero in the first half second of a run, so a run that starts with a
// burst (every refresh) drops to its floor of 0.5 calls a second and climbs back over seconds; it
// wakes every waiting call for every token; and the throttled attempt still goes through the
// standard strategy's backoff sleep, which grows to seconds (docs/rate-limits.md has the figures).
//
// This limiter is built for the token bucket that answers it. A throttling answer means the
// service's bucket is empty, and from then on the service serves exactly its refill rate to a
// client that keeps asking: the calls answered in the last couple of seconds measure that rate. So
// it sends freely until the first throttling answer, then paces its operation's calls at the rate
// the service was seen to serve, in arrival order, re-measuring on each throttling answer and
// probing upwards after a quiet spell (a raised quota is found; each probe that meets the
// limit costs one throttled answer). A throttled call takes its place back at the head of the line, paced, rather
// than sleeping in the SDK's backoff.

/** What the limiter needs of an AWS SDK v3 client (the Nimble client is of an older SDK generation). */
interface SdkClient {
  config: {
    maxAttempts?: () => Promise<number>;
    region: () => Promise<string>;
    credentials: () => Promise<{ accessKeyId: string }>;
  };
  middlewareStack: {
    addRelativeTo(
      middleware: (
        next: (args: FinalizeArgs) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: FinalizeArgs) => Promise<unknown>,
      options: { name: string; relation: "after"; toMiddleware: string; override?: boolean },
    ): void;
  };
}

interface FinalizeArgs {
  request: unknown;
}

/** How far back answered calls count towards the measured rate, ms. */
const WINDOW_MS = 2000;
/** The most one throttling answer cuts the pace in force by: counting is coarse at a few calls a second. */
const MAX_CUT = 0.8;
/** The slowest pace the limiter keeps, calls a second: the SDK's adaptive limiter's floor. */
const MIN_RATE = 0.5;
/** Quiet time after a throttling answer before the pace probes upwards, ms. */
const PROBE_AFTER_MS = 2000;
/** Growth of the pace a second while probing. */
const PROBE_GROWTH = 2;

/**
 * The pace of one operation's calls (of one account, Region and endpoint): free until the service
 * first throttles it, then the rate the service was seen to serve, in arrival order.
 */
export class OperationRateLimiter {
  /** Calls a second the service serves, as last measured; undefined until it first throttles. */
  private measured: number | undefined;
  private tokens = 0;
  private updatedAt: number;
  private throttledAt = -Infinity;
  /** When the calls answered in the last WINDOW_MS were answered. */
  private answered: number[] = [];
  /** Calls served in the window the last measure read, counting those answered after it. */
  private servedInMeasure = 0;
  /** The least the last throttling answer left the pace at, whatever the count. */
  private measureFloor = MIN_RATE;
  /** Calls waiting to send: those the service throttled first, each line in arrival order. */
  private readonly retries: Array<() => void> = [];
  private readonly line: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `now` in ms. */
  constructor(readonly now: () => number = () => performance.now()) {
    this.updatedAt = now();
  }

  /** The pace in force: calls a second, or undefined while the limiter sends freely. */
  rate(at = this.now()): number | undefined {
    if (this.measured === undefined) return undefined;
    const probing = (at - this.throttledAt - PROBE_AFTER_MS) / 1000;
    return probing > 0 ? this.measured * PROBE_GROWTH ** probing : this.measured;
  }

  /** Settles when the call may send; a throttled call that tries again goes to the head of the line. */
  acquire(retry = false): Promise<void> {
    if (this.measured === undefined && this.waiting() === 0) return Promise.resolve();
    return new Promise((resolve) => {
      (retry ? this.retries : this.line).push(resolve);
      this.pump();
    });
  }

  /**
   * The service answered a call sent at `sentAt` (with anything but throttling). A call sent before
   * the last throttling answer took its token in the window that answer measured, even if its own
   * answer comes later: a served call takes longer to answer than a refused one, so a burst's
   * refusals come back before most of its served calls, and a measure of those already back would
   * put the pace far below the service's rate.
   */
  succeeded(sentAt = this.now()): void {
    const at = this.now();
    this.answered.push(at);
    this.forgetBefore(at - WINDOW_MS);
    if (this.measured !== undefined && sentAt <= this.throttledAt) {
      this.servedInMeasure++;
      this.remeasure();
    }
  }

  /** The pace the last throttling answer's window shows: its served calls a second, never under its floor. */
  private remeasure(): void {
    this.measured = Math.max(this.measureFloor, this.servedInMeasure / (WINDOW_MS / 1000));
  }

  /**
   * The service throttled a call sent at `sentAt`: its bucket is empty, and since it has been
   * serving all it had, the calls it answered in the last seconds measure its refill rate. A call
   * sent before the last throttling answer tells nothing new (a burst sent at once comes back
   * throttled together), and one answer cuts the pace by at most a fifth, so that counting noise
   * (3 answers in a window where 4 fit) does not halve it.
   */
  throttled(sentAt: number): void {
    if (sentAt <= this.throttledAt) return;
    const at = this.now();
    const pace = this.rate(at);
    this.forgetBefore(at - WINDOW_MS);
    this.servedInMeasure = this.answered.length;
    // A probe that overshot falls back to what was seen, never below a fifth under the last measure.
    const last = this.measured;
    this.measureFloor = Math.max(MIN_RATE, last === undefined ? 0 : Math.min(pace ?? last, last) * MAX_CUT);
    this.remeasure();
    this.tokens = 0;
    this.updatedAt = at;
    this.throttledAt = at;
  }

  private forgetBefore(time: number): void {
    let stale = 0;
    while (stale < this.answered.length && this.answered[stale] < time) stale++;
    if (stale > 0) this.answered.splice(0, stale);
  }

  /** Calls waiting for their turn. */
  waiting(): number {
    return this.retries.length + this.line.length;
  }

  private next(): (() => void) | undefined {
    return this.retries.shift() ?? this.line.shift();
  }

  /** Lets calls go while tokens last; one timer for the head of the line waits for the next. */
  private pump(): void {
    if (this.timer) return;
    while (this.waiting() > 0) {
      const at = this.now();
      const rate = this.rate(at);
      if (rate === undefined) {
        this.next()?.();
        continue;
      }
      // A second's worth at most: after a quiet spell the service's bucket has refilled too.
      this.tokens = Math.min(Math.max(1, rate), this.tokens + ((at - this.updatedAt) / 1000) * rate);
      this.updatedAt = at;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        this.next()?.();
        continue;
      }
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.pump();
        },
        Math.ceil(((1 - this.tokens) / rate) * 1000),
      );
      return;
    }
  }
}

const limiters = new Map<string, OperationRateLimiter>();
/** The clock the shared limiters pace by, ms: the process's own, unless a test drives one. */
export const pacingClock = { now: (): number => performance.now() };
let classification: Promise<(error: unknown) => boolean> | undefined;

/** The SDK's own test for throttling (the code, or HTTP 429), loaded with the first call as the clients are. */
function throttlingTest(): Promise<(error: unknown) => boolean> {
  return (classification ??= import("@smithy/core/retry").then(
    ({ isThrottlingError }) =>
      (error: unknown) =>
        typeof error === "object" &&
        error !== null &&
        isThrottlingError(error as Parameters<typeof isThrottlingError>[0]),
  ));
}

/**
 * Whether calls of `operation` (of any account, Region or endpoint) are paced: the service has
 * throttled it, or calls wait for their turn. Batched reads (engine/read-batches.ts) hold their
 * next call for the one under way only then: sharing a call saves a token under a limit, and
 * without one it would only put a round trip between each call and the next.
 */
export function isPaced(operation: string): boolean {
  for (const [scope, limiter] of limiters) {
    if (scope.endsWith(`|${operation}`) && (limiter.rate() !== undefined || limiter.waiting() > 0)) return true;
  }
  return false;
}

/** The shared limiter of `scope` (account, Region, endpoint, operation). */
function limiterFor(scope: string): OperationRateLimiter {
  let limiter = limiters.get(scope);
  if (!limiter) limiters.set(scope, (limiter = new OperationRateLimiter(() => pacingClock.now())));
  return limiter;
}

/** Forgets the pace of every operation: for tests, so that a pace one learnt does not slow the next. */
export function forgetRateLimits(): void {
  limiters.clear();
}

/**
 * Throttled answers a call takes back into its limiter's line before the SDK's own retries see one.
 * The limiter paces the retry already, so the SDK's backoff sleep on top would only leave tokens
 * unspent; a service that keeps throttling past this still meets the SDK's backoff and attempt limit.
 */
export const THROTTLED_RETRIES_IN_LINE = 20;

/** Marks a throttling error that already took its attempts in the limiter's line. */
export const attemptsInLine = Symbol("attemptsInLine");

/** The attempts a throttling error already took in the limiter's line, if any. */
export function attemptsTakenInLine(error: unknown): number | undefined {
  return typeof error === "object" && error !== null
    ? ((error as { [attemptsInLine]?: number })[attemptsInLine] ?? undefined)
    : undefined;
}

/** "host:port" of the request the SDK built: the service's Regional endpoint, or a local one. */
function hostOf(request: unknown): string {
  const { hostname, port } = (request ?? {}) as { hostname?: string; port?: number };
  return `${hostname ?? ""}:${port ?? ""}`;
}

/**
 * Installs the per-operation limiter on `client`, inside the SDK's retries: each attempt waits for
 * its turn, tells the limiter how the service answered, and a throttled attempt queues again (up to
 * THROTTLED_RETRIES_IN_LINE times) instead of going to the SDK's retry strategy, whose backoff and
 * retry quota are for faults, not for pacing.
 */
export function limitRatePerOperation<C extends object>(client: C): C {
  const sdkClient = client as unknown as SdkClient;
  sdkClient.middlewareStack.addRelativeTo(
    (next, context) => async (args) => {
      const [region, identity, isThrottling, maxAttempts] = await Promise.all([
        sdkClient.config.region(),
        sdkClient.config.credentials(),
        throttlingTest(),
        sdkClient.config.maxAttempts?.() ?? Promise.resolve(1),
      ]);
      // The attempts the user allows (aws-euc:maxAttempts) bound the throttled ones too.
      const retriesInLine = Math.min(THROTTLED_RETRIES_IN_LINE, maxAttempts - 1);
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      const limiter = limiterFor([identity.accessKeyId, region, hostOf(args.request), operation].join("|"));
      for (let throttled = 0; ; throttled++) {
        await limiter.acquire(throttled > 0);
        const sentAt = limiter.now();
        try {
          const result = await next(args);
          limiter.succeeded(sentAt);
          return result;
        } catch (error) {
          if (!isThrottling(error)) {
            // An error the service answered took its token as any answer does.
            if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode)
              limiter.succeeded(sentAt);
            throw error;
          }
          limiter.throttled(sentAt);
          if (throttled >= retriesInLine) {
            // Spent in line: the SDK's strategy must not start its own count of attempts over.
            if (throttled > 0) Object.assign(error as object, { [attemptsInLine]: throttled + 1 });
            throw error;
          }
        }
      }
    },
    { name: "eucOperationRateLimiter", relation: "after", toMiddleware: "retryMiddleware", override: true },
  );
  return client;
}
