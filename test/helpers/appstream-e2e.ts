// What the AppStream end-to-end tests of directory configs, users, associations and stack members
// share: the mutating calls the endpoint logged, the resources a preview would change, and the drift
// command as CI runs it (the package's bin).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../../emulator";
import type { DriftReport } from "../../provider/cli/report";
import { repoRoot, type ProgramStack } from "./pulumi-stack";

/** The mutating AppStream calls since the last reset, in order (only `operations` when given). */
export async function mutations(emulator: RunningEmulator, operations?: string[]): Promise<string[]> {
  const log = (await emulator.control.calls()).log.filter((e) => e.mutating && e.service === "appstream");
  return log.map((e) => e.operation).filter((op) => operations === undefined || operations.includes(op));
}

/** What a preview or up would do to each dynamic resource, with the properties it names. */
export function diffs(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same" && m.type.includes("dynamic"))
      out[`${m.op} ${m.type.split(":").pop()}`] = m.diffs ?? m.keys ?? [];
  }
  return out;
}

/** Runs `pulumi-aws-euc drift` on the program's stack: its exit code and JSON report. */
export async function driftCheck(program: ProgramStack): Promise<{ code: number; report: DriftReport }> {
  const json = path.join(program.programDir, "drift.json");
  fs.rmSync(json, { force: true });
  const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
  const code = await promisify(execFile)(
    process.execPath,
    [bin, "drift", "--stack", "e2e", "--cwd", program.programDir, "--json", json],
    {
      env: { ...process.env, ...program.env },
    },
  ).then(
    () => 0,
    (e: { code: number }) => e.code,
  );
  return { code, report: JSON.parse(fs.readFileSync(json, "utf8")) as DriftReport };
}

/** `pulumi stack export` as a user runs it (secrets stay ciphertext), and the checkpoint file itself. */
export async function exportedState(
  program: ProgramStack,
  project: string,
): Promise<{ exported: string; checkpoint: string }> {
  const exported = await promisify(execFile)(
    "pulumi",
    ["stack", "export", "--stack", "e2e", "--cwd", program.programDir],
    { env: { ...process.env, ...program.env } },
  );
  const checkpoint = fs.readFileSync(path.join(program.backendDir, `.pulumi/stacks/${project}/e2e.json`), "utf8");
  return { exported: exported.stdout, checkpoint };
}
