// What the e2e tests of AppStream's elastic-fleet types share: the endpoint and a stack of the
// appstream-apps program, the mutating calls made, the properties a preview changes, and the drift
// command as CI runs it.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { DriftReport } from "../../provider/cli/report";
import { configValues, programStack, repoRoot, type ProgramStack } from "./pulumi-stack";

export interface AppsStack {
  emulator: RunningEmulator;
  program: ProgramStack;
  /** Sets config values; objects and lists as JSON. */
  set(values: Record<string, unknown>): Promise<void>;
  /** The mutating AppStream calls since the last reset, in order. */
  mutations(): Promise<string[]>;
  /** The resources a preview would change, with the properties it names. */
  previewDiffs(): Promise<Record<string, string[]>>;
  drift(): Promise<{ code: number; report: DriftReport }>;
  close(): Promise<void>;
}

export async function appsStack(config: Record<string, unknown>): Promise<AppsStack> {
  const emulator = await startEmulator({ port: 0, transitionMs: 20 });
  const program = await programStack("test/e2e/programs/appstream-apps", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
  // One CLI call for the keys to set and one for those to remove, rather than one per key.
  const set = async (values: Record<string, unknown>) => {
    const entries = Object.entries(values);
    const removed = entries.filter(([, value]) => value === undefined).map(([key]) => key);
    const kept = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
    if (Object.keys(kept).length > 0) await program.stack.setAllConfig(configValues(kept));
    if (removed.length > 0) await program.stack.removeAllConfig(removed);
  };
  await set(config);
  return {
    emulator,
    program,
    set,
    async mutations() {
      return (await emulator.control.calls()).log
        .filter((e) => e.mutating && e.service === "appstream")
        .map((e) => e.operation);
    },
    async previewDiffs() {
      const events: EngineEvent[] = [];
      await program.stack.preview({ onEvent: (e) => events.push(e) });
      const out: Record<string, string[]> = {};
      for (const e of events) {
        const m = e.resourcePreEvent?.metadata;
        if (m && m.op !== "same" && m.type.includes("dynamic"))
          out[`${m.op} ${m.type.split(":").pop()}`] = m.diffs ?? [];
      }
      return out;
    },
    async drift() {
      const json = path.join(program.programDir, "drift.json");
      const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
      const code = await promisify(execFile)(
        process.execPath,
        [bin, "drift", "--stack", "e2e", "--cwd", program.programDir, "--json", json],
        { env: { ...process.env, ...program.env } },
      ).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
      return { code, report: JSON.parse(fs.readFileSync(json, "utf8")) as DriftReport };
    },
    async close() {
      await program.stack.destroy().catch(() => undefined);
      await program.cleanup();
      await emulator.close();
    },
  };
}
