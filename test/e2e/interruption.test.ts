// The interruption sweep of a small program's first `up`: for every mutating call of a clean `up`,
// named by operation and occurrence (the k-th CreateStack, ...), run the `up` again from scratch,
// hold that call at the endpoint (applied or not), SIGKILL the CLI and its plugins there, then
// recover as a user would, doing what the CLI says, and `up` again. The world must then hold exactly
// the program's resources: no duplicate, no orphan. Holding by operation rather than call number
// interrupts every operation whatever order parallel steps reach the endpoint in. The full
// example's three runs are swept by `npm run sweep` (test/e2e/sweep, docs/interruption-sweep.md).
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { ResourceRecord } from "../../emulator/core/types";
import { programStack, repoRoot, type ProgramStack } from "../helpers/pulumi-stack";
import { killSession } from "./sweep/kill-tree";

const program = process.env.EUC_SWEEP_PROGRAM ?? "test/e2e/programs/interrupt-small";
const managedKinds = new Set([
  "nimble:Studio",
  "nimble:LaunchProfile",
  "nimble:StreamingSession",
  "appstream:Stack",
  "appstream:Fleet",
  "appstream:ImageBuilder",
  "thinclient:Environment",
]);

/** Interruptions run at once; each holds one CLI run and its plugins. */
const sideBySide = 3;

interface SweepRow {
  occurrence: number;
  operation: string;
  when: "before" | "after";
  recovery: string;
  outcome: string;
}

