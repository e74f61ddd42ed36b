// Table 6: `pulumi up` and `pulumi refresh` of stacks of mixed resources (AppStream stacks, Thin
// Client environments, Nimble Studio studios) against an endpoint that applies the default
// per-operation rate limits (docs/rate-limits.md), against the rate-limit floor: the time the
// busiest operation's token bucket needs to serve the calls the run needed. The resources do not
// depend on each other, so every operation's calls may run side by side and the busiest bucket is
// the run's critical path; no run, however clever, ends sooner.
import { DescribeStacksCommand } from "@aws-sdk/client-appstream";
import { startEmulator, type RunningEmulator } from "../emulator";
import { createAwsClients } from "../provider/aws-clients";
import type { CallLogEntry, RateLimitSettings } from "../emulator/control-client";
import { programStack } from "../test/helpers/pulumi-stack";

export interface RateLimitRow {
  run: "up" | "refresh";
  resources: number;
  seconds: number;
  /** The busiest operation's bucket: (calls served - burst) / rate. */
  floorSeconds: number;
  ratio: number;
  verdict: "met" | "missed";
  busiestOperation: string;
  /** Calls the run needed (served by the endpoint), and throttled answers on top of them. */
  callsServed: number;
  throttledAnswers: number;
  /** Calls that failed after the SDK's retries (a failed call fails its resource, and the run). */
  failedCalls: number;
  /** The same run with the limits off: Pulumi's own cost, which no limiter removes. */
  unlimitedSeconds?: number;
  /** Against the larger of the two floors, rate limits and Pulumi's own cost: no run ends before either. */
  ratioToLargerFloor?: number;
}

/** Target of issue 21: within 1.2x of the floor. */
export const RATE_LIMIT_TARGET = 1.2;

const round = (x: number) => Math.round(x * 100) / 100;

async function timed(work: () => Promise<unknown>): Promise<{ seconds: number; failure?: string }> {
  const started = process.hrtime.bigint();
  let failure: string | undefined;
  try {
    await work();
  } catch (error) {
    failure =
      (error instanceof Error ? error.message : String(error)).split("\n").find((line) => /error|fail/i.test(line)) ??
      "failed";
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, failure };
}

/** The floor of a run from its call log: the busiest operation's bucket time. */
export function rateLimitFloor(log: CallLogEntry[], limits: RateLimitSettings): { seconds: number; operation: string } {
  const served = new Map<string, { count: number; mutating: boolean }>();
  for (const entry of log) {
    if (entry.outcome === "throttled") continue;
    const key = `${entry.service}:${entry.operation}`;
    served.set(key, { count: (served.get(key)?.count ?? 0) + 1, mutating: entry.mutating });
  }
  let busiest = { seconds: 0, operation: "-" };
  for (const [key, { count, mutating }] of served) {
    const limit = limits.operations[key] ?? (mutating ? limits.mutating : limits.reads);
    const seconds = Math.max(0, count - limit.burst) / limit.rate;
    if (seconds > busiest.seconds) busiest = { seconds, operation: `${key} (${count} calls at ${limit.rate}/s)` };
  }
  return busiest;
}

async function measure(
  emulator: RunningEmulator,
  run: RateLimitRow["run"],
  resources: number,
  work: () => Promise<unknown>,
): Promise<RateLimitRow> {
  await emulator.control.resetCalls();
  const { seconds, failure } = await timed(work);
  const { log } = await emulator.control.calls();
  const floor = rateLimitFloor(log, await emulator.control.rateLimits());
  const ratio = floor.seconds > 0 ? round(seconds / floor.seconds) : Infinity;
  return {
    run,
    resources,
    seconds: round(seconds),
    floorSeconds: round(floor.seconds),
    ratio,
    verdict: ratio <= RATE_LIMIT_TARGET && !failure ? "met" : "missed",
    busiestOperation: floor.operation,
    callsServed: log.filter((e) => e.outcome !== "throttled").length,
    throttledAnswers: log.filter((e) => e.outcome === "throttled").length,
    // The run fails when a call does; the engine then names the resources, each one failed call.
    failedCalls: failure ? Math.max(1, (failure.match(/error/gi) ?? []).length) : 0,
  };
}

export async function rateLimitBench(sizes = [100, 300, 1000]): Promise<RateLimitRow[]> {
  const rows: RateLimitRow[] = [];
  for (const n of sizes) {
    const emulator = await startEmulator({ port: 0, transitionMs: 0, rateLimits: { enabled: true } });
    const program = await programStack("bench/programs/rate-mix", {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
      count: String(n),
    });
    try {
      const up = await measure(emulator, "up", n, () => program.stack.up());
      const refresh = await measure(emulator, "refresh", n, () => program.stack.refresh());
      // The same runs with the limits off, in reverse order: refresh, then (after a destroy) up.
      await emulator.control.setRateLimits({ enabled: false });
      refresh.unlimitedSeconds = round((await timed(() => program.stack.refresh())).seconds);
      await program.stack.destroy();
      up.unlimitedSeconds = round((await timed(() => program.stack.up())).seconds);
      for (const row of [up, refresh])
        row.ratioToLargerFloor = round(row.seconds / Math.max(row.floorSeconds, row.unlimitedSeconds ?? 0));
      rows.push(up, refresh);
      console.table([up, refresh]);
    } finally {
      // Limits off: tearing down is not measured.
      await emulator.control.setRateLimits({ enabled: false }).catch(() => undefined);
      await program.stack.destroy().catch(() => undefined);
      await program.cleanup();
      await emulator.close();
    }
  }
  return rows;
}

