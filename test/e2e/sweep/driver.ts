// The interruption sweeps: for each run of the sweep program (a first `up`, an `up` that changes
// every resource type, a `destroy`), every mutating operation of an uninterrupted run is held at
// each of its occurrences, before and after the endpoint applies it; the CLI and its plugins are
// SIGKILLed there, the stack is recovered by doing what the CLI's own messages say, the command is
// run again, and the endpoint's world is compared with the program's intent.
//
// Each interruption starts from a copy of the run's starting point (the endpoint's world restored
// through the control API, the stack's file backend and config copied) instead of replaying the
// runs before it, on its own endpoint and state directories.
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import type { WorldSnapshot } from "../../../emulator/control-client";
import type { ResourceRecord } from "../../../emulator/core/types";
import { repoRoot } from "../../helpers/pulumi-stack";
import { intentViolations, type Phase } from "./intent";
import { killSession, survivorsOf } from "./kill-tree";

export type RunName = "up" | "update" | "destroy";
export const RUNS: RunName[] = ["up", "update", "destroy"];
export const SWEEP_PROGRAM = "test/e2e/programs/sweep-full";
const STACK = "e2e";
const TRANSITION_MS = 30;

interface RunSpec {
  command: "up" | "destroy";
  phase: Phase;
  /** What the world must hold after the run: the program's resources in the phase, or what destroy keeps. */
  intent: Phase | "destroyed";
}

const RUN_SPECS: Record<RunName, RunSpec> = {
  up: { command: "up", phase: "initial", intent: "initial" },
  update: { command: "up", phase: "changed", intent: "changed" },
  destroy: { command: "destroy", phase: "changed", intent: "destroyed" },
};

/** A stack and an endpoint world to start a run from. */
export interface StartPoint {
  world: WorldSnapshot;
  /** A copy of the file backend's directory. */
  backendDir: string;
  /** Pulumi.<stack>.yaml (config and the passphrase's salt). */
  stackConfig: string;
}

export interface Hold {
  service: string;
  operation: string;
  occurrence: number;
  when: "before" | "after";
}

export interface SweepRow extends Hold {
  recovery: string;
  outcome: string;
  ok: boolean;
  seconds: number;
  counts: Counts;
}

export interface Counts {
  duplicates: number;
  orphans: number;
  outOfDesiredState: number;
  missing: number;
}

export interface Baseline {
  run: RunName;
  start: StartPoint;
  /** Mutating operations of the uninterrupted run with how many times each was called, in first-call order. */
  operations: Array<{ service: string; operation: string; count: number }>;
}

interface Workspace {
  emulator: RunningEmulator;
  programDir: string;
  env: Record<string, string>;
  backendDir: string;
  dispose(): Promise<void>;
}

interface CliResult {
  ok: boolean;
  output: string;
  stdout: string;
}