/** Runs the CLI without blocking this process, which also serves the endpoint the CLI talks to. */
function pulumi(p: ProgramStack, args: string[]): Promise<{ ok: boolean; output: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      "pulumi",
      [...args, "--stack", "e2e", "--non-interactive"],
      { cwd: p.programDir, env: { ...process.env, ...p.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}\n${stderr}`, stdout }),
    );
  });
}

function stateOf(record: ResourceRecord): string {
  const state = record.attributes.state ?? record.attributes.State;
  return typeof state === "string" ? state : "";
}

function live(records: ResourceRecord[]): string[] {
  return records
    .filter((r) => managedKinds.has(r.kind) && !["DELETED", "DELETE_IN_PROGRESS"].includes(stateOf(r)))
    .map((r) => `${r.kind} ${r.id}`)
    .sort();
}

async function inState(p: ProgramStack): Promise<string[]> {
  const exported = JSON.parse((await pulumi(p, ["stack", "export"])).stdout) as {
    deployment: { resources: Array<{ type: string; id?: string }> };
  };
  return exported.deployment.resources
    .filter(
      (r) =>
        r.type.startsWith("pulumi-nodejs:dynamic/") && managedKinds.has(r.type.replace("pulumi-nodejs:dynamic/", "")),
    )
    .map((r) => `${r.type.replace("pulumi-nodejs:dynamic/", "")} ${String(r.id).split("/").pop()}`)
    .sort();
}

/** What a user does after a killed `up`: read the CLI's complaint and do what it says, until up works. */
async function recover(p: ProgramStack): Promise<string[]> {
  const steps: string[] = [];
  for (let round = 0; round < 5; round++) {
    const up = await pulumi(p, ["up", "--yes", "--skip-preview"]);
    if (up.ok) return [...steps, "up"];
    if (/currently locked/.test(up.output)) {
      steps.push("cancel");
      await pulumi(p, ["cancel", "--yes"]);
    } else if (/pending operations|interrupted while creating|--clear-pending-creates|pulumi refresh/.test(up.output)) {
      steps.push("refresh --clear-pending-creates");
      await pulumi(p, ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
    } else if (/failed to load checkpoint/.test(up.output)) {
      // The file backend's checkpoint was cut mid-write by the kill; the backend keeps the previous one.
      steps.push("restore checkpoint backup");
      const file = path.join(p.backendDir, ".pulumi/stacks", readProjectName(p), "e2e.json");
      fs.copyFileSync(`${file}.bak`, file);
    } else {
      throw new Error(`up failed after ${steps.join(", ") || "nothing"}:\n${up.output.slice(-2000)}`);
    }
  }
  throw new Error(`no recovery after ${steps.join(", ")}`);
}

function readProjectName(p: ProgramStack): string {
  return /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(p.programDir, "Pulumi.yaml"), "utf8"))?.[1] ?? "";
}

async function withWorld<T>(work: (emulator: RunningEmulator, p: ProgramStack) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0, transitionMs: 30 });
  const p = await programStack(program, { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
  try {
    return await work(emulator, p);
  } finally {
    await p.cleanup();
    await emulator.close();
  }
}

async function interruptAt(
  service: string,
  operation: string,
  occurrence: number,
  when: "before" | "after",
): Promise<SweepRow> {
  return withWorld(async (emulator, p) => {
    await emulator.control.holdOperation(operation, occurrence, when, service);
    const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "e2e"], {
      cwd: p.programDir,
      env: { ...process.env, ...p.env },
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let ended = false;
    void exited.then(() => {
      ended = true;
    });
    let held = false;
    // Until the call is held, or the run ends without making it.
    while (!held && !ended) {
      held = (await emulator.control.blocked()).blocked;
      if (!held) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    held ||= (await emulator.control.blocked()).blocked;
    const name = `${service}:${operation}`;
    if (!held) return { occurrence, operation: name, when, recovery: "", outcome: "call never reached" };
    killSession(child.pid as number);
    await exited;
    await emulator.control.unblock();
    const steps = await recover(p);
    const world = live(await emulator.control.resources());
    const state = await inState(p);
    // A duplicate would be a second live resource that the stack does not know: an orphan.
    const orphans = world.filter((w) => !state.includes(w));
    const missing = state.filter((s) => !world.includes(s));
    const outcome =
      orphans.length === 0 && missing.length === 0
        ? `ok: ${world.length} resources, 0 orphans`
        : `orphans: ${orphans.join(", ") || "none"}; missing: ${missing.join(", ") || "none"}`;
    return { occurrence, operation: name, when, recovery: steps.join(" -> "), outcome };
  });
}

describe("interrupting `pulumi up` at every mutating call", () => {
  it("recovers to exactly the program's resources after a SIGKILL at each call, applied or not", async () => {
    const calls = await withWorld(async (emulator, p) => {
      await emulator.control.resetCalls();
      expect((await pulumi(p, ["up", "--yes", "--skip-preview"])).ok).toBe(true);
      return (await emulator.control.calls()).log.filter((e) => e.mutating);
    });
    expect(calls.length).toBeGreaterThan(3);
    // Each call of the clean run as (operation, occurrence): the k-th call of that operation.
    const seen = new Map<string, number>();
    const holds = calls.map((e) => {
      const key = `${e.service}:${e.operation}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return { service: e.service, operation: e.operation, occurrence: seen.get(key) ?? 1 };
    });
    // Each interruption runs in a world of its own (endpoint, backend, program copy), so a few run
    // side by side: most of a run is waiting on the CLI's processes and the endpoint's transitions.
    const cases = (["after", "before"] as const).flatMap((when) => holds.map((h) => ({ ...h, when })));
    const rows: SweepRow[] = new Array<SweepRow>(cases.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: sideBySide }, async () => {
        for (let i = next++; i < cases.length; i = next++) {
          const c = cases[i];
          rows[i] = await interruptAt(c.service, c.operation, c.occurrence, c.when);
        }
      }),
    );
    const table = [
      "| operation | occurrence | held | recovery | outcome |",
      "| --- | --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r.operation} | ${r.occurrence} | ${r.when} | ${r.recovery} | ${r.outcome} |`),
    ].join("\n");
    fs.mkdirSync(path.join(repoRoot, ".pulumi-local"), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, ".pulumi-local/interruption-sweep.md"), `${table}\n`);
    console.log(table);
    // Every (operation, occurrence) of the clean run is reached, before and after, and recovered.
    expect(rows.filter((r) => !r.outcome.startsWith("ok"))).toEqual([]);
    expect(rows.length).toBe(2 * calls.length);
  }, 1_800_000);
});
