// How the provider reads the stack's config file as `pulumi config` would: the project file under
// either name and from any directory below it, project-level defaults in each form Pulumi.yaml
// allows, scalars as the strings Pulumi passes, and the stack named by the first resource's URN.
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

let project: string;
const cwd = process.cwd();
const write = (name: string, text: string) => fs.writeFileSync(path.join(project, name), text);
const urnIn = (stack: string) => `urn:pulumi:${stack}::euc-app::pulumi-nodejs:dynamic/appstream:Stack::apps`;

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "euc-stack-config-"));
  resetRuntimeConfig();
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(project, { recursive: true, force: true });
  resetRuntimeConfig();
});

describe("the project file", () => {
  it("is found as Pulumi.yml too", () => {
    write("Pulumi.yml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yml", "config:\n  aws-euc:endpoint: http://127.0.0.1:4005\n");
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws-euc:endpoint")).toBe("http://127.0.0.1:4005");
  });

  it("names the stack's file with its own extension, as Pulumi does", () => {
    write("Pulumi.yml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yml", "config:\n  aws:region: eu-north-1\n");
    write("Pulumi.dev.yaml", "config:\n  aws:region: us-east-2\n");
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws:region")).toBe("eu-north-1");
    fs.renameSync(path.join(project, "Pulumi.yml"), path.join(project, "Pulumi.yaml"));
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws:region")).toBe("us-east-2");
  });

  it("is found from a directory below the project's", () => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  aws:region: eu-central-1\n");
    const below = path.join(project, "src", "stacks");
    fs.mkdirSync(below, { recursive: true });
    expect(readStackConfigFile(below, "dev", "euc-app")?.get("aws:region")).toBe("eu-central-1");
  });
});

describe("project-level config", () => {
  it("is read in each form: a plain value, { value } and { default }", () => {
    write(
      "Pulumi.yaml",
      [
        "name: euc-app",
        "runtime: nodejs",
        "config:",
        "  aws:region: eu-west-2",
        "  aws-euc:profile:",
        "    value: studio",
        "  aws-euc:endpoint:",
        "    default: http://127.0.0.1:4006",
        "  aws-euc:maxAttempts:",
        "    description: how often a call is tried",
        "",
      ].join("\n"),
    );
    const file = readStackConfigFile(project, "dev", "euc-app");
    expect(file?.get("aws:region")).toBe("eu-west-2");
    expect(file?.get("aws-euc:profile")).toBe("studio");
    expect(file?.get("aws-euc:endpoint")).toBe("http://127.0.0.1:4006");
    expect(file?.get("aws-euc:maxAttempts")).toBeUndefined();
  });

  it("places a key without a namespace in the project's own", () => {
    write("Pulumi.yaml", "name: aws-euc\nruntime: nodejs\nconfig:\n  endpoint: http://127.0.0.1:4007\n");
    expect(readStackConfigFile(project, "dev", "aws-euc")?.get("aws-euc:endpoint")).toBe("http://127.0.0.1:4007");
  });

  it("applies when the stack's file is empty", () => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\nconfig:\n  aws:region: ap-northeast-1\n");
    write("Pulumi.dev.yaml", "");
    expect(readStackConfigFile(project, "dev", "euc-app")?.get("aws:region")).toBe("ap-northeast-1");
  });
});

describe("a stack file that is not YAML", () => {
  it("says nothing: the values Pulumi passed serve instead of the project's defaults", () => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\nconfig:\n  aws:region: eu-central-1\n");
    write("Pulumi.dev.yaml", "config:\n  aws:region: [us-west-2\n");
    expect(readStackConfigFile(project, "dev", "euc-app")).toBeUndefined();
    configureFrom({ get: (key) => (key === "aws:region" ? "ap-northeast-1" : undefined) });
    noteStackOf(urnIn("dev"));
    process.chdir(project);
    expect(runtimeConfig().region).toBe("ap-northeast-1");
  });
});

describe("values", () => {
  it("left empty in the stack file are not set, and the file's other values still apply", () => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  aws-euc:endpoint:\n  aws:region: sa-east-1\n");
    const file = readStackConfigFile(project, "dev", "euc-app");
    expect(file?.get("aws-euc:endpoint")).toBeUndefined();
    expect(file?.get("aws:region")).toBe("sa-east-1");
  });

  it("are the strings Pulumi would pass: numbers and booleans included", () => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  aws-euc:maxAttempts: 5\n  aws:skipMetadataApiCheck: true\n");
    const file = readStackConfigFile(project, "dev", "euc-app");
    expect(file?.get("aws-euc:maxAttempts")).toBe("5");
    expect(file?.get("aws:skipMetadataApiCheck")).toBe("true");
  });
});

describe("the stack whose file is read", () => {
  beforeEach(() => {
    write("Pulumi.yaml", "name: euc-app\nruntime: nodejs\n");
    write("Pulumi.dev.yaml", "config:\n  aws-euc:endpoint: http://127.0.0.1:4008\n");
    write("Pulumi.prod.yaml", "config:\n  aws-euc:endpoint: http://127.0.0.1:4009\n");
    process.chdir(project);
  });

  it("is the one of the first URN seen", () => {
    noteStackOf(urnIn("dev"));
    noteStackOf(urnIn("prod"));
    expect(runtimeConfig().endpoint).toBe("http://127.0.0.1:4008");
  });

  it("is not taken from a value that is not a URN", () => {
    noteStackOf("apps");
    // Nor from one that is not a string, even if it holds a URN.
    noteStackOf([urnIn("dev")]);
    noteStackOf(urnIn("prod"));
    expect(runtimeConfig().endpoint).toBe("http://127.0.0.1:4009");
  });
});
