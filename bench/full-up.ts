// Table 4: `pulumi up` of the full example with realistic transitions, against its critical path: the
// sum of transition times along the longest dependency chain, counted from the schemas' lifecycles.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { loadSchema } from "../dist/provider/engine/schema-loader";
import { programStack } from "../test/helpers/pulumi-stack";

export interface FullUpRow {
  /** Whether the provider knew the usual transition times from an earlier run on this machine. */
  waitHistory: "none" | "earlier run";
  transitionSeconds: number;
  resources: number;
  upSeconds: number;
  /** Each run's time, when the row is the median of several. */
  upSecondsEach?: string;
  criticalPathSeconds: number;
  ratio: number;
  longestChain: string;
  exportedState: unknown;
}

interface StateResource {
  urn: string;
  type: string;
  dependencies?: string[];
  parent?: string;
  inputs?: Record<string, unknown>;
}

/** Transitional states a resource goes through while `up` creates it. */
function transitionsOf(resource: StateResource): number {
  if (!resource.type.startsWith("pulumi-nodejs:dynamic/")) return 0;
  const schema = loadSchema(resource.type.replace("pulumi-nodejs:dynamic/", ""));
  if (resource.inputs?.adoptId !== undefined) return 0;
  // One transition per phase: a phase lists every state it may pass, not the ones it does.
  let count = schema.lifecycle?.create?.pending.length ? 1 : 0;
  // After create the resource is in the create phase's target (or the desired state's initial
  // value); only a different desired state costs a further transition.
  const desired = schema.desiredState && resource.inputs?.[schema.desiredState.property];
  const afterCreate =
    schema.lifecycle?.create?.target ?? (schema.desiredState?.initial ? [schema.desiredState.initial] : []);
  if (
    typeof desired === "string" &&
    !afterCreate.includes(desired) &&
    schema.desiredState?.values[desired]?.pending.length
  )
    count += 1;
  return count;
}

export function criticalPath(resources: StateResource[]): { transitions: number; chain: string[] } {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const memo = new Map<string, { transitions: number; chain: string[] }>();
  const longest = (urn: string): { transitions: number; chain: string[] } => {
    const known = memo.get(urn);
    if (known) return known;
    const resource = byUrn.get(urn) as StateResource;
    let best = { transitions: 0, chain: [] as string[] };
    for (const dependency of resource.dependencies ?? []) {
      if (!byUrn.has(dependency)) continue;
      const candidate = longest(dependency);
      if (candidate.transitions > best.transitions) best = candidate;
    }
    const result = {
      transitions: best.transitions + transitionsOf(resource),
      chain: [...best.chain, urn.split("::").pop() as string],
    };
    memo.set(urn, result);
    return result;
  };
  return resources
    .map((r) => longest(r.urn))
    .reduce((a, b) => (b.transitions > a.transitions ? b : a), { transitions: 0, chain: [] });
}

/**
 * One `up` of the full example; `historyFile` is the provider's wait history, private to the run so
 * that earlier tests (whose transitions are short) do not skew it. Without the file the provider
 * knows nothing yet, as on a machine's first `up`.
 */
export async function fullUp(transitionSeconds: number, historyFile: string): Promise<FullUpRow> {
  const waitHistory = fs.existsSync(historyFile) ? "earlier run" : "none";
  const emulator = await startEmulator({ port: 0, transitionMs: transitionSeconds * 1000 });
  const program = await programStack(
    "examples/full",
    { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" },
    { PULUMI_AWS_EUC_WAIT_HISTORY: historyFile },
  );
  try {
    const started = process.hrtime.bigint();
    await program.stack.up();
    const upSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const exportedState = await program.stack.exportStack();
    const resources = (exportedState.deployment as { resources: StateResource[] }).resources;
    const path = criticalPath(resources);
    const criticalPathSeconds = path.transitions * transitionSeconds;
    return {
      waitHistory,
      transitionSeconds,
      resources: resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).length,
      upSeconds: Math.round(upSeconds * 100) / 100,
      criticalPathSeconds,
      ratio: Math.round((upSeconds / criticalPathSeconds) * 100) / 100,
      longestChain: path.chain.join(" -> "),
      exportedState,
    };
  } finally {
    await program.stack.destroy().catch(() => undefined);
    await program.cleanup();
    await emulator.close();
  }
}

/** The median run of several, with every run's time beside it. */
function medianRun(runs: FullUpRow[]): FullUpRow {
  const sorted = [...runs].sort((a, b) => a.upSeconds - b.upSeconds);
  return { ...sorted[Math.floor(sorted.length / 2)], upSecondsEach: runs.map((r) => r.upSeconds).join(", ") };
}

/**
 * A machine's first `up`, each on an empty wait history, and later ones, which have the history of
 * the runs before: the median of `runs` of each, as single runs move with the backoff's jitter and
 * the machine's load.
 */
export async function fullUps(
  transitionSeconds: number,
  runs = 3,
): Promise<{ rows: FullUpRow[]; instantSeconds: number }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-bench-history-"));
  try {
    const first: FullUpRow[] = [];
    for (let run = 0; run < runs; run++)
      first.push(await fullUp(transitionSeconds, path.join(scratch, `history-${run}.json`)));
    const later: FullUpRow[] = [];
    for (let run = 0; run < runs; run++)
      later.push(await fullUp(transitionSeconds, path.join(scratch, `history-${runs - 1}.json`)));
    // What the same `up` costs when nothing waits: Pulumi's start-up, the calls, the finish.
    const instant = await fullUp(0, path.join(scratch, "history-instant.json"));
    return { rows: [medianRun(first), medianRun(later)], instantSeconds: instant.upSeconds };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void fullUps(Number(process.argv[2] ?? 5)).then(({ rows, instantSeconds }) => {
    console.table(rows.map(({ exportedState: _state, ...row }) => row));
    console.log(`with instant transitions: ${instantSeconds} s`);
  });
}
