import equal from "fast-deep-equal";
import stableJson from "fast-json-stable-stringify";
import type { PropertySchema, ResourceSchema } from "./schema-types";
import { isRecord } from "./wire";
import type { Inputs } from "./check";

/** State key listing the input properties the program set, so a value only the service chose never diffs. */
export const inputKeysField = "__inputKeys";

/**
 * State key keeping the program's own value of each object-valued input it set: the service answers
 * with its defaults filled in (a volume's iops, a backup mode), which a refresh must not report.
 */
export const programValuesField = "__programValues";

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

/** One canonical form per meaning: defaults applied, unordered lists sorted, empty the same as absent. */
export function normalize(node: PropertySchema | undefined, value: unknown): unknown {
  if (isEmpty(value)) return node?.["x-serviceDefault"] ?? undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => normalize(node?.items, item));
    return node?.["x-unordered"] ? [...items].sort((a, b) => stableJson(a).localeCompare(stableJson(b))) : items;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    const keys = node?.properties ? Object.keys(node.properties) : Object.keys(value);
    for (const key of keys) {
      const child =
        node?.properties?.[key] ??
        (typeof node?.additionalProperties === "object" ? node.additionalProperties : undefined);
      const normalized = normalize(child, value[key]);
      if (normalized !== undefined) out[key] = normalized;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

export interface DiffOutcome {
  changed: string[];
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Compares the last known state (outputs, which carry every input property) with the program's inputs. */
export function diffProperties(schema: ResourceSchema, olds: Inputs, news: Inputs): DiffOutcome {
  const previouslySet = new Set(
    Array.isArray(olds[inputKeysField]) ? (olds[inputKeysField] as string[]) : Object.keys(olds),
  );
  const changed: string[] = [];
  for (const [name, node] of Object.entries(schema.inputs.properties)) {
    const next = news[name];
    // A property the program never set and still does not set is the service's to choose.
    if (next === undefined && !previouslySet.has(name)) continue;
    if (!equal(normalize(node, olds[name]), normalize(node, next))) changed.push(name);
  }
  const replaces = changed.filter((name) => schema.inputs.properties[name]["x-replaceOnChange"]);
  const nameProperty = Object.entries(schema.inputs.properties).find(([, node]) => node["x-autoName"])?.[0];
  // A unique name kept across the replacement (a generated one, or identity parts the program chose,
  // such as a user's email address) must be freed before the new resource can take it.
  const keptName =
    nameProperty !== undefined
      ? equal(olds[nameProperty], news[nameProperty])
      : schema.identity.parts.every((part) => part in schema.inputs.properties && equal(olds[part], news[part]));
  const deleteBeforeReplace = replaces.length > 0 && !!schema.uniqueName && keptName;
  return { changed, replaces, deleteBeforeReplace };
}

/**
 * A live value as the program would write it: the program's own value where they mean the same, and
 * otherwise the live one without the members the program left to the service's defaults. This is what
 * a refresh reports, so drift shows real changes only.
 */
export function liveAsWritten(node: PropertySchema | undefined, program: unknown, live: unknown): unknown {
  if (equal(normalize(node, program), normalize(node, live))) return program;
  if (!isRecord(program) || !isRecord(live) || !node?.properties) return live;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(program), ...Object.keys(live)])) {
    // A member the program left out and the service holds at its default comes back undefined.
    const value = liveAsWritten(node.properties[key], program[key], live[key]);
    // Pulumi refuses an undefined member in a refresh's inputs (its Struct conversion throws).
    if (value !== undefined) out[key] = value;
  }
  return out;
}