function cli(ws: Workspace, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      "pulumi",
      [...args, "--stack", STACK, "--non-interactive"],
      { cwd: ws.programDir, env: { ...process.env, ...ws.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}\n${stderr}`, stdout }),
    );
  });
}

function commandArgs(command: "up" | "destroy"): string[] {
  return [command, "--yes", "--skip-preview"];
}

/** A private endpoint, program copy, backend and PULUMI_HOME, set to `start` (or a new stack). */
async function workspace(start: StartPoint | undefined, phase: Phase): Promise<Workspace> {
  const emulator = await startEmulator({ port: 0, transitionMs: TRANSITION_MS });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-sweep-"));
  const backendDir = path.join(scratch, "backend");
  const pulumiHome = path.join(scratch, "home");
  fs.mkdirSync(pulumiHome);
  // Inside the repository, so the package and @pulumi/pulumi resolve from its node_modules.
  const programDir = fs.mkdtempSync(path.join(repoRoot, "test/e2e/.work-"));
  fs.cpSync(path.resolve(repoRoot, SWEEP_PROGRAM), programDir, { recursive: true });
  const env: Record<string, string> = {
    // metadata=skip: the file backend otherwise rewrites a sidecar (<stack>.json.attrs) in place
    // beside each checkpoint, and a kill mid-write leaves it empty, after which every command fails
    // with "failed to load checkpoint: EOF" (docs/interruption-sweep.md).
    PULUMI_BACKEND_URL: `file://${backendDir}?metadata=skip`,
    PULUMI_HOME: pulumiHome,
    PULUMI_CONFIG_PASSPHRASE: "sweep-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    // The endpoint's transitions take milliseconds here; learning them into the machine's wait
    // history would make a later run against real-length transitions poll as if they were as short.
    PULUMI_AWS_EUC_WAIT_HISTORY: process.env.PULUMI_AWS_EUC_WAIT_HISTORY ?? "off",
  };
  const ws: Workspace = {
    emulator,
    programDir,
    env,
    backendDir,
    async dispose() {
      await emulator.close();
      fs.rmSync(scratch, { recursive: true, force: true });
      fs.rmSync(programDir, { recursive: true, force: true });
    },
  };
  const configFile = path.join(programDir, `Pulumi.${STACK}.yaml`);
  if (start) {
    fs.cpSync(start.backendDir, backendDir, { recursive: true });
    fs.writeFileSync(configFile, start.stackConfig);
    await emulator.control.restoreWorld(start.world);
  } else {
    fs.mkdirSync(backendDir);
    const init = await new Promise<CliResult>((resolve) =>
      execFile(
        "pulumi",
        ["stack", "init", STACK, "--non-interactive"],
        { cwd: programDir, env: { ...process.env, ...env } },
        (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}\n${stderr}`, stdout }),
      ),
    );
    if (!init.ok) throw new Error(`pulumi stack init failed:\n${init.output}`);
  }
  const doc = YAML.parseDocument(fs.existsSync(configFile) ? fs.readFileSync(configFile, "utf8") : "");
  doc.setIn(["config", "aws-euc:endpoint"], emulator.url);
  doc.setIn(["config", "aws:region"], "us-west-2");
  doc.setIn(["config", "sweep:phase"], phase);
  fs.writeFileSync(configFile, doc.toString());
  return ws;
}

/** Saves where a workspace stands now, as the start point of the next run. */
async function capture(ws: Workspace, into: string): Promise<StartPoint> {
  fs.rmSync(into, { recursive: true, force: true });
  fs.cpSync(ws.backendDir, into, { recursive: true });
  const world = await ws.emulator.control.snapshotWorld();
  // Beside the copied backend, for whoever reads a failed row's starting point.
  fs.writeFileSync(path.join(into, "world.json"), JSON.stringify(world, null, 1));
  return {
    world,
    backendDir: into,
    stackConfig: fs.readFileSync(path.join(ws.programDir, `Pulumi.${STACK}.yaml`), "utf8"),
  };
}

/**
 * Runs the three runs uninterrupted, one after the other: each one's call log names the operations to
 * hold, and the world and stack before it are its start point.
 */
export async function baselines(runs: RunName[], keepDir: string): Promise<Baseline[]> {
  const out: Baseline[] = [];
  let start: StartPoint | undefined;
  const last = Math.max(...runs.map((r) => RUNS.indexOf(r)));
  for (const run of RUNS.slice(0, last + 1)) {
    const spec = RUN_SPECS[run];
    const ws = await workspace(start, spec.phase);
    try {
      const startPoint = start ?? (await capture(ws, path.join(keepDir, `start-${run}`)));
      await ws.emulator.control.resetCalls();
      const result = await cli(ws, commandArgs(spec.command));
      if (!result.ok) throw new Error(`the uninterrupted ${run} failed:\n${result.output.slice(-3000)}`);
      const violations = intentViolations(spec.intent, await ws.emulator.control.resources(), await stateResources(ws));
      if (violations.messages.length > 0)
        throw new Error(
          `the uninterrupted ${run} does not reach the program's intent:\n${violations.messages.join("\n")}`,
        );
      const { log } = await ws.emulator.control.calls();
      const operations: Baseline["operations"] = [];
      for (const entry of log.filter((e) => e.mutating)) {
        const known = operations.find((o) => o.service === entry.service && o.operation === entry.operation);
        if (known) known.count += 1;
        else operations.push({ service: entry.service, operation: entry.operation, count: 1 });
      }
      if (runs.includes(run)) out.push({ run, start: startPoint, operations });
      start = await capture(ws, path.join(keepDir, `after-${run}`));
    } finally {
      await ws.dispose();
    }
  }
  return out;
}

