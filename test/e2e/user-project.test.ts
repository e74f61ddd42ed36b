// A user's own project, as the README tells it: the package packed with `npm pack`, installed with
// a plain `npm install` (TypeScript included, whatever version npm picks today) into a new Pulumi
// project outside this repository, and driven by the `pulumi` CLI and the package's own bin.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { repoRoot } from "../helpers/pulumi-stack";
import { unusedPort } from "../helpers/ports";

const exec = promisify(execFile);

let scratch: string;
let project: string;
let env: Record<string, string>;
let home: RunningEmulator;
let elsewhere: RunningEmulator;

interface Outcome {
  code: number;
  output: string;
}

async function run(command: string, args: string[], timeoutMs = 300_000): Promise<Outcome> {
  return exec(command, args, {
    cwd: project,
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, output: `${r.stdout}${r.stderr}` }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof e.code === "number" ? e.code : 1,
      output: `${e.stdout ?? ""}${e.stderr ?? ""}`,
    }),
  );
}

const pulumi = (...args: string[]) => run("pulumi", [...args, "--stack", "dev", "--non-interactive"]);

async function ok(outcome: Promise<Outcome>): Promise<string> {
  const { code, output } = await outcome;
  expect(code, output).toBe(0);
  return output;
}

const program = `import * as pulumi from "@pulumi/pulumi";
import { appstream, thinclient } from "pulumi-aws-euc";

const config = new pulumi.Config();
const builder = new appstream.ImageBuilder("packaging", {
  instanceType: "stream.standard.medium",
  imageName: "AppStream-WinServer2019-06-12-2024",
});
// A function on a resource created in the same update.
export const packagingUrl = appstream.createImageBuilderStreamingUrl({ name: builder.name, validity: 600 }).streamingUrl;

const office = new thinclient.Environment("office", { desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/apps" });
export const activationCode = office.activationCode;
const deviceId = config.get("deviceId");
if (deviceId) {
  // No dependsOn: stating the environment is the dependency.
  new thinclient.Device("kiosk", { adoptId: deviceId, environmentId: office.id, name: "kiosk" });
}
`;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-user-project-"));
  project = path.join(scratch, "project");
  fs.mkdirSync(project);
  env = {
    PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
    PULUMI_HOME: path.join(scratch, "pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: "user-project",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The user's program is type-checked by ts-node with the TypeScript npm installed.
    PULUMI_NODEJS_TRANSPILE_ONLY: "",
  };
  fs.mkdirSync(path.join(scratch, "backend"));
  fs.mkdirSync(env.PULUMI_HOME);
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const tarball = path.join(scratch, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "euc-user-project", private: true }, null, 2),
  );
  fs.writeFileSync(
    path.join(project, "Pulumi.yaml"),
    "name: euc-user-project\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
  );
  // The tsconfig.json the README gives.
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const tsconfig = /<!-- tsconfig -->\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(tsconfig, "the README's tsconfig.json").toBeDefined();
  fs.writeFileSync(path.join(project, "tsconfig.json"), tsconfig ?? "");
  fs.writeFileSync(path.join(project, "index.ts"), program);
  // What the README says to run, with npm's default choices; the cache spares the registry.
  await ok(run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, "typescript"], 600_000));
  home = await startEmulator({ port: 0, transitionMs: 50 });
  elsewhere = await startEmulator({ port: 0, transitionMs: 50 });
  await ok(pulumi("stack", "init"));
  await ok(pulumi("config", "set", "aws-euc:endpoint", home.url));
  await ok(pulumi("config", "set", "aws:region", "us-west-2"));
}, 900_000);

