// Drift detection for CI: refresh in preview-only mode and report, per resource, each property whose
// live value differs from what the stack last applied, and each resource deleted out of band.
import equal from "fast-deep-equal";
import { LocalWorkspace, type EngineEvent, type StepEventMetadata } from "@pulumi/pulumi/automation";

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

export interface DriftReport {
  stack: string;
  checkedAt: string;
  resourcesChecked: number;
  drifted: DriftedResource[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Leaf-level differences, so a changed tag reads "tags.team" rather than the whole map. */
export function propertyDifferences(expected: Record<string, unknown>, live: Record<string, unknown>, prefix = ""): DriftedProperty[] {
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

function resourceName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** Reads the drift of one finished refresh step. */
export function driftOf(meta: StepEventMetadata): DriftedResource | undefined {
  if (!meta.type.startsWith("pulumi-nodejs:dynamic/")) return undefined;
  const base = { urn: meta.urn, type: meta.type.replace("pulumi-nodejs:dynamic/", ""), name: resourceName(meta.urn), id: meta.old?.id };
  if (meta.op === "delete" || (meta.old && !meta.new)) return { ...base, status: "deleted", properties: [] };
  if (!meta.old || !meta.new) return undefined;
  const properties = propertyDifferences(meta.old.inputs ?? {}, meta.new.inputs ?? {});
  return properties.length > 0 ? { ...base, status: "changed", properties } : undefined;
}

export async function detectDrift(options: { stack: string; cwd: string; envVars?: Record<string, string> }): Promise<DriftReport> {
  const stack = await LocalWorkspace.selectStack({ stackName: options.stack, workDir: options.cwd }, { envVars: options.envVars });
  const finished: StepEventMetadata[] = [];
  await stack.previewRefresh({
    onEvent: (event: EngineEvent) => {
      if (event.resOutputsEvent) finished.push(event.resOutputsEvent.metadata);
    },
  });
  const managed = finished.filter((m) => m.type.startsWith("pulumi-nodejs:dynamic/"));
  return {
    stack: options.stack,
    checkedAt: new Date().toISOString(),
    resourcesChecked: managed.length,
    drifted: managed.map(driftOf).filter((d): d is DriftedResource => d !== undefined),
  };
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

export function renderTable(report: DriftReport): string {
  if (report.drifted.length === 0) return `no drift: ${report.resourcesChecked} resources of stack ${report.stack} match their state`;
  const rows = report.drifted.flatMap((r) =>
    r.status === "deleted"
      ? [[`${r.type} ${r.name}`, "(resource)", "exists", "deleted out of band"]]
      : r.properties.map((p) => [`${r.type} ${r.name}`, p.property, show(p.expected), show(p.live)]),
  );
  const header = ["RESOURCE", "PROPERTY", "IN STATE", "LIVE"];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [`drift in ${report.drifted.length} of ${report.resourcesChecked} resources of stack ${report.stack}`, "", line(header), ...rows.map(line)].join("\n");
}

export function renderMarkdown(report: DriftReport): string {
  const title = `### Drift check: stack \`${report.stack}\``;
  if (report.drifted.length === 0) return `${title}\n\nNo drift: all ${report.resourcesChecked} resources match their state (checked ${report.checkedAt}).\n`;
  const cell = (v: string) => v.replace(/\|/g, "\\|");
  const rows = report.drifted.flatMap((r) =>
    r.status === "deleted"
      ? [`| \`${r.type}\` ${r.name} | | exists | **deleted out of band** |`]
      : r.properties.map((p) => `| \`${r.type}\` ${r.name} | \`${p.property}\` | \`${cell(show(p.expected))}\` | \`${cell(show(p.live))}\` |`),
  );
  return `${title}\n\n**${report.drifted.length} of ${report.resourcesChecked} resources drifted** (checked ${report.checkedAt}). Run \`pulumi up\` to restore them, or change the program to accept the live values.\n\n| resource | property | in state | live |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`;
}
