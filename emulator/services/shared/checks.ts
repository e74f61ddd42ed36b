// The services' own rules (the ones the model's shapes cannot express: a member allowed only with
// another, a list without duplicates, a reference to something that must exist) collect every
// problem before failing, so a service can report all of them at once (Thin Client's fieldList) or
// fold them into one message (Nimble's context map). What the model says is checked before any
// handler runs (services/shared/operations.ts).
import type { Issue } from "./operations";

export type { Issue };

export type Json = Record<string, unknown>;

export class Checks {
  readonly issues: Issue[] = [];

  add(name: string, message: string): void {
    this.issues.push({ name, message });
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
