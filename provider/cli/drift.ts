// Drift detection for CI. For one stack, three read-only Pulumi operations run side by side:
// a preview-only refresh (what the services have now against what the stack applied), a preview
// without refresh (what the program would change: program changes not yet applied) and a state
// export (each resource's ignoreChanges option). None of them writes the stack's state.
//
// Why two engine runs side by side rather than one `pulumi preview --refresh` (measured at 300
// resources, docs/benchmarks.md section 5): a `preview --refresh` refreshes every resource first and
// only then runs the program, so it costs the refresh plus the preview. With `--run-program` the
// refresh of each resource happens as the program registers it, which costs about the preview
// alone, but then (1) a resource the program no longer declares is planned for deletion without
// being refreshed, so its drift would go unreported, and (2) the engine diffs the program against
// the refreshed state, so every drifted resource shows as a program change and "what a plain
// preview would change" has to be recomputed outside the engine (its ignoreChanges, replacement and
// import rules) for those resources. Two runs keep both answers exactly the engine's own: drift is
// what `pulumi refresh` would change, pending changes are what `pulumi preview` would change. What
// they cost beyond that is cut instead: no Automation API (pulumi-cli.ts), and the preview's program
// runs without the stack traces its SDK records for every promise (see previewEnvironment).
import * as os from "node:os";
import * as path from "node:path";
import equal from "fast-deep-equal";
import type { EngineEvent, OpType, StepEventMetadata } from "@pulumi/pulumi/automation";
import { loadSchema } from "../engine/schema-loader";
import type { ResourceSchema } from "../engine/schema-types";
import { applyIgnoreRules, type IgnoreFile, type RuleOutcome } from "./ignore-rules";
import { engineEvents, listStacks, pulumi, type PulumiRun } from "./pulumi-cli";

export interface DriftedProperty {
  property: string;
  /** What the stack applied (state, from the program). */
  expected: unknown;
  /** What the service has now. */
  live: unknown;
}

export interface DriftedResource {
  urn: string;
  type: string;
  name: string;
  id?: string;
  status: "changed" | "deleted";
  properties: DriftedProperty[];
}

/** A drift that does not fail the check, and why. */
export interface IgnoredDrift extends DriftedProperty {
  urn: string;
  type: string;
  name: string;
  /** `ignoreChanges` (the program's resource option) or `ignore-file` (a rule of the ignore file). */
  ignoredBy: "ignoreChanges" | "ignore-file";
  /** The ignore file's rule, by name. */
  rule?: string;
  reason?: string;
}

/** A resource the program would change: `pulumi up` (without --refresh) would do this. */
export interface PendingChange {
  urn: string;
  type: string;
  name: string;
  op: string;
  properties: string[];
}

export type StackStatus = "clean" | "drift" | "pending-changes" | "drift-and-pending-changes" | "error";

export interface StackDriftReport {
  stack: string;
  status: StackStatus;
  exitCode: number;
  /** One sentence, when the check itself failed. */
  error?: string;
  resourcesChecked: number;
  /** Every resource checked, by URN (JUnit lists the ones that did not drift as passed). */
  checkedResources: { urn: string; type: string; name: string }[];
  drifted: DriftedResource[];
  ignored: IgnoredDrift[];
  /** Whether the program was run (--pending-changes); without it `pendingChanges` is always empty. */
  pendingChangesChecked: boolean;
  pendingChanges: PendingChange[];
  rules: RuleOutcome[];
}

const dynamicPrefix = "pulumi-nodejs:dynamic/";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaf-level differences, so a changed tag reads "tags.team" rather than the whole map. */
export function propertyDifferences(
  expected: Record<string, unknown>,
  live: Record<string, unknown>,
  prefix = "",
): DriftedProperty[] {
  const out: DriftedProperty[] = [];
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(live)])].filter((k) => !k.startsWith("__")).sort();
  for (const key of keys) {
    const a = expected[key];
    const b = live[key];
    if (equal(a, b)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(a) && isPlainObject(b)) out.push(...propertyDifferences(a, b, path));
    else out.push({ property: path, expected: a, live: b });
  }
  return out;
}

export function resourceName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/**
 * Whether the service changes this property by itself (a status, a count, a timestamp, a value an
 * autoscaler sets): the schema lists it, or a parent of it, under `serviceManaged`. Never drift.
 */
export function isServiceManaged(schema: ResourceSchema, path: string): boolean {
  return (schema.serviceManaged ?? []).some((managed) => path === managed || path.startsWith(`${managed}.`));
}

function schemaOf(type: string): ResourceSchema | undefined {
  try {
    return loadSchema(type);
  } catch {
    return undefined;
  }
}

