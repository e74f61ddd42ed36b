// Requests that break exactly one constraint of an operation's input shape, generated from the
// model: starting from a valid example request, each constrained member (at any depth) gets a value
// that breaks its required, enum, length, range or pattern constraint and keeps everything else
// valid where the model allows that. Members the example leaves out are filled in from samples of
// valid values (harvested from the examples and responses, or derived from the shape).
import {
  modelRegExp,
  operationModel,
  validateInput,
  type MemberRef,
  type ServiceModel,
  type Shape,
} from "../../../emulator/model";

export type Kind = "required" | "enum" | "length" | "range" | "pattern";

export interface Violation {
  kind: Kind;
  /** The member path, as the endpoint's messages name it. */
  path: string;
  input: Record<string, unknown>;
  /** Whether the request breaks only this constraint (some patterns also bound the length). */
  exact: boolean;
}

export interface Skipped {
  kind: Kind;
  path: string;
  why: string;
}

/** Valid values by shape name, for members the examples leave out. */
export class Samples {
  private readonly byShape = new Map<string, unknown>();

  constructor(private readonly model: ServiceModel) {}

  /** Remembers every value `value` holds for its shapes (a valid request or response). */
  harvest(shapeName: string, value: unknown, depth = 0): void {
    const shape = this.model.shapes[shapeName];
    if (value === undefined || value === null || !shape || depth > 8) return;
    if (!this.byShape.has(shapeName) && this.valid(shapeName, value)) this.byShape.set(shapeName, value);
    if (shape.type === "structure" && typeof value === "object") {
      for (const [name, member] of Object.entries(shape.members ?? {}))
        this.harvest(member.shape, (value as Record<string, unknown>)[name], depth + 1);
    } else if (shape.type === "list" && Array.isArray(value)) {
      for (const item of value) this.harvest(shape.member!.shape, item, depth + 1);
    } else if (shape.type === "map" && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        this.harvest(shape.key!.shape, k, depth + 1);
        this.harvest(shape.value!.shape, v, depth + 1);
      }
    }
  }

  /** A valid value of the shape, or undefined when none can be found. */
  of(shapeName: string, depth = 0): unknown {
    if (this.byShape.has(shapeName)) return structuredClone(this.byShape.get(shapeName));
    if (depth > 8) return undefined;
    const shape = this.model.shapes[shapeName];
    let value: unknown;
    switch (shape.type) {
      case "structure": {
        const out: Record<string, unknown> = {};
        for (const name of shape.required ?? []) {
          const member = this.of(shape.members![name].shape, depth + 1);
          if (member === undefined) return undefined;
          out[name] = member;
        }
        value = out;
        break;
      }
      case "list": {
        const item = this.of(shape.member!.shape, depth + 1);
        if (item === undefined) return undefined;
        value = Array.from({ length: Math.max(shape.min ?? 1, 1) }, () => structuredClone(item));
        break;
      }
      case "map":
        value = (shape.min ?? 0) > 0 ? undefined : {};
        break;
      case "string":
        value = shape.enum ? shape.enum[0] : stringCandidates(shape).find((s) => stringValid(shape, s));
        break;
      case "integer":
      case "long":
      case "double":
      case "float":
        value = Math.min(Math.max(shape.min ?? 1, 1), shape.max ?? Number.MAX_SAFE_INTEGER);
        break;
      case "boolean":
        value = true;
        break;
      case "timestamp":
        value = shape.timestampFormat === "iso8601" ? new Date(0).toISOString() : 0;
        break;
      case "blob":
        value = "AA==";
        break;
    }
    return value !== undefined && this.valid(shapeName, value) ? value : undefined;
  }

  private valid(shapeName: string, value: unknown): boolean {
    const shape = this.model.shapes[shapeName];
    if (shape.type === "string")
      return typeof value === "string" && (shape.enum ? shape.enum.includes(value) : stringValid(shape, value));
    return true;
  }
}

function stringCandidates(shape: Shape): string[] {
  const length = Math.max(shape.min ?? 1, 1);
  return ["a".repeat(length), "abc", "a1b2c3d4e5", "example.com", "123456789", `${"a".repeat(length)}`, "2021-03-31"];
}

export function stringValid(shape: Shape, value: string): boolean {
  if (shape.min !== undefined && value.length < shape.min) return false;
  if (shape.max !== undefined && value.length > shape.max) return false;
  return !shape.pattern || modelRegExp(shape.pattern).test(value);
}

/** Lengths beyond this are not worth sending (multi-megabyte strings or lists). */
const MAX_GENERATED = 100_000;

type Place = (value: unknown) => Record<string, unknown> | undefined;

