// The Pulumi CLI as the drift command runs it: each operation is one `pulumi` process, with its
// engine events read from the event log the CLI writes (the file the Automation API tails). The
// Automation API is not used here because it costs a drift run a fixed start-up the refresh it is
// compared with does not pay: loading it (about a CPU second), then `pulumi version` and `pulumi
// stack select` before the first operation, one after another. Every command below names its stack
// with --stack, so no stack is selected and no workspace setting is written.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";

export interface PulumiRun {
  cwd: string;
  env?: Record<string, string>;
}

/** A failed `pulumi` command; the message holds its stderr, which plainError cuts to the `error:` line. */
export class PulumiCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`pulumi ${args.join(" ")} failed\nstderr: ${stderr}`);
  }
}

/** Runs `pulumi ARGS --non-interactive` and gives its stdout. */
export function pulumi(args: string[], run: PulumiRun): Promise<string> {
  const fullArgs = [...args, "--non-interactive"];
  return new Promise((resolve, reject) => {
    execFile(
      "pulumi",
      fullArgs,
      { cwd: run.cwd, env: { ...process.env, ...run.env }, maxBuffer: 1 << 30 },
      (error, stdout, stderr) =>
        error ? reject(new PulumiCommandError(args, stderr || error.message)) : resolve(stdout),
    );
  });
}

/** Runs an engine operation (preview, refresh) and gives the engine events it logged, in order. */
export async function engineEvents(args: string[], run: PulumiRun): Promise<EngineEvent[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-aws-euc-drift-"));
  const log = path.join(dir, "events.jsonl");
  try {
    // --event-log is a flag the CLI shows only with PULUMI_DEBUG_COMMANDS (as the Automation API sets it).
    await pulumi([...args, "--event-log", log], { ...run, env: { ...run.env, PULUMI_DEBUG_COMMANDS: "true" } });
    return fs
      .readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as EngineEvent);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The project's stacks in `cwd`, by name. */
export async function listStacks(run: PulumiRun): Promise<string[]> {
  const stacks = JSON.parse(await pulumi(["stack", "ls", "--json"], run)) as { name: string }[];
  return stacks.map((s) => s.name);
}
