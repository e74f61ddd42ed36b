// Table 4: `pulumi up` of the full example with realistic transitions: the time it takes beyond its
// critical path (the sum of transition times along the longest dependency chain, counted from the
// schemas' lifecycles) plus the same `up` with instant transitions, on a machine's first run and on
// later ones.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { loadSchema } from "../dist/provider/engine/schema-loader";
import { programStack } from "../test/helpers/pulumi-stack";

/** The most an `up` may take beyond its critical path plus the same `up` with instant transitions. */
export const BEYOND_TARGET_SECONDS = 1;

export interface FullUpRow {
  /** A machine's first run (no wait history, cold caches) or a later one. */
  run: "first" | "later";
  transitionSeconds: number;
  resources: number;
  /** Median over the runs. */
  upSeconds: number;
  criticalPathSeconds: number;
  /** The same `up` with instant transitions, run right after each (median). */
  instantUpSeconds: number;
  /** Median over the runs of each run's `up` minus the critical path minus its paired instant `up`. */
  beyondSeconds: number;
  verdict: "met" | "missed";
  /** Each run's `up` / instant `up` seconds. */
  runs: string;
  longestChain: string;
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

export interface UpRun {
  upSeconds: number;
  resources: number;
  criticalPathSeconds: number;
  longestChain: string;
  exportedState: unknown;
}

/**
 * One `up` of the full example. `historyFile` is the provider's wait history, private to the run so
 * that earlier runs (whose transitions differ) do not skew it: without the file the provider knows
 * nothing yet, as on a machine's first `up`. `tmpDir` is the processes' temporary directory, where
 * Node keeps the provider's compile cache: a new one is a machine's first run, a used one a later run.
 * No destroy: the in-process endpoint and the private backend go away with the run.
 */
export async function fullUp(transitionSeconds: number, historyFile: string, tmpDir: string): Promise<UpRun> {
  const emulator = await startEmulator({ port: 0, transitionMs: transitionSeconds * 1000 });
  const program = await programStack(
    "examples/full",
    { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" },
    { PULUMI_AWS_EUC_WAIT_HISTORY: historyFile, TMPDIR: tmpDir },
  );
  try {
    const started = process.hrtime.bigint();
    await program.stack.up();
    const upSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const exportedState = await program.stack.exportStack();
    const resources = (exportedState.deployment as { resources: StateResource[] }).resources;
    const path = criticalPath(resources);
    return {
      upSeconds,
      resources: resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).length,
      criticalPathSeconds: path.transitions * transitionSeconds,
      longestChain: path.chain.join(" -> "),
      exportedState,
    };
  } finally {
    await program.cleanup();
    await emulator.close();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `runs` rounds, each on a machine of its own (a new wait history and temporary directory): its
 * first `up`, a later `up` (with the history and compile cache the first left), and the same `up`
 * with instant transitions (warm caches), which is Pulumi's start-up and finish, the calls and
 * the steps' own overhead: what no wait strategy removes. Each `up` is compared with the instant
 * one of its own round, so a busy machine's drift between rounds does not enter the figure.
 */
export async function fullUps(
  transitionSeconds: number,
  runs = 3,
): Promise<{ rows: FullUpRow[]; exportedState: unknown }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-bench-full-up-"));
  try {
    const first: UpRun[] = [];
    const later: UpRun[] = [];
    const instant: UpRun[] = [];
    for (let round = 0; round < runs; round++) {
      const machine = path.join(scratch, `machine-${round}`);
      const tmpDir = path.join(machine, "tmp");
      fs.mkdirSync(tmpDir, { recursive: true });
      const history = path.join(machine, "wait-history.json");
      first.push(await fullUp(transitionSeconds, history, tmpDir));
      later.push(await fullUp(transitionSeconds, history, tmpDir));
      instant.push(await fullUp(0, path.join(machine, "instant-history.json"), tmpDir));
    }
    const row = (run: FullUpRow["run"], ups: UpRun[]): FullUpRow => {
      const beyond = ups.map((u, i) => u.upSeconds - u.criticalPathSeconds - instant[i].upSeconds);
      const beyondSeconds = round2(median(beyond));
      return {
        run,
        transitionSeconds,
        resources: ups[0].resources,
        upSeconds: round2(median(ups.map((u) => u.upSeconds))),
        criticalPathSeconds: ups[0].criticalPathSeconds,
        instantUpSeconds: round2(median(instant.map((u) => u.upSeconds))),
        beyondSeconds,
        verdict: beyondSeconds <= BEYOND_TARGET_SECONDS ? "met" : "missed",
        runs: ups.map((u, i) => `${round2(u.upSeconds)} / ${round2(instant[i].upSeconds)}`).join(", "),
        longestChain: ups[0].longestChain,
      };
    };
    return { rows: [row("first", first), row("later", later)], exportedState: later[later.length - 1].exportedState };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void fullUps(Number(process.argv[2] ?? 5), Number(process.argv[3] ?? 3)).then(({ rows }) => console.table(rows));
}
