// Accepted drift: `.driftignore.yaml` in the program's directory holds rules, each with a reason
// and an optional expiry, that keep known drift out of the check's failure without editing the
// program. `drift baseline` writes the current drift as such rules.
import * as fs from "node:fs";
import * as path from "node:path";
import picomatch from "picomatch";
import { parseDocument, stringify } from "yaml";
import { ajv } from "../engine/ajv";
import { schemaDirectory } from "../engine/schema-loader";
import type { DriftedResource, IgnoredDrift } from "./drift";

export const ignoreFileName = ".driftignore.yaml";

export interface IgnoreRule {
  /** How the report names the rule; `rule N` (1-based position) when absent. */
  name?: string;
  /** Globs; a rule matches a drift when every field it states matches. */
  stack?: string;
  type?: string;
  resource?: string;
  urn?: string;
  /** A dotted property path; `*` stands for one segment, `**` for any number. Absent: the whole resource, deletion included. */
  property?: string;
  reason: string;
  /** YYYY-MM-DD: the rule holds through that day (UTC) and fails the check after it. */
  expires?: string;
}

export interface IgnoreFile {
  path: string;
  rules: IgnoreRule[];
}

export interface RuleOutcome {
  rule: string;
  reason: string;
  expires?: string;
  /** matched: kept drift out of the failure; stale: matched nothing; expired: past its date, not applied. */
  status: "matched" | "stale" | "expired";
  matches: number;
}

/** The ignore file's JSON Schema, shipped for editors and read here: one source for both. */
export function ignoreFileSchemaPath(): string {
  return path.join(schemaDirectory(), "driftignore.schema.json");
}

export function ruleName(rule: IgnoreRule, index: number): string {
  return rule.name ?? `rule ${index + 1}`;
}

/** Reads the ignore file, or undefined when there is none; a malformed file fails with the place of each mistake. */
export function readIgnoreFile(file: string): IgnoreFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  const document: unknown = parseDocument(fs.readFileSync(file, "utf8")).toJS() ?? { rules: [] };
  const schema = JSON.parse(fs.readFileSync(ignoreFileSchemaPath(), "utf8")) as { $id: string };
  const validate = ajv().getSchema(schema.$id) ?? ajv().compile(schema);
  if (!validate(document)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
    throw new Error(`${file} is not a valid ignore file: ${problems.join("; ")}`);
  }
  return { path: file, rules: (document as { rules: IgnoreRule[] }).rules };
}

function isExpired(rule: IgnoreRule, now: Date): boolean {
  return rule.expires !== undefined && now.getTime() >= Date.parse(`${rule.expires}T00:00:00Z`) + 24 * 3600 * 1000;
}

const glob = (pattern: string | undefined) =>
  pattern === undefined ? () => true : picomatch(pattern, { bash: true, dot: true });
/** Property paths match segment by segment: dots act as the separators of a file path. */
const pathGlob = (pattern: string | undefined) => {
  if (pattern === undefined) return () => true;
  const match = picomatch(pattern.split(".").join("/"), { dot: true });
  return (path: string) => match(path.split(".").join("/"));
};

interface CompiledRule {
  name: string;
  rule: IgnoreRule;
  resourceMatches(stack: string, resource: DriftedResource): boolean;
  propertyMatches(path: string | undefined): boolean;
  matches: number;
}

function compile(rule: IgnoreRule, index: number): CompiledRule {
  const [stack, type, name, urn, property] = [
    glob(rule.stack),
    glob(rule.type),
    glob(rule.resource),
    glob(rule.urn),
    pathGlob(rule.property),
  ];
  return {
    name: ruleName(rule, index),
    rule,
    resourceMatches: (s, r) => stack(s) && type(r.type) && name(r.name) && urn(r.urn),
    // A deleted resource has no property: only a rule for the whole resource covers it.
    propertyMatches: (path) => (path === undefined ? rule.property === undefined : property(path)),
    matches: 0,
  };
}

/** Splits one stack's drift into what still fails and what the ignore file accepts, and rates each rule. */
export function applyIgnoreRules(
  file: IgnoreFile | undefined,
  drifted: DriftedResource[],
  now: Date,
  stack = "",
): { drifted: DriftedResource[]; ignored: IgnoredDrift[]; rules: RuleOutcome[] } {
  if (!file) return { drifted, ignored: [], rules: [] };
  const compiled = file.rules.map(compile);
  const live = compiled.filter((c) => !isExpired(c.rule, now));
  const ignored: IgnoredDrift[] = [];
  const kept: DriftedResource[] = [];
  for (const resource of drifted) {
    const rules = live.filter((c) => c.resourceMatches(stack, resource));
    const accept = (path: string | undefined) => rules.find((c) => c.propertyMatches(path));
    if (resource.status === "deleted") {
      const rule = accept(undefined);
      if (!rule) kept.push(resource);
      else {
        rule.matches++;
        ignored.push({
          urn: resource.urn,
          type: resource.type,
          name: resource.name,
          property: "(resource)",
          expected: "exists",
          live: "deleted",
          ignoredBy: "ignore-file",
          rule: rule.name,
          reason: rule.rule.reason,
        });
      }
      continue;
    }
    const remaining = resource.properties.filter((p) => {
      const rule = accept(p.property);
      if (!rule) return true;
      rule.matches++;
      ignored.push({
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        ...p,
        ignoredBy: "ignore-file",
        rule: rule.name,
        reason: rule.rule.reason,
      });
      return false;
    });
    if (remaining.length > 0) kept.push({ ...resource, properties: remaining });
  }
  const rules: RuleOutcome[] = compiled.map((c) => ({
    rule: c.name,
    reason: c.rule.reason,
    ...(c.rule.expires ? { expires: c.rule.expires } : {}),
    status: isExpired(c.rule, now) ? "expired" : c.matches > 0 ? "matched" : "stale",
    matches: c.matches,
  }));
  return { drifted: kept, ignored, rules };
}

export const baselineReason = "TODO: say why this drift is accepted";

/** Ignore rules that accept exactly the given drift, for a team adopting the check on an estate that already drifted. */
export function baselineRules(
  drift: { stack: string; drifted: DriftedResource[] }[],
  now: Date,
  validDays = 90,
): IgnoreRule[] {
  const expires = new Date(now.getTime() + validDays * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return drift.flatMap(({ stack, drifted }) =>
    drifted.flatMap((r) =>
      r.status === "deleted"
        ? [
            {
              name: `baseline ${stack} ${r.name} deleted`,
              stack,
              type: r.type,
              urn: r.urn,
              reason: baselineReason,
              expires,
            },
          ]
        : r.properties.map((p) => ({
            name: `baseline ${stack} ${r.name} ${p.property}`,
            stack,
            type: r.type,
            urn: r.urn,
            property: p.property,
            reason: baselineReason,
            expires,
          })),
    ),
  );
}

/** Adds rules to the ignore file, keeping what it holds (comments included); creates it when absent. */
export function appendRules(file: string, rules: IgnoreRule[]): void {
  if (!fs.existsSync(file)) {
    const header =
      "# Accepted drift for `pulumi-aws-euc drift`: each rule needs a reason; an expired rule fails the check.\n";
    fs.writeFileSync(file, header + stringify({ version: 1, rules }));
    return;
  }
  const document = parseDocument(fs.readFileSync(file, "utf8"));
  if (!document.has("rules")) document.set("rules", []);
  for (const rule of rules) document.addIn(["rules"], document.createNode(rule));
  fs.writeFileSync(file, document.toString());
}
