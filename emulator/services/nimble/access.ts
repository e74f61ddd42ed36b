import { paginate, stableStringify } from "../../core/helpers";
import type { OperationContext, ResourceRecord } from "../../core/types";
import { queryString } from "../shared/checks";
import { operationsOf } from "../shared/operations";
import { conflict, invalidInput, invalidPageToken, notFound, tokenMismatch } from "./errors";
import { DEFAULT_PAGE_SIZE, KIND } from "./model";

/**
 * The Nimble operations. Mutating calls whose request carries `x-amz-client-token` replay their
 * first result for a retry with the same token and parameters; a retry with other parameters fails
 * with ValidationException.
 */
export const { read, write } = operationsOf({
  service: "nimble",
  invalidInput,
  clientToken: {
    of: (req) => ({
      token: req.headers["x-amz-client-token"],
      request: { params: req.params, query: req.query, body: req.body },
    }),
    mismatch: tokenMismatch,
  },
});

export function studioOf(ctx: OperationContext, studioId: string): ResourceRecord {
  const studio = ctx.get(KIND.studio, studioId);
  if (!studio) throw notFound("Studio", studioId, { studioId });
  return studio;
}

/** A resource nested in a studio; one that belongs to another studio is as absent as a missing one. */
export function childOf(
  ctx: OperationContext,
  kind: string,
  what: string,
  studioId: string,
  id: string,
): ResourceRecord {
  studioOf(ctx, studioId);
  const record = ctx.get(kind, id);
  if (!record || record.parentId !== studioId) throw notFound(what, id, { studioId, id });
  return record;
}

export const stateOf = (record: ResourceRecord) => record.attributes.state as string;

/** Mutations are refused while another operation on the resource is still in progress. */
export function requireSettled(record: ResourceRecord, what: string): void {
  const state = stateOf(record);
  if (state === "DELETED") throw notFound(what, record.id);
  if (state.endsWith("_IN_PROGRESS")) {
    throw conflict(`${what} ${record.id} is ${state}; another operation is in progress.`, { state });
  }
}

export function requireState(record: ResourceRecord, what: string, allowed: string[]): void {
  requireSettled(record, what);
  const state = stateOf(record);
  if (!allowed.includes(state)) {
    throw conflict(`${what} ${record.id} is ${state}; this operation needs ${allowed.join(" or ")}.`, { state });
  }
}

/** The attributes as a response body member (a copy, so the caller cannot alias world state). */
export const view = (record: ResourceRecord): Record<string, unknown> => structuredClone(record.attributes);

/** The maxResults query member (its range is the model's); the page size when absent is 100. */
export function maxResults(raw: string | string[] | undefined): number {
  const text = queryString(raw);
  return text === undefined ? DEFAULT_PAGE_SIZE : Number(text);
}

/**
 * One page of a listing. The token is bound to the operation, its studio and its filters, so a
 * token replayed against a different listing is refused like an unknown one.
 */
export function page(
  ctx: OperationContext,
  scope: [operation: string, ...rest: unknown[]],
  items: ResourceRecord[],
  nextToken: string | string[] | undefined,
  pageSize = DEFAULT_PAGE_SIZE,
): { items: Record<string, unknown>[]; nextToken?: string } {
  const [operation, ...rest] = scope;
  const result = paginate(ctx, `${operation}:${stableStringify(rest)}`, items, queryString(nextToken), pageSize, {
    invalidToken: () => invalidPageToken("The pagination token is invalid or expired."),
  });
  return { items: result.items.map(view), nextToken: result.nextToken };
}