afterAll(async () => {
  await home?.close();
  await elsewhere?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("a user's project with the packed package", () => {
  it("installs the TypeScript npm picks today, and the program type-checks with the README's tsconfig", () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(project, "node_modules/typescript/package.json"), "utf8"),
    ) as { version: string };
    const declared = JSON.parse(
      fs.readFileSync(path.join(project, "node_modules/pulumi-aws-euc/package.json"), "utf8"),
    ) as { peerDependencies?: Record<string, string> };
    console.log(
      `typescript ${installed.version} installed; pulumi-aws-euc declares typescript ${declared.peerDependencies?.typescript}`,
    );
    expect(Number(installed.version.split(".")[0])).toBeGreaterThanOrEqual(5);
    expect(fs.existsSync(path.join(project, "node_modules/pulumi-aws-euc/dist/provider/codegen"))).toBe(false);
  });

  it("previews without calling the function's service, and calls it once in the up, after the builder exists", async () => {
    await home.control.resetCalls();
    const preview = await ok(pulumi("preview"));
    expect(preview).not.toMatch(/error/i);
    expect((await home.control.calls()).counts["appstream:CreateImageBuilderStreamingURL"] ?? 0).toBe(0);
    expect((await home.control.calls()).counts["appstream:CreateImageBuilder"] ?? 0).toBe(0);

    await ok(pulumi("up", "--yes"));
    const counts = (await home.control.calls()).counts;
    expect(counts["appstream:CreateImageBuilderStreamingURL"]).toBe(1);
    expect(counts["appstream:CreateImageBuilder"]).toBe(1);
    const log = (await home.control.calls()).log.map((c) => c.operation);
    expect(log.indexOf("CreateImageBuilderStreamingURL")).toBeGreaterThan(log.indexOf("CreateImageBuilder"));
  }, 600_000);

  it("adopts a device stating its environment; destroy order follows from it (checked at the end)", async () => {
    const activationCode = JSON.parse(
      await ok(pulumi("stack", "output", "activationCode", "--show-secrets", "--json")),
    ) as string;
    const { device } = await home.control.serviceControl<{ device: { id: string } }>("register-device", {
      activationCode,
      serialNumber: "G4AUSERPROJECT01",
    });
    await ok(pulumi("config", "set", "deviceId", device.id));
    await ok(pulumi("up", "--yes", "--skip-preview"));
    expect((await home.control.resource("thinclient:Device", device.id))?.attributes).toMatchObject({ name: "kiosk" });
  }, 600_000);

  it("after `pulumi config set aws-euc:endpoint` to another endpoint, the drift command checks that endpoint", async () => {
    await ok(pulumi("config", "set", "aws-euc:endpoint", elsewhere.url));
    await home.control.resetCalls();
    await elsewhere.control.resetCalls();
    const drift = await run("npx", ["--no-install", "pulumi-aws-euc", "drift", "--stack", "dev"]);
    // Nothing of this stack exists at the new endpoint: not "no drift" from the old one.
    expect(drift.code, drift.output).not.toBe(0);
    expect(drift.output).not.toMatch(/no drift/i);
    expect((await home.control.calls()).log).toEqual([]);
    expect((await elsewhere.control.calls()).log.length).toBeGreaterThan(0);
  }, 600_000);

  it("destroy after the change does not act on the old endpoint: an unreachable one fails at once, naming its URL, once per resource", async () => {
    const unreachable = `http://127.0.0.1:${await unusedPort()}`;
    await ok(pulumi("config", "set", "aws-euc:endpoint", unreachable));
    await home.control.resetCalls();
    const destroy = await pulumi("destroy", "--yes", "--skip-preview");
    expect(destroy.code).not.toBe(0);
    expect(destroy.output).toContain(`cannot reach`);
    expect(destroy.output).toContain(unreachable);
    // One plain sentence per failed resource, no stack frames from the provider's host.
    expect(destroy.output).not.toMatch(/^\s+at .*\.js:\d+:\d+\)?$/m);
    expect(destroy.output).not.toContain("EndpointUnreachable");
    // Each failed resource's error once among the diagnostics (the progress lines above repeat it,
    // as Pulumi shows every error).
    const diagnostics = (destroy.output.split("Diagnostics:")[1] ?? "")
      .split("\n")
      .filter((line) => line.includes("cannot reach"));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((line) => line.trim())).size).toBe(diagnostics.length);
    expect((await home.control.calls()).log).toEqual([]);
    expect((await home.control.resources("appstream:ImageBuilder")).length).toBe(1);
  }, 600_000);

  it("back on the original endpoint, destroy deregisters the device before it deletes its environment", async () => {
    await ok(pulumi("config", "set", "aws-euc:endpoint", home.url));
    await home.control.resetCalls();
    await ok(pulumi("destroy", "--yes", "--skip-preview"));
    const log = (await home.control.calls()).log.map((c) => c.operation);
    expect(log).toContain("DeregisterDevice");
    expect(log.indexOf("DeregisterDevice")).toBeLessThan(log.indexOf("DeleteEnvironment"));
  }, 600_000);
});
