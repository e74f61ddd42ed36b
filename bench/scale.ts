// Table 3: preview and refresh of stacks of 10, 100, 300 and 1,000 resources, against the floor of
// the same number of dynamic resources that do nothing: how the provider's cost grows with the stack,
// and the provider process's peak memory.
import * as fs from "node:fs";
import * as os from "node:os";
import { startEmulator } from "../emulator";
import { programStack, type ProgramStack } from "../test/helpers/pulumi-stack";

export interface ScaleRow {
  resources: number;
  previewSeconds: number;
  floorPreviewSeconds: number;
  previewRatio: number;
  refreshSeconds: number;
  floorRefreshSeconds: number;
  refreshRatio: number;
  refreshApiCalls: number;
  /** Peak resident memory (VmHWM) of the dynamic-provider process, the most over the previews and refreshes. */
  providerPeakMiB: number;
  floorProviderPeakMiB: number;
  /** Alternating runs of each, the median taken. */
  runs: number;
  /** The machine's 1-minute load average when the size's runs ended (2 cores). */
  loadAverage: number;
}

/** The process ids of `root`'s descendants, from /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name before it may hold spaces.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * Samples the peak resident memory of this process's dynamic-provider descendants (Pulumi's
 * pulumi-nodejs plugin, one per operation) while `work` runs. VmHWM only grows, so a sample every
 * 100 ms misses at most what the process added in its last 100 ms.
 */
async function withProviderPeak<T>(work: () => Promise<T>): Promise<{ result: T; peakKiB: number }> {
  let peakKiB = 0;
  const sample = () => {
    for (const pid of descendants(process.pid)) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("dynamic-provider")) continue;
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // Gone already.
      }
    }
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    return { result, peakKiB };
  } finally {
    clearInterval(timer);
  }
}

const peaks = { ours: 0, floor: 0 };

/** Seconds `work` takes, noting its provider process's peak memory under `whose`. */
async function timed<T>(work: () => Promise<T>, whose: keyof typeof peaks): Promise<number> {
  const started = process.hrtime.bigint();
  const { peakKiB } = await withProviderPeak(work);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peaks[whose] = Math.max(peaks[whose], peakKiB);
  return seconds;
}

/**
 * The `up` that makes a stack to preview and refresh, not measured. Pulumi writes the whole state
 * after each step on a file backend, which is quadratic in the stack's size (five minutes for 1,000
 * no-op resources on a loaded machine); PULUMI_SKIP_CHECKPOINTS writes it once, at the end.
 */
export async function setUp(program: ProgramStack): Promise<void> {
  // The Automation API passes the workspace's envVars to every CLI run it starts.
  const env = (program.stack.workspace as unknown as { envVars: Record<string, string> }).envVars;
  env.PULUMI_SKIP_CHECKPOINTS = "true";
  try {
    await program.stack.up();
  } finally {
    delete env.PULUMI_SKIP_CHECKPOINTS;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Alternating runs of ours and the floor at each size, the median of each: three where a run takes
 * seconds, one at 1,000 (a preview and refresh of 1,000 of each take minutes on a busy machine, and
 * `npm run bench` must fit in 20 minutes). Every ratio still compares runs of the same round.
 */
export const repetitionsAt = (resources: number) => (resources >= 1000 ? 1 : 3);

export async function scale(sizes = [10, 100, 300, 1000], repetitions = repetitionsAt): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const emulator = await startEmulator({ port: 0, transitionMs: 0 });
  try {
    for (const n of sizes) {
      const ours = await programStack("bench/programs/scale", {
        "aws-euc:endpoint": emulator.url,
        "aws:region": "us-west-2",
        count: String(n),
      });
      const floor = await programStack("bench/programs/noop-scale", { count: String(n) });
      try {
        await setUp(ours);
        await setUp(floor);
        peaks.ours = 0;
        peaks.floor = 0;
        // Alternating runs, median of each: a shared machine's noise moves single runs by 10-20%.
        const samples = {
          preview: [] as number[],
          floorPreview: [] as number[],
          refresh: [] as number[],
          floorRefresh: [] as number[],
        };
        let refreshApiCalls = 0;
        for (let run = 0; run < repetitions(n); run++) {
          samples.preview.push(await timed(() => ours.stack.preview(), "ours"));
          samples.floorPreview.push(await timed(() => floor.stack.preview(), "floor"));
          await emulator.control.resetCalls();
          samples.refresh.push(await timed(() => ours.stack.refresh(), "ours"));
          refreshApiCalls = Object.values((await emulator.control.calls()).counts).reduce((a, b) => a + b, 0);
          samples.floorRefresh.push(await timed(() => floor.stack.refresh(), "floor"));
        }
        const [previewSeconds, floorPreviewSeconds, refreshSeconds, floorRefreshSeconds] = [
          samples.preview,
          samples.floorPreview,
          samples.refresh,
          samples.floorRefresh,
        ].map(median);
        rows.push({
          resources: n,
          previewSeconds: round(previewSeconds),
          floorPreviewSeconds: round(floorPreviewSeconds),
          previewRatio: round(previewSeconds / floorPreviewSeconds),
          refreshSeconds: round(refreshSeconds),
          floorRefreshSeconds: round(floorRefreshSeconds),
          refreshRatio: round(refreshSeconds / floorRefreshSeconds),
          refreshApiCalls,
          providerPeakMiB: Math.round(peaks.ours / 1024),
          floorProviderPeakMiB: Math.round(peaks.floor / 1024),
          runs: repetitions(n),
          loadAverage: round(os.loadavg()[0]),
        });
      } finally {
        // No destroy: the in-process endpoint and the private backends go away with the run.
        await ours.cleanup();
        await floor.cleanup();
      }
    }
  } finally {
    await emulator.close();
  }
  return rows;
}

if (require.main === module) {
  void scale(
    process.argv.slice(2).map(Number).filter(Boolean).length ? process.argv.slice(2).map(Number) : undefined,
  ).then((rows) => console.table(rows));
}
