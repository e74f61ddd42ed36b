// One report over every stack checked: the JSON document (its JSON Schema ships as
// schema/drift-report.schema.json), a terminal table, Markdown for pull-request comments and JUnit
// XML for CI systems that render test results.
import { exitCodeOf, type StackDriftReport, type StackStatus } from "./drift";
import type { RuleOutcome } from "./ignore-rules";

export const reportVersion = 1;

export interface DriftReport {
  /** The report format's version; the JSON Schema of each version ships with the package. */
  version: typeof reportVersion;
  tool: "pulumi-aws-euc";
  checkedAt: string;
  status: StackStatus;
  /** 0 clean, 2 drift, 3 program changes not yet applied, 4 both, 1 the check failed. */
  exitCode: number;
  /** The ignore file applied, if any. */
  ignoreFile?: string;
  /** Each ignore rule over all stacks checked: stale when it matched nothing in any of them. */
  rules: RuleOutcome[];
  stacks: StackDriftReport[];
}

export const restoreAdvice =
  "Run `pulumi up --refresh` to put them back (a plain `pulumi up` compares the program with the state, which still holds the old values), change the program to accept the live values, or accept them in `.driftignore.yaml`.";

/** The worst outcome wins: an error (1), then drift and program changes together (4), then either (2, 3). */
export function combine(stacks: StackDriftReport[], ignoreFile: string | undefined, checkedAt: Date): DriftReport {
  const rules = combineRules(stacks.map((s) => s.rules));
  const expired = rules.some((r) => r.status === "expired");
  const failed = stacks.some((s) => s.exitCode === 1);
  const drift = expired || stacks.some((s) => s.exitCode === 2 || s.exitCode === 4);
  const pending = stacks.some((s) => s.exitCode === 3 || s.exitCode === 4);
  const outcome = failed ? { status: "error" as const, exitCode: 1 } : exitCodeOf(drift, pending);
  return {
    version: reportVersion,
    tool: "pulumi-aws-euc",
    checkedAt: checkedAt.toISOString(),
    ...outcome,
    ...(ignoreFile ? { ignoreFile } : {}),
    rules,
    stacks,
  };
}

function combineRules(perStack: RuleOutcome[][]): RuleOutcome[] {
  const checked = perStack.filter((rules) => rules.length > 0);
  if (checked.length === 0) return [];
  return checked[0].map((first, i) => {
    const matches = checked.reduce((sum, rules) => sum + rules[i].matches, 0);
    const status = first.status === "expired" ? "expired" : matches > 0 ? "matched" : "stale";
    return { ...first, status, matches };
  });
}

