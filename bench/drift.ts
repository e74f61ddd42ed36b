// The drift command on a stack of 300 resources against a plain `pulumi refresh --preview-only` of
// it: what the state export and the report cost on top of the refresh, and with --pending-changes
// what the program's run adds. All run as a user runs them, as processes, alternating, median of each.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { startEmulator } from "../emulator";
import { programStack, repoRoot } from "../test/helpers/pulumi-stack";
import { setUp } from "./scale";

const run = promisify(execFile);

export interface DriftBenchRow {
  resources: number;
  refreshPreviewOnlySeconds: number;
  /** A plain `pulumi preview`: the program's run, which the pending-changes check cannot do without. */
  previewSeconds: number;
  /** The drift command as it runs by default: the refresh side of the check only. */
  driftSeconds: number;
  driftRatio: number;
  /** With --pending-changes: the preview without refresh beside the refresh. */
  driftWithPendingSeconds: number;
  driftWithPendingRatio: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function driftBench(resources = 300, repetitions = 3): Promise<DriftBenchRow> {
  const emulator = await startEmulator({ port: 0, transitionMs: 0 });
  const ours = await programStack("bench/programs/scale", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
    count: String(resources),
  });
  const env = { ...process.env, ...ours.env };
  const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
  // Exit code 0 (clean) is the only success here: the stack was just deployed.
  const drift = (...extra: string[]) =>
    run(process.execPath, [bin, "drift", "--stack", "e2e", "--cwd", ours.programDir, ...extra], {
      env,
      maxBuffer: 64 << 20,
    });
  const preview = () =>
    run("pulumi", ["preview", "--non-interactive", "--stack", "e2e", "--cwd", ours.programDir], {
      env,
      maxBuffer: 64 << 20,
    });
  const refresh = () =>
    run("pulumi", ["refresh", "--preview-only", "--non-interactive", "--stack", "e2e", "--cwd", ours.programDir], {
      env,
      maxBuffer: 64 << 20,
    });
  try {
    await setUp(ours);
    const samples = {
      refresh: [] as number[],
      preview: [] as number[],
      drift: [] as number[],
      driftWithPending: [] as number[],
    };
    for (let i = 0; i < repetitions; i++) {
      samples.refresh.push(await timed(refresh));
      samples.preview.push(await timed(preview));
      samples.drift.push(await timed(() => drift()));
      samples.driftWithPending.push(await timed(() => drift("--pending-changes")));
    }
    const [r, p, d, w] = [samples.refresh, samples.preview, samples.drift, samples.driftWithPending].map(median);
    return {
      resources,
      refreshPreviewOnlySeconds: round(r),
      previewSeconds: round(p),
      driftSeconds: round(d),
      driftRatio: round(d / r),
      driftWithPendingSeconds: round(w),
      driftWithPendingRatio: round(w / r),
    };
  } finally {
    // No destroy: the endpoint and the backend are private to the run.
    await ours.cleanup();
    await emulator.close();
  }
}

/** docs/benchmarks.md's section on the drift command. */
export function driftSection(row: DriftBenchRow): string {
  return `## 5. The drift command at scale

\`pulumi-aws-euc drift\` on a stack of ${row.resources} AppStream stacks against a plain \`pulumi refresh
--preview-only\` of it, all run as processes (seconds of wall time, median of three alternating
runs). By default the drift command runs two \`pulumi\` processes side by side, the preview-only
refresh and a state export, with Node's compile cache and without the Automation API. With
\`--pending-changes\` it also runs a preview without refresh (program changes not yet applied; its
program runs with \`--stack-trace-limit=0\`). Target: the drift command within 1.5x of the refresh.

| resources | refresh --preview-only (s) | preview (s) | drift (s) | ratio | drift --pending-changes (s) | ratio |
| --- | --- | --- | --- | --- | --- | --- |
| ${row.resources} | ${row.refreshPreviewOnlySeconds} | ${row.previewSeconds} | ${row.driftSeconds} | ${row.driftRatio} | ${row.driftWithPendingSeconds} | ${row.driftWithPendingRatio} |
`;
}

if (require.main === module) {
  void driftBench(Number(process.argv[2]) || undefined).then((row) => {
    console.table([row]);
    console.log(driftSection(row));
  });
}
