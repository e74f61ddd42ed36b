// Where the provider talks to is read from the stack's config file at call time, not from the
// values Pulumi recorded in state when the program last ran (what refresh, destroy and the drift
// command would otherwise pass to Configure).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  configureFrom,
  noteStackOf,
  readStackConfigFile,
  resetRuntimeConfig,
  runtimeConfig,
} from "../../provider/engine/config";
import { resourceTypeOf } from "../../provider/engine/runtime";

let project: string;
const cwd = process.cwd();
const urn = "urn:pulumi:dev::euc-app::pulumi-nodejs:dynamic/appstream:Stack::apps";
const stateConfig = new Map([
  ["aws-euc:endpoint", "http://127.0.0.1:4001"],
  ["aws:region", "eu-west-1"],
  ["aws-euc:maxAttempts", "3"],
]);

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "euc-config-"));
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: euc-app\nruntime: nodejs\n");
  resetRuntimeConfig();
  process.chdir(project);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(project, { recursive: true, force: true });
  resetRuntimeConfig();
});

describe("runtime config", () => {
  it("follows a changed stack config, not the values recorded in state", () => {
    fs.writeFileSync(
      path.join(project, "Pulumi.dev.yaml"),
      "config:\n  aws-euc:endpoint: http://127.0.0.1:4002\n  aws:region: us-west-2\n  aws-euc:maxAttempts: 5\n",
    );
    configureFrom({ get: (k) => stateConfig.get(k) });
    noteStackOf(urn);
    expect(runtimeConfig()).toMatchObject({ endpoint: "http://127.0.0.1:4002", region: "us-west-2", maxAttempts: 5 });
  });

  it("drops a setting removed from the stack config (pulumi config rm)", () => {
    fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  aws:region: eu-west-1\n");
    configureFrom({ get: (k) => stateConfig.get(k) });
    noteStackOf(urn);
    expect(runtimeConfig().endpoint).toBe(process.env.PULUMI_AWS_EUC_ENDPOINT);
    expect(runtimeConfig().maxAttempts).toBeUndefined();
  });

  it("reads the project's stackConfigDir and project-level defaults", () => {
    fs.writeFileSync(
      path.join(project, "Pulumi.yaml"),
      "name: euc-app\nruntime: nodejs\nstackConfigDir: stacks\nconfig:\n  aws-euc:profile: studio\n",
    );
    fs.mkdirSync(path.join(project, "stacks"));
    fs.writeFileSync(
      path.join(project, "stacks/Pulumi.dev.yaml"),
      "config:\n  aws-euc:endpoint: http://127.0.0.1:4003\n",
    );
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws-euc:endpoint")).toBe("http://127.0.0.1:4003");
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws-euc:profile")).toBe("studio");
  });

  it("reads the file of the stack a call's resource URN names", () => {
    configureFrom({ get: (k) => stateConfig.get(k) });
    fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  aws-euc:endpoint: http://127.0.0.1:4010\n");
    // The provider's type is known; the URN in the props still names the stack.
    expect(resourceTypeOf("appstream:Stack", { __urn: urn })).toBe("appstream:Stack");
    expect(runtimeConfig().endpoint).toBe("http://127.0.0.1:4010");
  });

  it("falls back to what Pulumi passed when the file cannot say: no project here, an ESC environment, an encrypted setting", () => {
    configureFrom({ get: (k) => stateConfig.get(k) });
    noteStackOf("urn:pulumi:dev::another-project::pulumi-nodejs:dynamic/appstream:Stack::apps");
    expect(runtimeConfig().endpoint).toBe("http://127.0.0.1:4001");
    fs.writeFileSync(
      path.join(project, "Pulumi.dev.yaml"),
      "environment:\n  - shared/aws\nconfig:\n  aws:region: us-west-2\n",
    );
    expect(readStackConfigFile(project, "dev", "euc-app")).toBeUndefined();
    fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config:\n  aws-euc:endpoint:\n    secure: AAABAJ==\n");
    expect(readStackConfigFile(project, "dev", "euc-app")).toBeUndefined();
  });

  it("comes from the environment in a process Pulumi never configured (a program calling a function)", () => {
    const saved = { region: process.env.AWS_REGION, endpoint: process.env.PULUMI_AWS_EUC_ENDPOINT };
    Object.assign(process.env, { AWS_REGION: "eu-west-3", PULUMI_AWS_EUC_ENDPOINT: "http://127.0.0.1:4011" });
    try {
      expect(runtimeConfig()).toMatchObject({ region: "eu-west-3", endpoint: "http://127.0.0.1:4011" });
    } finally {
      for (const [name, value] of [
        ["AWS_REGION", saved.region],
        ["PULUMI_AWS_EUC_ENDPOINT", saved.endpoint],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
