// Table 3: preview and refresh of stacks of 10, 100 and 300 resources, against the floor of the same
// number of dynamic resources that do nothing: how the provider's cost grows with the stack.
import { startEmulator } from "../emulator";
import { programStack } from "../test/helpers/pulumi-stack";

export interface ScaleRow {
  resources: number;
  previewSeconds: number;
  floorPreviewSeconds: number;
  previewRatio: number;
  refreshSeconds: number;
  floorRefreshSeconds: number;
  refreshRatio: number;
  refreshApiCalls: number;
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function scale(sizes = [10, 100, 300], repetitions = 3): Promise<ScaleRow[]> {
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
        await ours.stack.up();
        await floor.stack.up();
        // Alternating runs, median of each: a shared machine's noise moves single runs by 10-20%.
        const samples = {
          preview: [] as number[],
          floorPreview: [] as number[],
          refresh: [] as number[],
          floorRefresh: [] as number[],
        };
        let refreshApiCalls = 0;
        for (let run = 0; run < repetitions; run++) {
          samples.preview.push(await timed(() => ours.stack.preview()));
          samples.floorPreview.push(await timed(() => floor.stack.preview()));
          await emulator.control.resetCalls();
          samples.refresh.push(await timed(() => ours.stack.refresh()));
          refreshApiCalls = Object.values((await emulator.control.calls()).counts).reduce((a, b) => a + b, 0);
          samples.floorRefresh.push(await timed(() => floor.stack.refresh()));
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
        });
      } finally {
        await ours.stack.destroy().catch(() => undefined);
        await floor.stack.destroy().catch(() => undefined);
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