export function violationsOf(
  model: ServiceModel,
  operation: string,
  example: Record<string, unknown>,
  samples: Samples,
): { violations: Violation[]; skipped: Skipped[] } {
  const violations: Violation[] = [];
  const skipped: Skipped[] = [];
  const inputShape = operationModel(model, operation).input?.shape;
  if (!inputShape) return { violations, skipped };

  const emit = (
    kind: Kind,
    path: string,
    input: Record<string, unknown> | undefined,
    why = "no valid value to start from",
  ) => {
    if (!input) return void skipped.push({ kind, path, why });
    const issues = validateInput(model, operation, input);
    if (issues.length === 0)
      return void skipped.push({ kind, path, why: "the generated value does not break the constraint" });
    const exact = issues.every((i) => i.rule === kind && (i.name === path || i.name.startsWith(`${path} (key`)));
    violations.push({ kind, path, input, exact });
  };

  const visit = (
    shapeName: string,
    present: unknown,
    path: string,
    place: Place,
    location: MemberRef["location"],
    depth: number,
  ): void => {
    if (depth > 6) return;
    const shape = model.shapes[shapeName];
    const base = present ?? samples.of(shapeName);
    switch (shape.type) {
      case "structure": {
        const object = base as Record<string, unknown> | undefined;
        for (const [name, member] of Object.entries(shape.members ?? {})) {
          const childPath = path ? `${path}.${name}` : name;
          // A path label cannot be left out: the request would not reach the operation at all.
          if ((shape.required ?? []).includes(name) && member.location !== "uri") {
            emit("required", childPath, object && place(omit(object, name)));
          }
          const childPlace: Place = (v) => (object ? place({ ...object, [name]: v }) : undefined);
          visit(member.shape, object?.[name], childPath, childPlace, member.location, depth + 1);
        }
        return;
      }
      case "list": {
        const list = (base as unknown[] | undefined) ?? [];
        const item = list[0] ?? samples.of(shape.member!.shape);
        if (shape.min !== undefined && shape.min > 0)
          emit(
            "length",
            path,
            item === undefined ? undefined : place(Array.from({ length: shape.min - 1 }, () => item)),
          );
        if (shape.max !== undefined) {
          if (shape.max >= MAX_GENERATED)
            skipped.push({ kind: "length", path, why: `max ${shape.max} is too large to send` });
          else
            emit(
              "length",
              path,
              item === undefined
                ? undefined
                : place(Array.from({ length: shape.max + 1 }, () => structuredClone(item))),
            );
        }
        visit(shape.member!.shape, list[0], `${path}[0]`, (v) => place([v, ...list.slice(1)]), undefined, depth + 1);
        return;
      }
      case "map": {
        const map = (base as Record<string, unknown> | undefined) ?? {};
        const keyShape = model.shapes[shape.key!.shape];
        const value = Object.values(map)[0] ?? samples.of(shape.value!.shape);
        const key = Object.keys(map)[0] ?? (samples.of(shape.key!.shape) as string | undefined);
        if (shape.min !== undefined && shape.min > 0)
          emit("length", path, place(Object.fromEntries(Object.entries(map).slice(0, shape.min - 1))));
        if (shape.max !== undefined) {
          const keys = key === undefined ? [] : distinctKeys(keyShape, key, shape.max + 1);
          emit(
            "length",
            path,
            keys.length === shape.max + 1 && value !== undefined
              ? place(Object.fromEntries(keys.map((k) => [k, structuredClone(value)])))
              : undefined,
          );
        }
        if (value !== undefined) {
          for (const bad of badStrings(keyShape, key)) emit(bad.kind, path, place({ ...map, [bad.value]: value }));
        }
        if (key !== undefined)
          visit(
            shape.value!.shape,
            map[key],
            `${path}.${key}`,
            (v) => place({ ...map, [key]: v }),
            undefined,
            depth + 1,
          );
        return;
      }
      case "string":
        if (shape.enum) {
          emit("enum", path, place("NOT_A_MODEL_VALUE"));
          return;
        }
        for (const bad of badStrings(shape, base as string | undefined)) {
          if (location === "uri" && bad.value === "") continue;
          emit(bad.kind, path, place(bad.value));
        }
        return;
      case "integer":
      case "long":
        if (shape.min !== undefined) emit("range", path, place(shape.min - 1));
        if (shape.max !== undefined) emit("range", path, place(shape.max + 1));
        return;
      default:
        return;
    }
  };

  visit(inputShape, example, "", (v) => v as Record<string, unknown>, undefined, 0);
  return { violations, skipped };
}

/** Strings breaking the shape's length bounds and pattern, each built from a valid one where it can. */
function badStrings(shape: Shape, valid: string | undefined): Array<{ kind: Kind; value: string }> {
  const out: Array<{ kind: Kind; value: string }> = [];
  if (shape.min !== undefined && shape.min > 0 && valid !== undefined)
    out.push({ kind: "length", value: valid.slice(0, shape.min - 1) });
  if (shape.max !== undefined && shape.max < MAX_GENERATED && valid !== undefined) {
    const pad = valid.slice(-1) || "a";
    const candidates = [
      valid + pad.repeat(shape.max + 1 - valid.length),
      valid.slice(0, 1).repeat(shape.max + 1),
      "a".repeat(shape.max + 1),
    ];
    const keepsPattern = candidates.find((c) => !shape.pattern || modelRegExp(shape.pattern).test(c));
    out.push({ kind: "length", value: keepsPattern ?? candidates[0] });
  }
  if (shape.pattern) {
    const length = Math.max(shape.min ?? 1, 1);
    const breaking = ["!", "?", " ", "#", "\u00e9", "\n"]
      .map((c) => c.repeat(length))
      .find((c) => !modelRegExp(shape.pattern!).test(c) && (shape.max === undefined || c.length <= shape.max));
    if (breaking !== undefined) out.push({ kind: "pattern", value: breaking });
  }
  return out;
}

function distinctKeys(shape: Shape, seed: string, count: number): string[] {
  const keys = new Set<string>();
  for (let i = 0; keys.size < count && i < count * 3; i++) {
    const suffix = String(i);
    const key = `${seed.slice(0, Math.max(1, (shape.max ?? seed.length + suffix.length) - suffix.length))}${suffix}`;
    if (stringValid(shape, key)) keys.add(key);
  }
  return [...keys];
}

function omit(object: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _dropped, ...rest } = object;
  return rest;
}