export interface ClientRateRow {
  operation: string;
  calls: number;
  parallel: number;
  seconds: number;
  floorSeconds: number;
  ratio: number;
  throttledAnswers: number;
  failedCalls: number;
}

/**
 * The provider's clients alone, without Pulumi: `calls` DescribeStacks calls, `parallel` at a time
 * (Pulumi's 4 steps per CPU on a 2-CPU machine), through the same limiter and retries as the
 * provider, against the default read limit. What the limiter costs beyond the floor, apart from
 * Pulumi's own work (which a loaded machine inflates many times over).
 */
export async function clientRateBench(calls = 100, parallel = 8): Promise<ClientRateRow> {
  const emulator = await startEmulator({ port: 0, transitionMs: 0, rateLimits: { enabled: true } });
  const { appstream } = createAwsClients({ endpoint: emulator.url, region: "us-west-2" });
  try {
    let next = 0;
    let failedCalls = 0;
    const worker = async () => {
      while (next < calls) {
        next++;
        await appstream.send(new DescribeStacksCommand({})).catch(() => failedCalls++);
      }
    };
    const { seconds } = await timed(() => Promise.all(Array.from({ length: parallel }, worker)));
    const { log } = await emulator.control.calls();
    const floor = rateLimitFloor(log, await emulator.control.rateLimits());
    return {
      operation: "appstream:DescribeStacks",
      calls,
      parallel,
      seconds: round(seconds),
      floorSeconds: round(floor.seconds),
      ratio: round(seconds / floor.seconds),
      throttledAnswers: log.filter((e) => e.outcome === "throttled").length,
      failedCalls,
    };
  } finally {
    appstream.destroy();
    await emulator.close();
  }
}

/** docs/benchmarks.md's section on runs under rate limits. */
export function rateLimitSection(rows: RateLimitRow[], client: ClientRateRow, note = ""): string {
  const header =
    "| run | resources | seconds | floor (s) | ratio | verdict | busiest operation | calls served | throttled answers | failed calls | same run without limits (s) | ratio to the larger floor |";
  const lines = rows.map(
    (r) =>
      `| ${r.run} | ${r.resources} | ${r.seconds} | ${r.floorSeconds} | ${r.ratio}x | ${r.verdict} | ${r.busiestOperation} | ${r.callsServed} | ${r.throttledAnswers} | ${r.failedCalls} | ${r.unlimitedSeconds ?? ""} | ${r.ratioToLargerFloor ?? ""}x |`,
  );
  return `## 6. Up and refresh under AWS-like rate limits

\`pulumi up\` and \`pulumi refresh\` of stacks of mixed resources (a third each of AppStream stacks,
Thin Client environments and Nimble Studio studios, \`bench/programs/rate-mix\`) against the local
endpoint with its default per-operation rate limits (reads 5 a second, burst 10; mutating calls 2 a
second, burst 5; docs/rate-limits.md), one run each. The floor is the time the busiest operation's
token bucket needs to serve the calls the run needed, (calls - burst) / rate: the resources do not
depend on each other, so that bucket is the run's critical path. Target: within ${RATE_LIMIT_TARGET}x of
the floor, with 0 failed calls; throttled answers are the calls the endpoint refused (each retried
by the SDK). "Same run without limits" is Pulumi's own start-up, steps and finish, which no limiter
removes and which weighs most in the smallest runs; the last column compares with the larger of
that and the rate-limit floor, since no run ends before either.
${note}
${header}
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${lines.join("\n")}

The provider's clients alone, without Pulumi (${client.calls} calls of ${client.operation}, ${client.parallel} at a
time, through the same per-operation limiter and retries): what the limiter itself costs beyond the floor.

| operation | calls | parallel | seconds | floor (s) | ratio | throttled answers | failed calls |
| --- | --- | --- | --- | --- | --- | --- | --- |
| ${client.operation} | ${client.calls} | ${client.parallel} | ${client.seconds} | ${client.floorSeconds} | ${client.ratio}x | ${client.throttledAnswers} | ${client.failedCalls} |
`;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  void (async () => {
    const client = await clientRateBench();
    console.table([client]);
    const rows = await rateLimitBench(sizes.length ? sizes : undefined);
    console.table(rows);
    console.log(rateLimitSection(rows, client));
  })();
}
