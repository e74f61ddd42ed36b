// Client-side rate limiting per account, Region and operation, shared by every SDK client of the
// provider process. AWS throttles each operation separately (docs/rate-limits.md), and a refresh
// or `up` of many resources sends hundreds of calls of a few operations at once: without a limiter
// most of them are throttled and retried with backoff, and the SDK's retry budget (a bucket per
// client) runs dry, failing calls.
//
// The SDK's own `retryMode: "adaptive"` keeps one DefaultRateLimiter per client: one rate for all
// of a service's operations, so a throttled DescribeStacks would slow ListTagsForResource too, and
// clients made anew (a changed endpoint or profile) start from nothing. This uses the same
// DefaultRateLimiter (the SDK's CUBIC limiter: it learns the rate from throttling answers, backs
// off on each, and probes upwards while calls succeed), one per account, Region, endpoint and
// operation, in a middleware that runs on every attempt, inside the SDK's standard retries.
import type { DefaultRateLimiter } from "@smithy/core/retry";

/** What the limiter needs of an AWS SDK v3 client (the Nimble client is of an older SDK generation). */
interface SdkClient {
  config: {
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

const limiters = new Map<string, DefaultRateLimiter>();
let retryModule: Promise<typeof import("@smithy/core/retry")> | undefined;

/** The shared limiter of `scope`; the SDK's module loads with the first call, as the clients do. */
async function limiterFor(scope: string): Promise<DefaultRateLimiter> {
  const known = limiters.get(scope);
  if (known) return known;
  const { DefaultRateLimiter } = await (retryModule ??= import("@smithy/core/retry"));
  const limiter = limiters.get(scope) ?? new DefaultRateLimiter();
  limiters.set(scope, limiter);
  return limiter;
}

/** "host:port" of the request the SDK built: the service's Regional endpoint, or a local one. */
function hostOf(request: unknown): string {
  const { hostname, port } = (request ?? {}) as { hostname?: string; port?: number };
  return `${hostname ?? ""}:${port ?? ""}`;
}

/**
 * Installs the per-operation limiter on `client`: before each attempt it waits for a send token of
 * its operation's limiter, and after it tells the limiter whether the service throttled it.
 */
export function limitRatePerOperation<C extends object>(client: C): C {
  const sdkClient = client as unknown as SdkClient;
  sdkClient.middlewareStack.addRelativeTo(
    (next, context) => async (args) => {
      const [region, identity] = await Promise.all([sdkClient.config.region(), sdkClient.config.credentials()]);
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      const limiter = await limiterFor([identity.accessKeyId, region, hostOf(args.request), operation].join("|"));
      await limiter.getSendToken();
      try {
        const result = await next(args);
        limiter.updateClientSendingRate({});
        return result;
      } catch (error) {
        // Throttling by the SDK's own classification (the code, or HTTP 429) lowers the rate.
        limiter.updateClientSendingRate(error);
        throw error;
      }
    },
    { name: "eucOperationRateLimiter", relation: "after", toMiddleware: "retryMiddleware", override: true },
  );
  return client;
}
