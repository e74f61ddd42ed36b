// Where the provider talks to. Pulumi hands a dynamic provider the stack config through Configure,
// but for the default `pulumi-nodejs` provider those values are the inputs recorded in state when the
// program last ran: `pulumi refresh`, `pulumi destroy` and the drift command (which do not run the
// program) would reuse an old endpoint, region, profile or attempt count. So the provider reads the
// stack's config file itself, at call time, and the recorded values serve only when that file
// cannot be read.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";

export interface RuntimeConfig {
  endpoint?: string;
  region?: string;
  profile?: string;
  maxAttempts?: number;
}

interface ConfigSource {
  get(key: string): string | undefined;
}

/** The stack config keys the provider reads, in order of precedence for each setting. */
export const settingKeys = {
  endpoint: ["aws-euc:endpoint"],
  region: ["aws-euc:region", "aws:region"],
  profile: ["aws-euc:profile", "aws:profile"],
  maxAttempts: ["aws-euc:maxAttempts"],
} as const;

// What a process that Pulumi has not configured has (a program calling a function, a test): no setting.
const nothingRecorded: ConfigSource = { get: () => undefined };
let recorded = nothingRecorded;
let stack: { name: string; project: string } | undefined;
let current: RuntimeConfig | undefined;

function fromSource(config: ConfigSource): RuntimeConfig {
  const first = (keys: readonly string[]) => keys.map((k) => config.get(k)).find((v) => v !== undefined && v !== "");
  const attempts = first(settingKeys.maxAttempts);
  return {
    endpoint: first(settingKeys.endpoint) || process.env.PULUMI_AWS_EUC_ENDPOINT || undefined,
    region: first(settingKeys.region) || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined,
    profile: first(settingKeys.profile) || process.env.AWS_PROFILE || undefined,
    maxAttempts: attempts ? Number(attempts) : undefined,
  };
}

/** Called from the provider's configure() with the config Pulumi passes (keys "namespace:key"). */
export function configureFrom(config: ConfigSource): void {
  recorded = config;
  current = undefined;
}

/**
 * The stack the calls are for, from a resource's URN ("urn:pulumi:<stack>::<project>::..."): it
 * names the stack config file to read.
 */
export function noteStackOf(urn: unknown): void {
  if (stack || typeof urn !== "string") return;
  const match = /urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
  if (!match) return;
  stack = { name: match[1], project: match[2] };
  current = undefined;
}

export function runtimeConfig(): RuntimeConfig {
  if (!current) {
    const file = stack ? readStackConfigFile(process.cwd(), stack.name, stack.project) : undefined;
    current = fromSource(file ?? recorded);
  }
  return current;
}

/** Tests and the emulator-backed tools set the configuration directly. */
export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config;
}

/** Back to "nothing known yet", for tests. */
export function resetRuntimeConfig(): void {
  recorded = nothingRecorded;
  stack = undefined;
  current = undefined;
}

type Yaml = Record<string, unknown>;

/** The file's YAML; undefined when it is missing or is not YAML. */
function readYaml(file: string): Yaml | undefined {
  let value: unknown;
  try {
    value = parseYaml(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  // An empty file holds no settings; a scalar or a list has none of the keys read here either.
  return value ? (value as Yaml) : {};
}

/** The directory holding Pulumi.yaml (or Pulumi.yml) of the project, from `dir` upwards. */
function findProject(dir: string, projectName: string): { dir: string; project: Yaml; extension: string } | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    for (const extension of ["yaml", "yml"]) {
      const project = readYaml(path.join(at, `Pulumi.${extension}`));
      if (project && project.name === projectName) return { dir: at, project, extension };
    }
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * The settings in the stack's config file `Pulumi.<stack>.yaml` (beside Pulumi.yaml, or in the
 * project's `stackConfigDir`), over the project's own `config:` defaults, exactly as `pulumi config`
 * shows them. Undefined when the file cannot be found or cannot say everything: a stack that imports
 * ESC environments, or a setting stored encrypted (`pulumi config set --secret`).
 */
export function readStackConfigFile(cwd: string, stackName: string, projectName: string): ConfigSource | undefined {
  const found = findProject(cwd, projectName);
  if (!found) return undefined;
  const configDir =
    typeof found.project.stackConfigDir === "string"
      ? path.resolve(found.dir, found.project.stackConfigDir)
      : found.dir;
  // Pulumi names the stack's file with its project file's extension: Pulumi.yml goes with Pulumi.dev.yml.
  const stackFile = path.join(configDir, `Pulumi.${stackName}.${found.extension}`);
  const stackYaml = fs.existsSync(stackFile) ? readYaml(stackFile) : {};
  if (!stackYaml || stackYaml.environment !== undefined) return undefined;
  const values = new Map<string, unknown>();
  const projectConfig = (found.project.config ?? {}) as Yaml;
  for (const [key, spec] of Object.entries(projectConfig)) {
    // Project-level config: a plain value, or { value } / { default }.
    const value = spec && typeof spec === "object" ? ((spec as Yaml).value ?? (spec as Yaml).default) : spec;
    // One without a value (a description only) is stored as undefined, which reads as not set.
    values.set(key.includes(":") ? key : `${projectName}:${key}`, value);
  }
  for (const [key, value] of Object.entries((stackYaml.config ?? {}) as Yaml)) values.set(key, value);
  const relevant = Object.values(settingKeys).flat();
  if (relevant.some((key) => values.get(key) !== null && typeof values.get(key) === "object")) return undefined;
  return {
    get: (key) => {
      // Only scalars reach here: a relevant key holding a mapping gave up above.
      const value = values.get(key);
      if (typeof value === "string") return value;
      return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
    },
  };
}
