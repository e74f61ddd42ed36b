/** Where the provider talks to: read from stack config and the environment at call time, never from state. */
export interface RuntimeConfig {
  endpoint?: string;
  region?: string;
  profile?: string;
  maxAttempts?: number;
}

let current: RuntimeConfig | undefined;

interface ConfigSource {
  get(key: string): string | undefined;
}

/** Called from the provider's configure() with the stack's config (keys "namespace:key"). */
export function configureFrom(config: ConfigSource): void {
  const attempts = config.get("aws-euc:maxAttempts");
  current = {
    endpoint: config.get("aws-euc:endpoint") || process.env.PULUMI_AWS_EUC_ENDPOINT || undefined,
    region: config.get("aws-euc:region") || config.get("aws:region") || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined,
    profile: config.get("aws-euc:profile") || config.get("aws:profile") || process.env.AWS_PROFILE || undefined,
    maxAttempts: attempts ? Number(attempts) : undefined,
  };
}

export function runtimeConfig(): RuntimeConfig {
  if (!current) configureFrom({ get: () => undefined });
  return current as RuntimeConfig;
}

/** Tests and the emulator-backed tools set the configuration directly. */
export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config;
}
