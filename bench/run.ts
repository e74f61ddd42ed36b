// `npm run bench`: the four tables of issue 9 against the in-process endpoint, printed and written
// to docs/benchmarks.md and docs/benchmarks.json. Figures, not assertions: machines are noisy.
import * as fs from "node:fs";
import * as path from "node:path";
import { driftBench, driftSection } from "./drift";
import { footprint, sdkClientCaptureError, type FootprintRow } from "./footprint";
import { BEYOND_TARGET_SECONDS, fullUps, type FullUpRow } from "./full-up";
import { clientRateBench, RATE_LIMIT_TARGET, rateLimitBench, rateLimitSection, type RateLimitRow } from "./rate-limits";
import { scale, type ScaleRow } from "./scale";
import { LONG_LATE_SHARE, SHORT_LATE_MS, SHORT_READS, SHORT_SECONDS, waits, type WaitRow } from "./waits";

function markdownTable<T extends object>(rows: T[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const keys = Object.keys(rows[0]) as Array<keyof T>;
  const line = (cells: unknown[]) =>
    `| ${cells.map((c) => (c === undefined ? "" : typeof c === "string" ? c : JSON.stringify(c))).join(" | ")} |`;
  return [line(keys), line(keys.map(() => "---")), ...rows.map((r) => line(keys.map((k) => r[k])))].join("\n") + "\n";
}

async function main(): Promise<void> {
  const started = Date.now();
  const log = (title: string) => console.log(`\n== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  log("4. pulumi up of the full example beyond its critical path and the same up with instant transitions");
  const transition = Number(process.env.BENCH_TRANSITION_SECONDS ?? 5);
  const { rows: up, exportedState } = await fullUps(transition);
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
  // 100, 300 and 1,000 by default: the targets are at 300 and 1,000, and a stack of 10 measures
  // Pulumi's start-up more than the provider.
  const scaleRows: ScaleRow[] = await scale(
    process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : [100, 300, 1000],
  );
  console.table(scaleRows);

  log("5. the drift command at scale against pulumi refresh --preview-only");
  const driftRow = await driftBench();
  console.table([driftRow]);

  log("6. up and refresh of mixed resources under the default rate limits");
  const clientRate = await clientRateBench();
  console.table([clientRate]);
  const rateRows: RateLimitRow[] = await rateLimitBench(
    process.env.BENCH_RATE_SIZES ? process.env.BENCH_RATE_SIZES.split(",").map(Number) : undefined,
  );
  console.table(rateRows);

  const targets = [
    ...targetRows(sizes, waitRows, scaleRows, up),
    ...rateLimitTargets(rateRows),
    {
      target: `the provider's clients alone within ${RATE_LIMIT_TARGET}x of the rate-limit floor`,
      measured: `${clientRate.ratio}x, ${clientRate.failedCalls} failed, ${clientRate.throttledAnswers} throttled answers`,
      verdict: clientRate.ratio <= RATE_LIMIT_TARGET && clientRate.failedCalls === 0 ? "met" : "missed",
    },
  ];
  log("targets of issue 9, as measured");
  console.table(targets);

  const results = {
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    targets,
    footprint: sizes,
    sdkClientCapture: captureError,
    waits: waitRows,
    scale: scaleRows,
    fullUp: up,
    drift: driftRow,
    rateLimits: rateRows,
    clientRateLimits: clientRate,
  };
  const docs = path.resolve(__dirname, "../docs");
  fs.mkdirSync(docs, { recursive: true });
  fs.writeFileSync(path.join(docs, "benchmarks.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    path.join(docs, "benchmarks.md"),
    `# Benchmarks

Written by \`npm run bench\` on ${results.date} (${results.seconds} s), against the in-process local endpoint.
Ratios are against the baseline or floor named in each table; lower is better.

## Targets, as measured

${markdownTable(targets)}
## 1. State footprint per resource

\`providerBytes\`: the \`__provider\` text in state (a \`require()\` of the installed package).
\`baselineProviderBytes\`: the obvious provider built at module level from the schema and the
engine's functions (bench/baseline), which the closure serializer inlines. State bytes per resource
come from the full example's exported stack. A provider that captures an AWS SDK client does not
serialize at all: \`${captureError}\`.

${markdownTable(sizes)}
## 2. Wait latency beyond readiness

Time from the endpoint marking a studio READY to create returning, and reads per wait, on a
simulated clock (exact figures, no noise). First waits: a machine's first wait of a kind, with no
history, each on an empty one: the first row sweeps every transition from 0.1 s to 10 s in steps of
0.1 s; the others spread ten transitions evenly over (0.9 T, T], since the lateness of one wait
depends on where readiness falls between two looks. The waiter looks at 0.25 s and 0.75 s, then at
most 950 ms apart up to 10 s, then every 9% of the time waited up to 30 s
(provider/engine/waiter.ts). Warm: three later waits of T, which know the usual duration (mean).

${markdownTable(waitRows)}
## 3. Preview and refresh at scale

AppStream stacks against the same number of dynamic resources that do nothing (seconds of wall
time, median of three alternating runs, one pair at 1,000; "loadAverage" is the machine's when the
size's runs ended, on 2 cores). Pulumi runs 4 steps per CPU at once; a refresh reads each
stack's tags (ListTagsForResource, one per stack) and its description (DescribeStacks, shared by
the reads that arrive together). Peak memory: the most VmHWM of the dynamic-provider process
(Pulumi's pulumi-nodejs plugin) over the previews and refreshes, sampled every 100 ms from /proc.
Target: preview and refresh within 1.5x of the no-op floor, at 300 and at 1,000.

${markdownTable(scaleRows)}
What a refresh costs beyond the floor is the provider process's CPU: \`bench/scale-profile.ts 1000\`
(2026-11-29, idle machine) measured 6.9 s of CPU in the provider against 3.4 s for the no-op one
over 8.6 s and 5.3 s of wall time, the provider busy most of the run. The difference is the AWS
SDK's work per call (serializing, signing, the HTTP round trip, parsing: about 2 ms a call) over
the refresh's calls: one ListTagsForResource per stack (AppStream's DescribeStacks returns no tags
and it has no batch tag read) and the DescribeStacks calls, which Pulumi's 8 steps at once leave
little to share (about 2 reads a call). The engine's own code is 0.4 s of it.

## 4. \`pulumi up\` of the full example

Transitions of ${transition} s; the critical path is the sum of transition times along the longest
dependency chain (${up[0].longestChain}). Each round is a machine of its own: its first \`up\` (no wait
history, a new temporary directory, so Node's compile cache for the provider is empty), a later
\`up\` (with the history and compile cache the first left), and the same \`up\` with instant
transitions, which is Pulumi's start-up and finish, the calls and the steps: what no wait strategy
removes. "beyondSeconds" is the median over three rounds of each \`up\` minus the critical path
minus its round's instant \`up\`. Target: within ${BEYOND_TARGET_SECONDS} s.

${markdownTable(up)}
${driftSection(driftRow)}
${rateLimitSection(rateRows, clientRate)}`,
  );
  console.log(`\nwrote docs/benchmarks.md and docs/benchmarks.json in ${results.seconds} s`);
}

function targetRows(sizes: FootprintRow[], waitRows: WaitRow[], scaleRows: ScaleRow[], up: FullUpRow[]) {
  const largest = Math.max(...sizes.map((r) => r.providerBytes));
  const leastRatio = Math.min(...sizes.map((r) => r.ratio));
  const verdict = (met: boolean | undefined) => (met === undefined ? "not measured" : met ? "met" : "missed");
  const rows = [
    { target: "__provider under 1 KB per resource", measured: `${largest} B`, verdict: verdict(largest < 1024) },
    {
      target: "__provider at least 20x smaller than the baseline",
      measured: `${Math.round(leastRatio)}x`,
      verdict: verdict(leastRatio >= 20),
    },
    ...waitTargets(waitRows),
    ...[300, 1000].flatMap((n) => {
      const row = scaleRows.find((r) => r.resources === n);
      return [
        {
          target: `preview within 1.5x of no-op at ${n}`,
          measured: row ? `${row.previewRatio}x` : "-",
          verdict: verdict(row && row.previewRatio <= 1.5),
        },
        {
          target: `refresh within 1.5x of no-op at ${n}`,
          measured: row
            ? `${row.refreshRatio}x, provider peak ${row.providerPeakMiB} MiB (no-op: ${row.floorProviderPeakMiB} MiB)`
            : "-",
          verdict: verdict(row && row.refreshRatio <= 1.5),
        },
      ];
    }),
    ...up.map((run) => ({
      target: `up of the full example within ${BEYOND_TARGET_SECONDS} s beyond its critical path + the instant up (${run.run} run)`,
      measured: `${run.beyondSeconds} s (${run.upSeconds} s - ${run.criticalPathSeconds} s - ${run.instantUpSeconds} s)`,
      verdict: run.verdict,
    })),
  ];
  return rows;
}

function waitTargets(rows: WaitRow[]) {
  const short = rows.filter((r) => r.target.startsWith("under"));
  const long = rows.filter((r) => !r.target.startsWith("under"));
  const minute = rows.find((r) => r.transitionSeconds === "60");
  // The earlier target (issue 9) covered transitions of 1 s to a minute.
  const warmLate = Math.max(
    ...rows.filter((r) => r.warmLateMs !== "" && Number(r.transitionSeconds) <= 60).map((r) => Number(r.warmLateMs)),
  );
  const met = (xs: WaitRow[]) =>
    xs.length === 0 ? "not measured" : xs.every((r) => r.verdict === "met") ? "met" : "missed";
  return [
    {
      target: `a machine's first wait of a kind, transitions up to ${SHORT_SECONDS} s: under ${SHORT_LATE_MS} ms late, at most ${SHORT_READS} reads`,
      measured: `${Math.max(...short.map((r) => r.worstLateMs))} ms late at worst, ${Math.max(...short.map((r) => r.mostReads))} reads at most`,
      verdict: met(short),
    },
    {
      target: `a machine's first wait of a kind, longer transitions: late by under ${LONG_LATE_SHARE * 100}% of the time waited`,
      measured: `${long.map((r) => `${r.worstLateShare} at ${r.transitionSeconds} s`).join(", ")} at worst`,
      verdict: met(long),
    },
    {
      target: "later waits (history known), transitions up to 60 s: under 1 s beyond readiness, about 12 reads at 60 s",
      measured: minute ? `${warmLate} ms at most, ${minute.warmReads} reads at 60 s` : "-",
      verdict: minute ? (warmLate < 1000 && Number(minute.warmReads) <= 12.5 ? "met" : "missed") : "not measured",
    },
  ];
}

function rateLimitTargets(rows: RateLimitRow[]) {
  return rows.map((r) => ({
    target: `${r.run} of ${r.resources} mixed resources within ${RATE_LIMIT_TARGET}x of the rate-limit floor, 0 failed calls`,
    measured: `${r.ratio}x (${r.seconds} s / ${r.floorSeconds} s), ${r.failedCalls} failed, ${r.throttledAnswers} throttled answers`,
    verdict: r.verdict,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
