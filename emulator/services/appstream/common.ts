// Shared pieces of the AppStream module: its error shapes, input checks, ARNs, tags, paging.
import { paginate, type Page } from "../../core/helpers";
import { ServiceError, type OperationContext, type ResourceRecord } from "../../core/types";
import { errorStatus, serviceModel } from "../../model";
import { invalidRequest, operationsOf } from "../shared/operations";

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

const model = serviceModel("appstream");
const error = (code: string, message: string) => new ServiceError(code, message, errorStatus(model, code));

/**
 * The AppStream operations. A request that breaks the model, or a rule of the service, is answered
 * with the operation's modeled validation error: InvalidParameterCombinationException where the
 * operation lists it, else the common ValidationException.
 */
export const { read, write } = operationsOf({
  service: "appstream",
  invalidInput: (issues, code, status) => new ServiceError(code, issues.map((i) => i.message).join(" "), status),
});

export const invalid = (message: string) => invalidRequest(message);
export const notFound = (what: string) => error("ResourceNotFoundException", `${what} not found.`);
export const alreadyExists = (what: string) => error("ResourceAlreadyExistsException", `${what} already exists.`);
export const inUse = (message: string) => error("ResourceInUseException", message);
export const concurrent = (message: string) => error("ConcurrentModificationException", message);
export const notPermitted = (message: string) => error("OperationNotPermittedException", message);
export const notAvailable = (message: string) => error("ResourceNotAvailableException", message);

/** Epoch seconds: what awsJson1_1 carries for timestamps, and JSON-safe in the persisted world. */
export const epochSeconds = (ctx: OperationContext) => Math.floor(ctx.clock.now() / 1000);

export function arn(ctx: OperationContext, type: string, name: string, account = ctx.accountId): string {
  return `arn:aws:appstream:${ctx.region}:${account}:${type}/${name}`;
}

const INSTANCE_TYPE = /^stream\.[a-z0-9-]+(\.[a-z0-9]+)*\.(small|medium|large|\d*xlarge)$/;

export function reqString(input: Input, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) throw invalid(`Missing required parameter ${name}.`);
  if (typeof value !== "string" || value.length === 0) throw invalid(`${name} must be a non-empty string.`);
  return value;
}

export function optString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(`${name} must be a string.`);
  return value;
}

export const reqName = (input: Input, name = "Name"): string => reqString(input, name);

export function reqInstanceType(input: Input): string {
  const value = reqString(input, "InstanceType");
  checkInstanceType(value);
  return value;
}

export function checkInstanceType(value: string): void {
  if (!INSTANCE_TYPE.test(value))
    throw invalid(`InstanceType '${value}' is not a valid instance type (e.g. stream.standard.medium).`);
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

export function optStringList(input: Input, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw invalid(`${name} must be a list of strings.`);
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

/** The request's Tags (the model bounds their number, keys and values). */
export const optTags = (input: Input): Record<string, string> | undefined =>
  optObject(input, "Tags") as Record<string, string> | undefined;

/** Drops undefined members, so responses carry only what is set (as the service does). */
export function compact(obj: Input): Input {
  const out: Input = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

export function pageOf<T>(
  ctx: OperationContext,
  operation: string,
  items: T[],
  input: Input,
  maxName?: string,
  defaultSize = 50,
): Page<T> {
  const nextToken = optString(input, "NextToken");
  const max = maxName ? (input[maxName] as number | undefined) : undefined;
  return paginate(ctx, `appstream:${operation}`, items, nextToken, max, {
    defaultPageSize: defaultSize,
    invalidToken: () => invalid("The NextToken is invalid or expired."),
  });
}

/** Describe*: with Names, every name must exist; without, everything in creation order. */
export function selectByNames(
  ctx: OperationContext,
  kind: string,
  what: string,
  names: string[] | undefined,
): ResourceRecord[] {
  if (!names) return ctx.list(kind);
  return names.map((name) => {
    const record = ctx.get(kind, name);
    if (!record) throw notFound(`${what} ${name}`);
    return record;
  });
}

// Tags live beside the resource, keyed by ARN: Describe* responses do not carry them.
export function setTags(ctx: OperationContext, resourceArn: string, tags: Record<string, string> | undefined): void {
  if (tags && Object.keys(tags).length > 0)
    ctx.put({ kind: KIND.tags, id: resourceArn, attributes: { Tags: { ...tags } } });
  else ctx.remove(KIND.tags, resourceArn);
}

export function getTags(ctx: OperationContext, resourceArn: string): Record<string, string> {
  return { ...((ctx.get(KIND.tags, resourceArn)?.attributes.Tags as Record<string, string> | undefined) ?? {}) };
}
