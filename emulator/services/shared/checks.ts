// Request validation that collects every problem before failing, so a service can report all of
// them at once (Thin Client's fieldList) or fold them into one message (Nimble's context map).

import type { Issue } from "./operations";

export type { Issue };

export type Json = Record<string, unknown>;

interface Presence {
  required?: boolean;
}

export class Checks {
  readonly issues: Issue[] = [];

  add(name: string, message: string): void {
    this.issues.push({ name, message });
  }

  /** Marks `path` as missing when absent; returns whether the member is present. */
  private present(value: unknown, path: string, opts: Presence): boolean {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, `${path} is required.`);
      return false;
    }
    return true;
  }

  string(obj: Json, key: string, path: string, opts: Presence & { min?: number; max?: number; pattern?: RegExp } = {}): string | undefined {
    const value = obj[key];
    if (!this.present(value, path, opts)) return undefined;
    if (typeof value !== "string") return void this.add(path, `${path} must be a string.`);
    if (opts.min !== undefined && value.length < opts.min) this.add(path, `${path} must be at least ${opts.min} characters long.`);
    else if (opts.max !== undefined && value.length > opts.max) this.add(path, `${path} must be at most ${opts.max} characters long.`);
    else if (opts.pattern && !opts.pattern.test(value)) this.add(path, `${path} must match the pattern ${opts.pattern.source}.`);
    return value;
  }

  integer(obj: Json, key: string, path: string, opts: Presence & { min?: number; max?: number } = {}): number | undefined {
    const value = obj[key];
    if (!this.present(value, path, opts)) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) return void this.add(path, `${path} must be an integer.`);
    if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      this.add(path, `${path} must be between ${opts.min ?? "-inf"} and ${opts.max ?? "inf"}, got ${value}.`);
    }
    return value;
  }

  oneOf<T extends string>(obj: Json, key: string, path: string, values: readonly T[], opts: Presence = {}): T | undefined {
    const value = obj[key];
    if (!this.present(value, path, opts)) return undefined;
    if (typeof value !== "string" || !(values as readonly string[]).includes(value)) {
      return void this.add(path, `${path} must be one of ${values.join(", ")}, got ${JSON.stringify(value)}.`);
    }
    return value as T;
  }

  stringList(
    obj: Json,
    key: string,
    path: string,
    opts: Presence & { min?: number; max?: number; values?: readonly string[]; unique?: boolean } = {},
  ): string[] | undefined {
    const value = obj[key];
    if (!this.present(value, path, opts)) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) return void this.add(path, `${path} must be a list of strings.`);
    const list = value as string[];
    if (opts.min !== undefined && list.length < opts.min) this.add(path, `${path} must have at least ${opts.min} item(s).`);
    if (opts.max !== undefined && list.length > opts.max) this.add(path, `${path} must have at most ${opts.max} item(s).`);
    const bad = opts.values ? list.filter((v) => !opts.values!.includes(v)) : [];
    if (bad.length) this.add(path, `${path} contains ${bad.join(", ")}; allowed: ${opts.values!.join(", ")}.`);
    if (opts.unique && new Set(list).size !== list.length) this.add(path, `${path} must not contain duplicates.`);
    return list;
  }

  object(obj: Json, key: string, path: string, opts: Presence = {}): Json | undefined {
    const value = obj[key];
    if (!this.present(value, path, opts)) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) return void this.add(path, `${path} must be an object.`);
    return value as Json;
  }

  stringMap(obj: Json, key: string, path: string, opts: Presence = {}): Record<string, string> | undefined {
    const value = this.object(obj, key, path, opts);
    if (!value) return undefined;
    if (Object.values(value).some((v) => typeof v !== "string")) return void this.add(path, `${path} values must be strings.`);
    return value as Record<string, string>;
  }

  /** Fails with `error(issues)` when anything was recorded. */
  done(error: (issues: Issue[]) => Error): void {
    if (this.issues.length) throw error(this.issues);
  }
}

/** restJson1 query members arrive as a string or, when repeated, a list. */
export function queryList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function queryString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * An integer query member, parsed for Checks.integer: a value that is not an integer is passed
 * through as text so the check reports it instead of it being silently dropped.
 */
export function queryInteger(value: string | string[] | undefined): number | string | undefined {
  const text = queryString(value);
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : text;
}