/** Outputs the service reports that the program does not set: compared too, unless service-managed. */
function outputOnly(schema: ResourceSchema, values: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter(([k]) => k in schema.outputs && !(k in schema.inputs.properties)),
  );
}

/** Whether a property path falls under an ignoreChanges entry ("tags" covers "tags.team"). */
export function coveredBy(ignoreChanges: string[], path: string): boolean {
  const normalized = path.replace(/\[(\d+)\]/g, ".$1");
  return ignoreChanges.some((entry) => {
    const e = entry.replace(/\[(\d+)\]/g, ".$1").replace(/\["([^"]+)"\]/g, ".$1");
    return e === "*" || normalized === e || normalized.startsWith(`${e}.`);
  });
}

/** Reads the drift of one finished refresh step: what the service changed, minus what it manages itself. */
export function driftOf(meta: StepEventMetadata): DriftedResource | undefined {
  if (!meta.type.startsWith(dynamicPrefix)) return undefined;
  const type = meta.type.slice(dynamicPrefix.length);
  const base = { urn: meta.urn, type, name: resourceName(meta.urn), id: meta.old?.id };
  if (meta.op === "delete" || (meta.old && !meta.new)) return { ...base, status: "deleted", properties: [] };
  if (!meta.old || !meta.new) return undefined;
  const schema = schemaOf(type);
  let properties = propertyDifferences(meta.old.inputs ?? {}, meta.new.inputs ?? {});
  if (schema) {
    properties.push(...propertyDifferences(outputOnly(schema, meta.old.outputs), outputOnly(schema, meta.new.outputs)));
    properties = properties
      .filter((p) => !isServiceManaged(schema, p.property))
      .sort((a, b) => a.property.localeCompare(b.property));
  }
  return properties.length > 0 ? { ...base, status: "changed", properties } : undefined;
}

/**
 * A preview step that would change infrastructure. Reads and unchanged resources are not pending;
 * nor are the stack itself (its outputs) and provider resources, which Pulumi updates whenever the
 * stack's config changes, whether or not a resource does.
 */
export function pendingChangeOf(meta: StepEventMetadata): PendingChange | undefined {
  const quiet: OpType[] = ["same", "read", "refresh"];
  if (quiet.includes(meta.op) || meta.type === "pulumi:pulumi:Stack" || meta.type.startsWith("pulumi:providers:"))
    return undefined;
  const type = meta.type.startsWith(dynamicPrefix) ? meta.type.slice(dynamicPrefix.length) : meta.type;
  return { urn: meta.urn, type, name: resourceName(meta.urn), op: meta.op, properties: [...(meta.diffs ?? [])].sort() };
}

/** The first `error:` line of a Pulumi CLI failure, as one sentence, instead of the Automation API's dump. */
export function plainError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const stderr = /stderr:([\s\S]*?)(?:\n\s*err\?:|$)/.exec(text)?.[1] ?? text;
  const line = stderr
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /^error:/i.test(l));
  const sentence = (
    line ??
    stderr
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0) ??
    text
  ).replace(/^error:\s*/i, "");
  return sentence.replace(/\s+/g, " ").trim();
}

export interface CheckOptions {
  stack: string;
  cwd: string;
  envVars?: Record<string, string>;
  /** The ignore file's rules; undefined when the program directory has none. */
  ignoreFile?: IgnoreFile;
  /**
   * Also run the preview without refresh, so program changes not yet applied are reported. Off by
   * default: the program's run costs about twice the refresh (docs/benchmarks.md, section 5), and
   * a scheduled drift check wants only what changed out of band.
   */
  checkPendingChanges?: boolean;
  now?: Date;
}

interface ExportedResource {
  urn: string;
  ignoreChanges?: string[];
}

export function exitCodeOf(drift: boolean, pending: boolean): { status: StackStatus; exitCode: number } {
  if (drift && pending) return { status: "drift-and-pending-changes", exitCode: 4 };
  if (drift) return { status: "drift", exitCode: 2 };
  if (pending) return { status: "pending-changes", exitCode: 3 };
  return { status: "clean", exitCode: 0 };
}

export async function checkStack(options: CheckOptions): Promise<StackDriftReport> {
  const empty = {
    stack: options.stack,
    resourcesChecked: 0,
    checkedResources: [],
    drifted: [],
    ignored: [],
    pendingChangesChecked: !!options.checkPendingChanges,
    pendingChanges: [],
    rules: [],
  };
  try {
    return await checkStackOrThrow(options);
  } catch (error) {
    return { ...empty, status: "error", exitCode: 1, error: `stack ${options.stack}: ${plainError(error)}` };
  }
}