function show(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

const statusWords: Record<StackStatus, string> = {
  clean: "no drift",
  drift: "drift",
  "pending-changes": "program changes not yet applied",
  "drift-and-pending-changes": "drift and program changes not yet applied",
  error: "the check failed",
};

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function ruleProblems(report: DriftReport): string[] {
  return report.rules.flatMap((r) =>
    r.status === "expired"
      ? [
          `expired ignore rule "${r.rule}" (expired ${r.expires}; ${r.reason}): its drift counts again; renew or remove it`,
        ]
      : r.status === "stale"
        ? [`stale ignore rule "${r.rule}": it matched no drift; remove it if the drift is gone`]
        : [],
  );
}

export function renderTable(report: DriftReport): string {
  const out: string[] = [];
  for (const s of report.stacks) {
    if (s.status === "error") {
      out.push(`error: ${s.error}`);
      continue;
    }
    if (s.drifted.length === 0)
      out.push(`no drift: ${s.resourcesChecked} resources of stack ${s.stack} match their state`);
    else {
      out.push(`drift in ${s.drifted.length} of ${s.resourcesChecked} resources of stack ${s.stack}`, "");
      const rows = s.drifted.flatMap((r) =>
        r.status === "deleted"
          ? [[`${r.type} ${r.name}`, "(resource)", "exists", "deleted out of band"]]
          : r.properties.map((p) => [`${r.type} ${r.name}`, p.property, show(p.expected), show(p.live)]),
      );
      out.push(...table(["RESOURCE", "PROPERTY", "IN STATE", "LIVE"], rows), "");
    }
    if (s.ignored.length > 0) {
      out.push(`ignored drift in stack ${s.stack} (does not fail the check):`);
      for (const i of s.ignored)
        out.push(
          `  ${i.type} ${i.name} ${i.property}: ${i.ignoredBy === "ignoreChanges" ? "ignoreChanges of the program" : `rule "${i.rule}": ${i.reason}`}`,
        );
    }
    if (s.pendingChanges.length > 0) {
      out.push(`program changes not yet applied in stack ${s.stack} (\`pulumi up\` would make them):`);
      for (const p of s.pendingChanges)
        out.push(`  ${p.op} ${p.type} ${p.name}${p.properties.length ? ` (${p.properties.join(", ")})` : ""}`);
    }
  }
  out.push(...ruleProblems(report));
  if (report.stacks.some((s) => s.drifted.length > 0)) out.push(restoreAdvice.replace(/`/g, ""));
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd();
}

const cell = (v: string) => v.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (v: string) => `\`${cell(v).replace(/`/g, "'")}\``;

/** Drift rows of one resource; many changes under one property (tags, say) make one row. */
function driftRows(s: StackDriftReport, groupAbove: number): string[] {
  return s.drifted.flatMap((r) => {
    const subject = `${code(r.type)} ${cell(r.name)}`;
    if (r.status === "deleted") return [`| ${subject} | | exists | **deleted out of band** |`];
    const groups = new Map<string, typeof r.properties>();
    for (const p of r.properties) {
      const head = p.property.split(".")[0];
      groups.set(head, [...(groups.get(head) ?? []), p]);
    }
    return [...groups.entries()].flatMap(([head, properties]) =>
      properties.length > groupAbove
        ? [
            `| ${subject} | ${code(head)}: ${properties.length} changes (${properties.map((p) => code(p.property.slice(head.length + 1))).join(", ")}) | see the JSON report | |`,
          ]
        : properties.map(
            (p) => `| ${subject} | ${code(p.property)} | ${code(show(p.expected))} | ${code(show(p.live))} |`,
          ),
    );
  });
}

/**
 * Markdown for a pull-request comment. Pull-request comments hold at most 65536 characters, so
 * rows beyond `maxLength` are left out with a note pointing at the JSON report.
 */
export function renderMarkdown(report: DriftReport, { maxLength = 60_000, groupAbove = 3 } = {}): string {
  const head: string[] = [`### Drift check: ${statusWords[report.status]}`, ""];
  const body: string[] = [];
  for (const s of report.stacks) {
    body.push(`#### Stack \`${s.stack}\`: ${statusWords[s.status]}`, "");
    if (s.status === "error") {
      body.push(`The check failed: ${cell(s.error ?? "")}`, "");
      continue;
    }
    if (s.drifted.length === 0) body.push(`No drift: all ${s.resourcesChecked} resources match their state.`, "");
    else {
      body.push(`**${s.drifted.length} of ${s.resourcesChecked} resources drifted.** ${restoreAdvice}`, "");
      body.push(
        "| resource | property | in state | live |",
        "| --- | --- | --- | --- |",
        ...driftRows(s, groupAbove),
        "",
      );
    }
    if (s.pendingChanges.length > 0) {
      body.push(
        `**Program changes not yet applied** (this branch changes infrastructure; \`pulumi up\` would make them):`,
        "",
      );
      body.push(
        "| resource | change | properties |",
        "| --- | --- | --- |",
        ...s.pendingChanges.map(
          (p) => `| ${code(p.type)} ${cell(p.name)} | ${p.op} | ${p.properties.map(code).join(", ")} |`,
        ),
        "",
      );
    }
    if (s.ignored.length > 0) {
      body.push(`<details><summary>Ignored drift (${s.ignored.length}, does not fail the check)</summary>`, "");
      body.push("| resource | property | ignored by | reason |", "| --- | --- | --- | --- |");
      body.push(
        ...s.ignored.map(
          (i) =>
            `| ${code(i.type)} ${cell(i.name)} | ${code(i.property)} | ${i.ignoredBy === "ignoreChanges" ? "the program's `ignoreChanges`" : `rule ${cell(i.rule ?? "")}`} | ${cell(i.reason ?? "")} |`,
        ),
      );
      body.push("", "</details>", "");
    }
  }
  const problems = ruleProblems(report);
  if (problems.length > 0) body.push("**Ignore file:**", "", ...problems.map((p) => `- ${cell(p)}`), "");
  body.push(`_Checked ${report.checkedAt}._`);

  const lines = [...head];
  let length = lines.join("\n").length;
  for (let i = 0; i < body.length; i++) {
    if (length + body[i].length + 1 > maxLength - 200) {
      const left = body.slice(i).filter((l) => l.startsWith("|") || l.startsWith("- ")).length;
      lines.push("", `_… ${left} more rows left out to keep this comment short; the JSON report has them all._`);
      break;
    }
    lines.push(body[i]);
    length += body[i].length + 1;
  }
  return `${lines.join("\n")}\n`;
}

const xml = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** JUnit XML: a test suite per stack, a test case per resource, failed when it drifted. */
export function renderJUnit(report: DriftReport): string {
  const suites = report.stacks.map((s) => {
    const drifted = new Map(s.drifted.map((d) => [d.urn, d]));
    const cases = s.checkedResources.map((r) => {
      const d = drifted.get(r.urn);
      const open = `    <testcase classname="${xml(`${s.stack}.${r.type}`)}" name="${xml(r.name)}">`;
      if (!d) return `${open}</testcase>`;
      const message =
        d.status === "deleted"
          ? "deleted out of band"
          : `${d.properties.length} properties drifted: ${d.properties.map((p) => p.property).join(", ")}`;
      const details =
        d.status === "deleted"
          ? `${d.urn} no longer exists`
          : d.properties.map((p) => `${p.property}: in state ${show(p.expected)}, live ${show(p.live)}`).join("\n");
      return `${open}\n      <failure message="${xml(message)}" type="drift">${xml(details)}</failure>\n    </testcase>`;
    });
    const errors =
      s.status === "error"
        ? [
            `    <testcase classname="${xml(s.stack)}" name="drift check">\n      <error message="${xml(s.error ?? "")}"/>\n    </testcase>`,
          ]
        : [];
    const tests = cases.length + errors.length;
    return `  <testsuite name="${xml(`drift: stack ${s.stack}`)}" tests="${tests}" failures="${s.drifted.length}" errors="${errors.length}">\n${[...cases, ...errors].join("\n")}\n  </testsuite>`;
  });
  const expired = report.rules.filter((r) => r.status === "expired");
  if (expired.length > 0) {
    const cases = expired.map(
      (r) =>
        `    <testcase classname="driftignore" name="${xml(r.rule)}">\n      <failure message="${xml(`ignore rule expired on ${r.expires}`)}" type="expired-rule">${xml(r.reason)}</failure>\n    </testcase>`,
    );
    suites.push(
      `  <testsuite name="drift: ignore rules" tests="${cases.length}" failures="${cases.length}" errors="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pulumi-aws-euc drift">\n${suites.join("\n")}\n</testsuites>\n`;
}
