import type { AppStreamClient } from "@aws-sdk/client-appstream";
import type { NimbleClient } from "@aws-sdk/client-nimble";
import type { WorkSpacesThinClientClient } from "@aws-sdk/client-workspaces-thin-client";
import { attemptsTakenInLine, limitRatePerOperation } from "./rate-limiter";

export interface AwsClientsConfig {
  /** A local endpoint (the emulator) or any other override of the services' endpoints. */
  endpoint?: string;
  region?: string;
  /** Named profile of the shared config/credentials files. */
  profile?: string;
  /** Total attempts of the SDK's standard retry strategy (first try included). */
  maxAttempts?: number;
}

export interface AwsClients {
  nimble: NimbleClient;
  appstream: AppStreamClient;
  thinClient: WorkSpacesThinClientClient;
}

/** Credentials the emulator accepts; it does not check signatures, but the SDK insists on signing. */
export const LOCAL_TEST_CREDENTIALS = { accessKeyId: "euc-local-test", secretAccessKey: "euc-local-test-secret" };

const LOCAL_REGION = "us-east-1";

/** Attempts of the SDK's standard retry strategy (exponential backoff with jitter) per call. */
export const DEFAULT_MAX_ATTEMPTS = 10;

export function isLoopbackEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

// Each SDK loads when its client is first used: a program that declares resources, or a refresh
// of AppStream stacks, does not pay for the other services' SDKs.
const sdk = {
  appstream: () => require("@aws-sdk/client-appstream") as typeof import("@aws-sdk/client-appstream"),
  nimble: () => require("@aws-sdk/client-nimble") as typeof import("@aws-sdk/client-nimble"),
  thinClient: () =>
    require("@aws-sdk/client-workspaces-thin-client") as typeof import("@aws-sdk/client-workspaces-thin-client"),
  credentials: () => require("@aws-sdk/credential-provider-node") as typeof import("@aws-sdk/credential-provider-node"),
};

/** The client of each service in AwsClients, by the service names schema files use. */
export const clientKeyOf = {
  nimble: "nimble",
  appstream: "appstream",
  thinclient: "thinClient",
} as const satisfies Record<string, keyof AwsClients>;

/** The SDK module of a service (its commands and paginators), by the service names schema files use. */
export function sdkModule(service: keyof typeof clientKeyOf): Record<string, unknown> {
  return sdk[clientKeyOf[service]]();
}

/**
 * Network errors that say nothing answers at that address: connection refused, no such host, no
 * route. Retrying them only delays the same answer (the standard strategy counts them as transient,
 * which turned a wrong endpoint into a minute of backoff), so they fail the call at once.
 */
export const unreachableCodes = ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"];

export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && unreachableCodes.includes(code);
}

interface RetryStrategyV2 {
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, errorInfo: { error?: unknown }): Promise<unknown>;
  recordSuccess(token: unknown): void;
}

/** Wraps the client's own retry strategy (standard mode) so that an unreachable endpoint is not retried. */
function failFastWhenUnreachable<C extends object>(client: C): C {
  const config = (client as unknown as { config: { retryStrategy: () => Promise<RetryStrategyV2> } }).config;
  const original = config.retryStrategy;
  let wrapped: RetryStrategyV2 | undefined;
  config.retryStrategy = async () => {
    if (wrapped) return wrapped;
    const inner = await original();
    wrapped = {
      acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
      refreshRetryTokenForRetry: (token, errorInfo) =>
        // Throttled attempts the rate limiter already made count against the same maxAttempts.
        isUnreachable(errorInfo.error) || attemptsTakenInLine(errorInfo.error) !== undefined
          ? Promise.reject(errorInfo.error instanceof Error ? errorInfo.error : new Error(String(errorInfo.error)))
          : inner.refreshRetryTokenForRetry(token, errorInfo),
      recordSuccess: (token) => inner.recordSuccess(token),
    };
    return wrapped;
  };
  return client;
}

/** An object whose clients are made on first access, then kept. */
function lazyClients(make: { [K in keyof AwsClients]: () => AwsClients[K] }): AwsClients {
  const made: Partial<AwsClients> = {};
  const clients = {} as AwsClients;
  for (const key of Object.keys(make) as Array<keyof AwsClients>) {
    // Every client's calls share one limiter per account, Region and operation (rate-limiter.ts).
    Object.defineProperty(clients, key, {
      enumerable: true,
      get: () => (made[key] ??= limitRatePerOperation(failFastWhenUnreachable(make[key]())) as never),
    });
  }
  return clients;
}

export function createAwsClients(config: AwsClientsConfig = {}): AwsClients {
  // The SDK's default of 3 attempts loses a deployment to a few throttled calls in a row; waits
  // read often, so a throttled API is an everyday event for a provider, not an exception.
  // cacheMiddleware: each client resolves its middleware stack once per command class rather than on
  // every call (a tenth of a refresh's SDK work at 1,000 resources); the rate limiter adds its
  // middleware when the client is made, before the first call.
  const retry = {
    maxAttempts: config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: "standard",
    cacheMiddleware: true,
  };
  if (config.endpoint && isLoopbackEndpoint(config.endpoint)) {
    const local = {
      endpoint: config.endpoint,
      region: config.region ?? LOCAL_REGION,
      credentials: LOCAL_TEST_CREDENTIALS,
      ...retry,
    };
    return lazyClients({
      appstream: () => new (sdk.appstream().AppStreamClient)(local),
      nimble: () => new (sdk.nimble().NimbleClient)(local),
      // Its operations carry the host prefix "api.", which would turn 127.0.0.1 into a name that
      // does not resolve.
      thinClient: () => new (sdk.thinClient().WorkSpacesThinClientClient)({ ...local, disableHostPrefix: true }),
    });
  }
  // Real AWS: the standard credential chain and region resolution; only what the user set is passed.
  const common = {
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
    ...retry,
  };
  const withProfile = config.profile ? { profile: config.profile } : {};
  const clients: AwsClients = lazyClients({
    appstream: () => new (sdk.appstream().AppStreamClient)({ ...common, ...withProfile }),
    thinClient: () => new (sdk.thinClient().WorkSpacesThinClientClient)({ ...common, ...withProfile }),
    // The Nimble client predates the `profile` client option: give it the profile's credentials and
    // borrow the region the AppStream client resolves (which honours the profile).
    nimble: () =>
      new (sdk.nimble().NimbleClient)({
        ...common,
        ...(config.profile ? { credentials: sdk.credentials().defaultProvider({ profile: config.profile }) } : {}),
        ...(!config.region && config.profile ? { region: () => clients.appstream.config.region() } : {}),
      }),
  });
  return clients;
}