/**
 * Settings for the Pulumi processes of one check (the CLI, the program, the provider), on top of the
 * caller's environment. Node's compile cache (the directory `module.enableCompileCache()` uses by
 * default, unless NODE_COMPILE_CACHE names another) spares each process compiling @pulumi/pulumi,
 * TypeScript and this package again. A user's own NODE_OPTIONS are kept.
 */
function pulumiEnvironment(envVars: Record<string, string> | undefined): Record<string, string> {
  const env = { ...envVars };
  if (!process.env.NODE_COMPILE_CACHE && !env.NODE_COMPILE_CACHE)
    env.NODE_COMPILE_CACHE = path.join(os.tmpdir(), "node-compile-cache");
  return env;
}

/**
 * The preview's program runs with no stack traces recorded (V8's --stack-trace-limit=0): Pulumi's
 * Node.js SDK records one for every promise it makes (for its promise-leak report) and ts-node maps
 * each through source maps, a third of the program's CPU time at 300 resources. This command
 * reports a failed preview by its first error line only (plainError), so the traces were never shown.
 */
function previewEnvironment(env: Record<string, string>): Record<string, string> {
  const nodeOptions = env.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? "";
  return { ...env, NODE_OPTIONS: `${nodeOptions} --stack-trace-limit=0`.trim() };
}

/** Promise.all, but it waits for every promise to settle before it rejects with the first failure. */
async function allOrFirstError<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

async function checkStackOrThrow(options: CheckOptions): Promise<StackDriftReport> {
  const env = pulumiEnvironment(options.envVars);
  const run: PulumiRun = { cwd: options.cwd, env };
  const stackArgs = ["--stack", options.stack];
  // Settled all three before a failure is reported, so no `pulumi` process outlives the check.
  const [refreshEvents, previewEvents, exported] = await allOrFirstError([
    engineEvents(["refresh", "--preview-only", ...stackArgs], run),
    !options.checkPendingChanges
      ? Promise.resolve([])
      : engineEvents(["preview", ...stackArgs], { ...run, env: previewEnvironment(env) }),
    pulumi(["stack", "export", ...stackArgs], run),
  ] as const);
  const refreshed = refreshEvents.flatMap((event: EngineEvent) =>
    event.resOutputsEvent ? [event.resOutputsEvent.metadata] : [],
  );
  const planned = previewEvents.flatMap((event: EngineEvent) =>
    event.resourcePreEvent ? [event.resourcePreEvent.metadata] : [],
  );
  // The state records each resource's ignoreChanges option (checked with Pulumi 3.259.0's `stack export`).
  const resources =
    (JSON.parse(exported) as { deployment?: { resources?: ExportedResource[] } }).deployment?.resources ?? [];
  const ignoreChanges = new Map(resources.map((r) => [r.urn, r.ignoreChanges ?? []]));

  const managed = refreshed.filter((m) => m.type.startsWith(dynamicPrefix));
  const drifted: DriftedResource[] = [];
  const ignored: IgnoredDrift[] = [];
  for (const resource of managed.map(driftOf).filter((d): d is DriftedResource => d !== undefined)) {
    const ignoring = ignoreChanges.get(resource.urn) ?? [];
    const kept = resource.properties.filter((p) => {
      if (!coveredBy(ignoring, p.property)) return true;
      ignored.push({ urn: resource.urn, type: resource.type, name: resource.name, ...p, ignoredBy: "ignoreChanges" });
      return false;
    });
    if (resource.status === "deleted" || kept.length > 0) drifted.push({ ...resource, properties: kept });
  }
  const filtered = applyIgnoreRules(options.ignoreFile, drifted, options.now ?? new Date(), options.stack);
  ignored.push(...filtered.ignored);
  const pendingChanges = planned.map(pendingChangeOf).filter((p): p is PendingChange => p !== undefined);
  return {
    stack: options.stack,
    // Expired rules fail the whole check (report.ts), not each stack.
    ...exitCodeOf(filtered.drifted.length > 0, pendingChanges.length > 0),
    resourcesChecked: managed.length,
    checkedResources: managed.map((m) => ({
      urn: m.urn,
      type: m.type.slice(dynamicPrefix.length),
      name: resourceName(m.urn),
    })),
    drifted: filtered.drifted,
    ignored,
    pendingChangesChecked: !!options.checkPendingChanges,
    pendingChanges,
    rules: filtered.rules,
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the items' order in the result. */
export async function boundedMap<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Every stack of the project in `cwd`. */
export async function projectStacks(cwd: string, envVars?: Record<string, string>): Promise<string[]> {
  return (await listStacks({ cwd, env: envVars })).sort();
}
