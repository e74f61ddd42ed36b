import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap, type Stack } from "@pulumi/pulumi/automation";

/** One resource of a stack's exported state, with the members the tests read. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
  initErrors?: string[];
  additionalSecretOutputs?: string[];
}

/** The first resource of `type` in the stack's state (secrets shown: the Automation API exports with --show-secrets). */
export async function stateResource(stack: Stack, type: string): Promise<StateResource | undefined> {
  const state = await stack.exportStack();
  const resources = (state.deployment as { resources?: StateResource[] }).resources ?? [];
  return resources.find((r) => r.type === type);
}

export const repoRoot = path.resolve(__dirname, "../..");

/**
 * Stack config in the Automation API's form, objects as JSON, for `setAllConfig`: one CLI call for
 * all the keys, where `setConfig` per key starts the CLI once each.
 */
export function configValues(values: Record<string, unknown>): ConfigMap {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      { value: typeof value === "string" ? value : JSON.stringify(value) },
    ]),
  );
}

export interface ProgramStack {
  stack: Stack;
  /** A private copy of the program directory, so tests can rewrite it and keep their own config. */
  programDir: string;
  backendDir: string;
  pulumiHome: string;
  /** Runs the real CLI on the same stack, as a user would in a shell. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * A stack of a program directory (with its own Pulumi.yaml) on a private file backend and PULUMI_HOME,
 * driven by the real Pulumi CLI through the Automation API.
 */
export async function programStack(
  program: string,
  config: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ProgramStack> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-e2e-"));
  const backendDir = path.join(scratch, "backend");
  const pulumiHome = path.join(scratch, "home");
  fs.mkdirSync(backendDir);
  fs.mkdirSync(pulumiHome);
  // A private copy (stack config lives beside Pulumi.yaml), inside the repository so that the
  // package and @pulumi/pulumi resolve from its node_modules.
  const programDir = fs.mkdtempSync(path.join(repoRoot, "test/e2e/.work-"));
  fs.cpSync(path.resolve(repoRoot, program), programDir, { recursive: true });
  const env: Record<string, string> = {
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_HOME: pulumiHome,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // Type checking belongs to the examples' tsc test; the engine runs need only the JavaScript.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    ...extraEnv,
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "e2e", workDir: programDir },
    { envVars: env, pulumiHome },
  );
  await stack.setAllConfig(configValues(config));
  return {
    stack,
    programDir,
    backendDir,
    pulumiHome,
    env,
    async cleanup() {
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(programDir, { recursive: true, force: true });
    },
  };
}