export function holdsOf(baseline: Baseline): Hold[] {
  const holds: Hold[] = [];
  for (const when of ["before", "after"] as const) {
    for (const { service, operation, count } of baseline.operations) {
      for (let occurrence = 1; occurrence <= count; occurrence++) holds.push({ service, operation, occurrence, when });
    }
  }
  return holds;
}

export interface StateResource {
  kind: string;
  id: string;
  urn: string;
  outputs: Record<string, unknown>;
}

async function stateResources(ws: Workspace): Promise<StateResource[]> {
  const exported = await cli(ws, ["stack", "export"]);
  if (!exported.ok) throw new Error(`pulumi stack export failed:\n${exported.output}`);
  const deployment = (
    JSON.parse(exported.stdout) as {
      deployment: { resources?: Array<{ type: string; id?: string; urn: string; outputs?: Record<string, unknown> }> };
    }
  ).deployment;
  return (deployment.resources ?? [])
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((r) => ({
      kind: r.type.replace("pulumi-nodejs:dynamic/", ""),
      id: String(r.id ?? ""),
      urn: r.urn,
      outputs: r.outputs ?? {},
    }));
}

/**
 * What a user does after a killed run: run the command again, and when the CLI refuses, do exactly
 * what its message says, until the command succeeds. Each step is named as the CLI worded it.
 */
async function recover(ws: Workspace, command: "up" | "destroy"): Promise<string[]> {
  const steps: string[] = [];
  for (let round = 0; round < 6; round++) {
    const result = await cli(ws, commandArgs(command));
    // A run that succeeds but warns of operations the killed one left pending says so in the row.
    steps.push(
      result.ok && /pending operation/i.test(result.output) ? `${command} (warned of pending operations)` : command,
    );
    if (result.ok) return steps;
    const advice = adviceOf(result.output);
    if (!advice) throw new RecoveryError(steps, result.output);
    steps.push(advice.join(" "));
    const followed = await cli(ws, advice.slice(1));
    if (!followed.ok) throw new RecoveryError(steps, followed.output);
  }
  throw new RecoveryError(steps, "the command still fails");
}

class RecoveryError extends Error {
  constructor(
    readonly steps: string[],
    output: string,
  ) {
    super(`no recovery after ${steps.join(" -> ")}:\n${output.slice(-2500)}`);
  }
}

/**
 * The command the CLI's message tells the user to run. A lock left by the killed process names
 * `pulumi cancel`; operations left pending name `pulumi refresh`, which the CLI says must clear
 * pending creates (interactively, or with --clear-pending-creates when non-interactive).
 */
export function adviceOf(output: string): string[] | undefined {
  if (/currently locked/.test(output) && /pulumi cancel/.test(output)) return ["pulumi", "cancel", "--yes"];
  if (/pending (create )?operations?/i.test(output) && /pulumi refresh/.test(output)) {
    const args = ["pulumi", "refresh", "--yes", "--skip-preview"];
    if (/--clear-pending-creates/.test(output)) args.push("--clear-pending-creates");
    return args;
  }
  return undefined;
}

