// Shared pieces of the AppStream module: its error shapes, input checks, ARNs, tags, paging.
import { paginate, type Page } from "../../core/helpers";
import { ServiceError, type OperationContext, type ResourceRecord } from "../../core/types";

export const KIND = {
  fleet: "appstream:Fleet",
  imageBuilder: "appstream:ImageBuilder",
  stack: "appstream:Stack",
  image: "appstream:Image",
  session: "appstream:Session",
  association: "appstream:Association",
  tags: "appstream:Tags",
} as const;

export type Input = Record<string, unknown>;

// AppStream models no ValidationException: a missing, malformed or out-of-range parameter is
// answered with InvalidParameterCombinationException ("an incorrect combination of parameters,
// or a missing parameter"), the closest modeled shape, so clients get a typed error class.
export const invalid = (message: string) => new ServiceError("InvalidParameterCombinationException", message, 400);
export const notFound = (what: string) => new ServiceError("ResourceNotFoundException", `${what} not found.`, 400);
export const alreadyExists = (what: string) => new ServiceError("ResourceAlreadyExistsException", `${what} already exists.`, 400);
export const inUse = (message: string) => new ServiceError("ResourceInUseException", message, 400);
export const concurrent = (message: string) => new ServiceError("ConcurrentModificationException", message, 400);
export const notPermitted = (message: string) => new ServiceError("OperationNotPermittedException", message, 400);
export const notAvailable = (message: string) => new ServiceError("ResourceNotAvailableException", message, 400);

/** Epoch seconds: what awsJson1_1 carries for timestamps, and JSON-safe in the persisted world. */
export const epochSeconds = (ctx: OperationContext) => Math.floor(ctx.clock.now() / 1000);

export function arn(ctx: OperationContext, type: string, name: string, account = ctx.accountId): string {
  return `arn:aws:appstream:${ctx.region}:${account}:${type}/${name}`;
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;
const INSTANCE_TYPE = /^stream\.[a-z0-9-]+(\.[a-z0-9]+)*\.(small|medium|large|\d*xlarge)$/;

export function reqString(input: Input, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) throw invalid(`Missing required parameter ${name}.`);
  if (typeof value !== "string" || value.length === 0) throw invalid(`${name} must be a non-empty string.`);
  return value;
}

export function optString(input: Input, name: string, max = 2048): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(`${name} must be a string.`);
  if (value.length > max) throw invalid(`${name} must be at most ${max} characters.`);
  return value;
}

export function reqName(input: Input, name = "Name"): string {
  const value = reqString(input, name);
  if (!NAME.test(value)) throw invalid(`${name} '${value}' must match ${NAME.source}.`);
  return value;
}

export function reqInstanceType(input: Input): string {
  const value = reqString(input, "InstanceType");
  checkInstanceType(value);
  return value;
}

export function checkInstanceType(value: string): void {
  if (!INSTANCE_TYPE.test(value)) throw invalid(`InstanceType '${value}' is not a valid instance type (e.g. stream.standard.medium).`);
}

export function optBool(input: Input, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw invalid(`${name} must be a boolean.`);
  return value;
}

export function optInt(input: Input, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalid(`${name} must be an integer.`);
  if (value < min || value > max) throw invalid(`${name} must be between ${min} and ${max}; got ${value}.`);
  return value;
}

export function optEnum<T extends string>(input: Input, name: string, values: Record<string, T>): T | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  return checkEnum(value, name, values);
}

export function checkEnum<T extends string>(value: unknown, name: string, values: Record<string, T>): T {
  const allowed = Object.values(values);
  if (typeof value !== "string" || !(allowed as string[]).includes(value)) {
    throw invalid(`Value '${String(value)}' at '${name}' must be one of: ${allowed.join(", ")}.`);
  }
  return value as T;
}

export function optStringList(input: Input, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw invalid(`${name} must be a list of strings.`);
  return value as string[];
}

export function optObject(input: Input, name: string): Input | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(`${name} must be a structure.`);
  return value as Input;
}

export function optList(input: Input, name: string): Input[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => !v || typeof v !== "object" || Array.isArray(v))) {
    throw invalid(`${name} must be a list of structures.`);
  }
  return value as Input[];
}

export function optTags(input: Input, name = "Tags"): Record<string, string> | undefined {
  const tags = optObject(input, name);
  if (!tags) return undefined;
  const entries = Object.entries(tags);
  if (entries.length > 50) throw invalid(`${name} may hold at most 50 tags.`);
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > 128 || key.toLowerCase().startsWith("aws:")) throw invalid(`Tag key '${key}' is not allowed.`);
    if (typeof value !== "string" || value.length > 256) throw invalid(`Tag value for '${key}' must be a string of at most 256 characters.`);
  }
  return tags as Record<string, string>;
}

/** Drops undefined members, so responses carry only what is set (as the service does). */
export function compact(obj: Input): Input {
  const out: Input = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

export function pageOf<T>(ctx: OperationContext, operation: string, items: T[], input: Input, maxName?: string, defaultSize = 50): Page<T> {
  const nextToken = optString(input, "NextToken");
  const max = maxName ? optInt(input, maxName, 1, 1000) : undefined;
  return paginate(ctx, `appstream:${operation}`, items, nextToken, max, {
    defaultPageSize: defaultSize,
    invalidToken: () => invalid("The NextToken is invalid or expired."),
  });
}

/** Describe*: with Names, every name must exist; without, everything in creation order. */
export function selectByNames(ctx: OperationContext, kind: string, what: string, names: string[] | undefined): ResourceRecord[] {
  if (!names) return ctx.list(kind);
  return names.map((name) => {
    const record = ctx.get(kind, name);
    if (!record) throw notFound(`${what} ${name}`);
    return record;
  });
}

// Tags live beside the resource, keyed by ARN: Describe* responses do not carry them.
export function setTags(ctx: OperationContext, resourceArn: string, tags: Record<string, string> | undefined): void {
  if (tags && Object.keys(tags).length > 0) ctx.put({ kind: KIND.tags, id: resourceArn, attributes: { Tags: { ...tags } } });
  else ctx.remove(KIND.tags, resourceArn);
}

export function getTags(ctx: OperationContext, resourceArn: string): Record<string, string> {
  return { ...((ctx.get(KIND.tags, resourceArn)?.attributes.Tags as Record<string, string> | undefined) ?? {}) };
}
