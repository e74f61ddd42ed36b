// The drift command's policy as a CI job meets it, with the package's bin and the real Pulumi CLI:
// accepted drift (ignore file, baseline), ignoreChanges, program changes told apart from drift,
// several stacks in one run, a state left byte-identical, and the report formats. One program of two
// AppStream stacks, deployed to two Pulumi stacks once; the cases run in order on them.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { TagResourceCommand } from "@aws-sdk/client-appstream";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import type { DriftReport } from "../../provider/cli/report";
import { programStack, repoRoot, type ProgramStack } from "../helpers/pulumi-stack";

const run = promisify(execFile);
const packageDir = path.join(repoRoot, "node_modules/pulumi-aws-euc");
const bin = path.join(packageDir, "dist/provider/cli/main.js");
let emulator: RunningEmulator;
let program: ProgramStack;
let other: Stack;
let out: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  report: DriftReport;
  markdown: string;
  junit: string;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [bin, ...args], { env: { ...process.env, ...program.env } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

async function drift(...args: string[]): Promise<Outcome> {
  const stacks = args.filter((a) => a !== "--pending-changes");
  const flags = args.filter((a) => a === "--pending-changes");
  const files = {
    json: path.join(out, "drift.json"),
    markdown: path.join(out, "drift.md"),
    junit: path.join(out, "drift.xml"),
  };
  for (const f of Object.values(files)) fs.rmSync(f, { force: true });
  const stackArgs =
    stacks[0] === "--all-stacks"
      ? stacks
      : stacks.length > 0
        ? stacks.flatMap((s) => ["--stack", s])
        : ["--stack", "e2e"];
  const result = await cli([
    "drift",
    ...stackArgs,
    ...flags,
    "--cwd",
    program.programDir,
    "--json",
    files.json,
    "--markdown",
    files.markdown,
    "--junit",
    files.junit,
  ]);
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
  return {
    ...result,
    report: JSON.parse(read(files.json) || "null") as DriftReport,
    markdown: read(files.markdown),
    junit: read(files.junit),
  };
}

const validateReport = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(fs.readFileSync(path.join(packageDir, "schema/drift-report.schema.json"), "utf8")) as object,
  );
})();

function expectValidReport(report: DriftReport): void {
  const valid = validateReport(report);
  expect(validateReport.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  expect(report.version).toBe(1);
}

async function rename(stackName: string, displayName: string): Promise<void> {
  await emulator.control.mutate("appstream:Stack", stackName, { DisplayName: displayName });
}

async function tag(stackName: string, tags: Record<string, string>): Promise<void> {
  const record = await emulator.control.resource("appstream:Stack", stackName);
  await createAwsClients({ endpoint: emulator.url }).appstream.send(
    new TagResourceCommand({ ResourceArn: String(record?.attributes.Arn), Tags: tags }),
  );
}

const ignoreFile = () => path.join(program.programDir, ".driftignore.yaml");
const stateFile = (stack: string) => path.join(program.backendDir, ".pulumi/stacks/drift-basic", `${stack}.json`);
const names: Record<string, string> = {};

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "euc-drift-"));
  emulator = await startEmulator({ port: 0, transitionMs: 0 });
  const config = { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" };
  program = await programStack("test/e2e/programs/drift-basic", config);
  other = await LocalWorkspace.createOrSelectStack(
    { stackName: "other", workDir: program.programDir },
    { envVars: program.env, pulumiHome: program.pulumiHome },
  );
  await other.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, { value: v }])));
  await Promise.all([program.stack.up(), other.up()]);
  const outputs = await program.stack.outputs();
  names.alpha = outputs.alpha.value as string;
  names.beta = outputs.beta.value as string;
}, 300_000);

afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe("pulumi-aws-euc drift: policy, stacks and formats", () => {
  it("follows CLI conventions: --help, -h and --version exit 0; errors are one plain sentence with exit 1", async () => {
    for (const flag of ["--help", "-h"]) {
      const help = await cli([flag]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage: pulumi-aws-euc drift/);
      expect(help.stdout).toContain(
        "exit codes: 0 clean, 2 drift, 3 program changes not yet applied, 4 drift and program changes",
      );
    }
    const version = await cli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version,
    );

    const missing = await cli(["drift", "--stack", "nosuch", "--cwd", program.programDir]);
    expect(missing.code).toBe(1);
    const lines = missing.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: stack nosuch: .*nosuch/);
    expect(missing.stderr).not.toMatch(/code: -?\d|stdout:|err\?:/);

    const unknown = await cli(["drift", "--stak", "e2e"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
  }, 120_000);

  it("reports a clean estate of all the project's stacks with exit 0 and a JSON report that validates against the shipped schema", async () => {
    const result = await drift("--all-stacks");
    expect(result.code).toBe(0);
    expectValidReport(result.report);
    expect(result.report.stacks.map((s) => [s.stack, s.status, s.resourcesChecked])).toEqual([
      ["e2e", "clean", 2],
      ["other", "clean", 2],
    ]);
  }, 180_000);

  it("finds a console change in one of two stacks (exit 2, one report), never writes state, respects ignoreChanges, and writes JUnit and Markdown", async () => {
    await rename(names.alpha, "Renamed in the console");
    await tag(names.alpha, { owner: "someone-else" });
    // beta's program ignores changes to its tags: a tagging policy elsewhere owns them.
    await tag(names.beta, { team: "finance", costCenter: "4410" });
    const before = fs.readFileSync(stateFile("e2e"));
    const otherBefore = fs.readFileSync(stateFile("other"));

    const result = await drift("e2e", "other");
    expect(result.code).toBe(2);
    expect(fs.readFileSync(stateFile("e2e")).equals(before)).toBe(true);
    expect(fs.readFileSync(stateFile("other")).equals(otherBefore)).toBe(true);

    expectValidReport(result.report);
    expect(result.report.status).toBe("drift");
    const [e2e, clean] = result.report.stacks;
    expect(clean).toMatchObject({ stack: "other", status: "clean", exitCode: 0, drifted: [] });
    expect(e2e).toMatchObject({ stack: "e2e", status: "drift", exitCode: 2, pendingChanges: [] });
    expect(e2e.drifted).toHaveLength(1);
    expect(e2e.drifted[0]).toMatchObject({ type: "appstream:Stack", name: "alpha", status: "changed" });
    expect(e2e.drifted[0].properties).toEqual([
      { property: "displayName", expected: "Alpha", live: "Renamed in the console" },
      { property: "tags.owner", expected: "alpha", live: "someone-else" },
    ]);
    expect(e2e.ignored.map((i) => [i.name, i.property, i.ignoredBy])).toEqual([
      ["beta", "tags.costCenter", "ignoreChanges"],
      ["beta", "tags.team", "ignoreChanges"],
    ]);

    expect(result.stdout).toContain("drift in 1 of 2 resources of stack e2e");
    expect(result.stdout).toContain("no drift: 2 resources of stack other match their state");
    expect(result.markdown).toContain("Run `pulumi up --refresh` to put them back");
    expect(result.markdown).toContain(
      '| `appstream:Stack` alpha | `displayName` | `"Alpha"` | `"Renamed in the console"` |',
    );
    expect(result.markdown).toContain("the program's `ignoreChanges`");

    const junit = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => name === "testsuite" || name === "testcase",
    }).parse(result.junit) as {
      testsuites: {
        testsuite: { name: string; failures: string; testcase: { name: string; failure?: { message: string } }[] }[];
      };
    };
    const suites = junit.testsuites.testsuite;
    expect(suites.map((s) => [s.name, s.failures])).toEqual([
      ["drift: stack e2e", "1"],
      ["drift: stack other", "0"],
    ]);
    const failed = suites.flatMap((s) => s.testcase.filter((c) => c.failure));
    expect(failed.map((c) => c.name)).toEqual(["alpha"]);
    expect(failed[0].failure?.message).toBe("2 properties drifted: displayName, tags.owner");
    expect(suites[0].testcase.map((c) => c.name).sort()).toEqual(["alpha", "beta"]);
  }, 180_000);

  it("keeps accepted drift out of the failure with an ignore file, reports stale rules, and fails on an expired rule by its name", async () => {
    fs.writeFileSync(
      ignoreFile(),
      [
        "rules:",
        "  - name: console-rename",
        "    type: appstream:Stack",
        "    resource: alpha",
        "    property: displayName",
        "    reason: The service desk renames stacks for the help page",
        "    expires: 2999-12-31",
        "  - name: owner-tags",
        "    urn: '*::alpha'",
        "    property: tags.*",
        "    reason: Owners are set by the asset inventory",
        "  - name: old-fleet",
        "    type: appstream:Fleet",
        "    reason: A fleet this program no longer has",
        "",
      ].join("\n"),
    );
    const accepted = await drift("e2e", "other");
    expect(accepted.code).toBe(0);
    expectValidReport(accepted.report);
    expect(accepted.report.stacks[0].drifted).toEqual([]);
    expect(
      accepted.report.stacks[0].ignored
        .filter((i) => i.ignoredBy === "ignore-file")
        .map((i) => [i.property, i.rule, i.reason]),
    ).toEqual([
      ["displayName", "console-rename", "The service desk renames stacks for the help page"],
      ["tags.owner", "owner-tags", "Owners are set by the asset inventory"],
    ]);
    expect(accepted.report.rules.map((r) => [r.rule, r.status])).toEqual([
      ["console-rename", "matched"],
      ["owner-tags", "matched"],
      ["old-fleet", "stale"],
    ]);
    expect(accepted.stdout).toContain('stale ignore rule "old-fleet"');
    expect(accepted.markdown).toContain("Ignored drift (4, does not fail the check)");

    fs.writeFileSync(ignoreFile(), fs.readFileSync(ignoreFile(), "utf8").replace("2999-12-31", "2020-01-31"));
    const expired = await drift();
    expect(expired.code).toBe(2);
    expect(expired.report.rules.find((r) => r.rule === "console-rename")).toMatchObject({
      status: "expired",
      matches: 0,
    });
    expect(expired.report.stacks[0].drifted[0].properties.map((p) => p.property)).toEqual(["displayName"]);
    expect(expired.stdout).toContain('expired ignore rule "console-rename" (expired 2020-01-31');
    expect(expired.junit).toContain('name="console-rename"');
    fs.rmSync(ignoreFile());
  }, 240_000);

  it("writes the current drift as a baseline of rules that then passes the check", async () => {
    const written = await cli(["drift", "baseline", "--stack", "e2e", "--cwd", program.programDir]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^wrote 2 ignore rules for the current drift to .*\.driftignore\.yaml/);
    const baseline = parseYaml(fs.readFileSync(ignoreFile(), "utf8")) as {
      rules: { property: string; reason: string; expires: string; stack: string }[];
    };
    expect(baseline.rules.map((r) => [r.stack, r.property])).toEqual([
      ["e2e", "displayName"],
      ["e2e", "tags.owner"],
    ]);
    expect(baseline.rules.every((r) => r.reason.startsWith("TODO") && /^\d{4}-\d{2}-\d{2}$/.test(r.expires))).toBe(
      true,
    );
    const passing = await drift();
    expect(passing.code).toBe(0);
    expect(passing.report.rules.every((r) => r.status === "matched")).toBe(true);
    fs.rmSync(ignoreFile());
  }, 240_000);

  it("tells program changes not yet applied (3) from console changes (2) and both (4)", async () => {
    await program.stack.up({ refresh: true });
    expect((await drift()).code).toBe(0);

    await program.stack.setConfig("alphaDisplayName", { value: "Alpha on this branch" });
    // By default the program is not run: a program change alone is no drift.
    const driftOnly = await drift();
    expect(driftOnly.code).toBe(0);
    expect(driftOnly.report.stacks[0]).toMatchObject({ pendingChangesChecked: false, pendingChanges: [] });
    const pending = await drift("--pending-changes");
    expect(pending.code).toBe(3);
    expectValidReport(pending.report);
    expect(pending.report.stacks[0]).toMatchObject({
      status: "pending-changes",
      pendingChangesChecked: true,
      drifted: [],
    });
    expect(pending.report.stacks[0].pendingChanges).toEqual([
      expect.objectContaining({ type: "appstream:Stack", name: "alpha", op: "update", properties: ["displayName"] }),
    ]);

    await rename(names.beta, "Beta, renamed by hand");
    const both = await drift("--pending-changes");
    expect(both.code).toBe(4);
    expect(both.report.stacks[0].status).toBe("drift-and-pending-changes");
    expect(both.report.stacks[0].drifted.map((d) => d.name)).toEqual(["beta"]);
    expect(both.markdown).toContain("Program changes not yet applied");

    await program.stack.removeConfig("alphaDisplayName");
    const consoleOnly = await drift("--pending-changes");
    expect(consoleOnly.code).toBe(2);
    expect(consoleOnly.report.stacks[0].pendingChanges).toEqual([]);
  }, 300_000);
});