async function heldWithin(ws: Workspace, exited: Promise<number | null>): Promise<boolean> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  for (;;) {
    if ((await ws.emulator.control.blocked()).blocked) return true;
    if (done) return (await ws.emulator.control.blocked()).blocked;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One interruption: start from the run's start point, hold, kill, recover, compare with the intent. */
export async function interrupt(baseline: Baseline, hold: Hold): Promise<SweepRow> {
  const started = Date.now();
  const spec = RUN_SPECS[baseline.run];
  const ws = await workspace(baseline.start, spec.phase);
  const row = (recovery: string, outcome: string, ok: boolean, counts: Counts): SweepRow => ({
    ...hold,
    recovery,
    outcome,
    ok,
    counts,
    seconds: Math.round((Date.now() - started) / 1000),
  });
  const zero: Counts = { duplicates: 0, orphans: 0, outOfDesiredState: 0, missing: 0 };
  try {
    await ws.emulator.control.holdOperation(hold.operation, hold.occurrence, hold.when, hold.service);
    const child = spawn("pulumi", [...commandArgs(spec.command), "--non-interactive", "--stack", STACK], {
      cwd: ws.programDir,
      env: { ...process.env, ...ws.env },
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const held = await heldWithin(ws, exited);
    if (!held) return row("", "the call was not reached: the run ended first", false, zero);
    const leader = child.pid as number;
    killSession(leader);
    await exited;
    // A killed process takes a moment to exit; one still alive then would act for the "crashed" run.
    let survivors = survivorsOf(leader);
    for (let i = 0; i < 400 && survivors.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      survivors = survivorsOf(leader);
    }
    if (survivors.length > 0) throw new Error(`processes ${survivors.join(", ")} of the killed run survived the kill`);
    await ws.emulator.control.unblock();
    let steps: string[];
    try {
      steps = await recover(ws, spec.command);
    } catch (err) {
      if (err instanceof RecoveryError)
        return row(
          err.steps.join(" -> "),
          `recovery failed: ${err.message.split("\n").slice(-6).join(" ").slice(0, 400)}`,
          false,
          zero,
        );
      throw err;
    }
    const result = intentViolations(spec.intent, await ws.emulator.control.resources(), await stateResources(ws));
    const ok = result.messages.length === 0;
    return row(steps.join(" -> "), ok ? `ok: ${result.summary}` : result.messages.join("; "), ok, result.counts);
  } finally {
    await ws.dispose();
  }
}

export interface SweepReport {
  run: RunName;
  rows: SweepRow[];
  seconds: number;
  /** How many interruptions the sweep has in all (more than rows while it runs). */
  of: number;
}

export function renderSection(report: SweepReport): string {
  const total = (key: keyof Counts) => report.rows.reduce((n, r) => n + r.counts[key], 0);
  const okRows = report.rows.filter((r) => r.ok).length;
  const lines = [
    `<!-- sweep:${report.run} -->`,
    `## ${report.run === "up" ? "First `up`" : report.run === "update" ? "`up` that changes every resource type" : "`destroy`"}`,
    "",
    "| operation | occurrence | held | recovery | outcome | s |",
    "| --- | --- | --- | --- | --- | --- |",
    ...report.rows.map(
      (r) =>
        `| ${r.service}:${r.operation} | ${r.occurrence} | ${r.when} | ${r.recovery} | ${r.outcome.replace(/\|/g, "\\|")} | ${r.seconds} |`,
    ),
    "",
    `${report.rows.length < report.of ? `Partial: ${report.rows.length} of ${report.of} interruptions` : `${report.rows.length} interruptions`}, ${okRows} ok; ${total("duplicates")} duplicates, ${total("orphans")} orphans, ${total("outOfDesiredState")} resources out of their desired state, ${total("missing")} missing; wall time ${report.seconds} s (${new Date().toISOString().slice(0, 10)}).`,
    `<!-- /sweep:${report.run} -->`,
  ];
  return lines.join("\n");
}

const DOC_HEAD = `# Interruption sweeps of the full example

\`npm run sweep -- --run up|update|destroy\` (any of them, all three when none is named; \`--operations service:Operation,...\` to sweep only those operations; \`--hold service:Operation:occurrence:before|after\` for one interruption, printed; \`--resume\` continues a sweep cut short from the rows it saved in .pulumi-local; \`--render\` rewrites this file from those rows, for sweeps of different runs run side by side) regenerates this file's section of each run it sweeps. The program is \`${SWEEP_PROGRAM}\`: examples/full whose \`changed\` phase changes something of every resource type, with each kind of device and software set deleteBehaviour in use. The three runs are a first \`up\`, an \`up\` to the changed phase, and a \`destroy\` of the changed stack.

For each mutating operation of an uninterrupted run and each of its occurrences, the endpoint holds that call (before applying it, or after applying it but before answering), starting from the run's starting point (the endpoint's world restored through its control API and the stack's backend copied, not replayed). The CLI and its plugins are SIGKILLed there; the command is run again and, when the CLI refuses, the recovery is what its message says (\`pulumi cancel\` for the dead run's lock; \`pulumi refresh\`, with \`--clear-pending-creates\` when non-interactive, where it refuses over operations left pending), until the command succeeds. Pulumi v3.259 runs an \`up\` or \`destroy\` over operations a killed run left pending with a warning ("Attempting to deploy or update resources with N pending operations from previous deployment ... you can repair your stack using \`pulumi refresh\`"), not a refusal; such rows read "(warned of pending operations)", and the world is judged as that run left it, without the optional refresh. The outcome compares the endpoint's world with the program's intent (test/e2e/sweep/intent.ts): every resource once, in its desired state (fleet RUNNING with its instance type, session and image builder states, stream configuration, tags), nothing orphaned, nothing missing that the stack holds, and after the destroy only what deleteBehaviour keeps. The kill takes the CLI's whole session: Pulumi starts its language host and provider plugins in process groups of their own, and a provider left alive would finish the interrupted operation after the "crash"; a row where any process survives the kill fails.

The stack lives in a file backend opened with \`?metadata=skip\` (\`PULUMI_BACKEND_URL=file://<dir>?metadata=skip\`). The CLI writes each checkpoint to a temporary file and renames it, which a kill cannot tear, but by default the backend's storage layer (the Go CDK's fileblob) also rewrites a metadata sidecar, \`<stack>.json.attrs\`, in place; a kill in that moment leaves it empty, and from then on every command, \`pulumi stack export\` included, fails with "failed to load checkpoint: EOF" and no advice (an earlier update sweep lost its \`thinclient:TagResource\` 4 after row so). Nothing the CLI suggests recovers it: deleting the empty \`.attrs\` file does, and \`metadata=skip\` keeps the backend from writing sidecars at all, so the sweeps use it and the README recommends it for file backends.

\`thinclient:SoftwareSetValidation\` records the status it found at create, for a RESTORE destroy to put back. The stack records it only once the create answered, so before changing the status the create tags the software set with the status found (\`pulumi-aws-euc:previousValidationStatus\`), a create run again after a kill reads it back from there, and the destroy removes the tag; the outcome checks the status the stack remembers, and after the destroy that no software set keeps the tag.
`;

/** Replaces (or adds) each swept run's section of the doc, keeping the others, in run order. */
export function updateDoc(file: string, reports: SweepReport[]): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const sections = RUNS.map((run) => {
    const report = reports.find((r) => r.run === run);
    if (report) return renderSection(report);
    return new RegExp(`<!-- sweep:${run} -->[\\s\\S]*?<!-- /sweep:${run} -->`).exec(existing)?.[0];
  }).filter((section): section is string => section !== undefined);
  // The head is this file's to write; closing notes written by hand (measured figures) are kept.
  const notes = /<!-- notes -->[\s\S]*?<!-- \/notes -->/.exec(existing)?.[0];
  fs.writeFileSync(file, `${[DOC_HEAD.trimEnd(), ...sections, ...(notes ? [notes] : [])].join("\n\n")}\n`);
}

export type { ResourceRecord };
