// `npm run bench`: the four tables of issue 9 against the in-process endpoint, printed and written
// to docs/benchmarks.md and docs/benchmarks.json. Figures, not assertions: machines are noisy.
import * as fs from "node:fs";
import * as path from "node:path";
import { footprint, sdkClientCaptureError, type FootprintRow } from "./footprint";
import { fullUps, type FullUpRow } from "./full-up";
import { scale, type ScaleRow } from "./scale";
import { waits, type WaitRow } from "./waits";

function markdownTable<T extends object>(rows: T[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const keys = Object.keys(rows[0]) as Array<keyof T>;
  const line = (cells: unknown[]) => `| ${cells.map((c) => (c === undefined ? "" : String(c))).join(" | ")} |`;
  return [line(keys as unknown[]), line(keys.map(() => "---")), ...rows.map((r) => line(keys.map((k) => r[k])))].join("\n") + "\n";
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (title: string) => console.log(`\n== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  log("4. pulumi up of the full example against its critical path");
  const transition = Number(process.env.BENCH_TRANSITION_SECONDS ?? 5);
  const upRuns: FullUpRow[] = await fullUps(transition);
  const exportedState = upRuns[upRuns.length - 1].exportedState;
  const up = upRuns.map(({ exportedState: _state, ...row }) => row);
  console.table(up);

  log("1. state footprint per resource");
  const sizes: FootprintRow[] = await footprint([exportedState]);
  const captureError = await sdkClientCaptureError();
  console.table(sizes);
  console.log(`a provider that captures an AWS SDK client: ${captureError}`);

  log("2. wait latency beyond readiness (simulated clock)");
  const waitRows: WaitRow[] = await waits();
  console.table(waitRows);

  log("3. preview and refresh at scale against no-op dynamic resources");
  const scaleRows: ScaleRow[] = await scale(process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : undefined);
  console.table(scaleRows);

  const results = { date: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000), footprint: sizes, sdkClientCapture: captureError, waits: waitRows, scale: scaleRows, fullUp: up };
  const docs = path.resolve(__dirname, "../docs");
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(docs, "benchmarks.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    path.join(docs, "benchmarks.md"),
    `# Benchmarks

Written by \`npm run bench\` on ${results.date} (${results.seconds} s), against the in-process local endpoint.
Ratios are against the baseline or floor named in each table; lower is better.

## 1. State footprint per resource

\`providerBytes\`: the \`__provider\` text in state (a \`require()\` of the installed package).
\`baselineProviderBytes\`: the obvious provider built at module level from the schema and the
engine's functions (bench/baseline), which the closure serializer inlines. State bytes per resource
come from the full example's exported stack. A provider that captures an AWS SDK client does not
serialize at all: \`${captureError}\`.

${markdownTable(sizes)}
## 2. Wait latency beyond readiness

Time from the endpoint marking a studio READY to create returning, and reads per wait, on a
simulated clock. Cold: the first wait of its kind on a machine (capped exponential backoff). Warm:
later waits, which know the usual duration (mean of three).

${markdownTable(waitRows)}
## 3. Preview and refresh at scale

AppStream stacks against the same number of dynamic resources that do nothing (seconds of wall time).

${markdownTable(scaleRows)}
## 4. \`pulumi up\` of the full example

Transitions of ${transition} s; the critical path is the sum of transition times along the longest
dependency chain (${up[0].longestChain}). The first run is a machine's first \`up\`: the provider
does not know yet how long each transition usually takes, so it polls with capped exponential
backoff. The second run has the first run's wait history, as every later \`up\` on a machine does.

${markdownTable(up)}`,
  );
  console.log(`\nwrote docs/benchmarks.md and docs/benchmarks.json in ${results.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
