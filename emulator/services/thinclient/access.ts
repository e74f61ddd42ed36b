// Lookups, operation builders and response shaping shared by the Thin Client operations.
import { paginate, stableStringify } from "../../core/helpers";
import type { OperationContext, OperationRequest, ResourceRecord } from "../../core/types";
import { queryString } from "../shared/checks";
import { operationsOf } from "../shared/operations";
import { invalid, invalidInput, notFound, tokenMismatch } from "./errors";
import { KIND, TYPE } from "./model";

/**
 * The Thin Client operations. The client token of a mutating call travels in the body (create,
 * deregister) or the query (deletes); the request it vouches for leaves the token itself out.
 */
export const { read, write } = operationsOf({
  service: "thinclient",
  invalidInput,
  clientToken: {
    of: (req) => {
      const { clientToken: bodyToken, ...body } = req.body;
      const { clientToken: queryToken, ...query } = req.query;
      const token = typeof bodyToken === "string" ? bodyToken : queryString(queryToken);
      return { token, request: { params: req.params, query, body } };
    },
    mismatch: tokenMismatch,
  },
});

export function find(ctx: OperationContext, kind: string, type: string, id: string): ResourceRecord {
  const record = ctx.get(kind, id);
  if (!record) throw notFound(type, id);
  return record;
}

/** A desired software set must exist; the reference is reported like any missing resource. */
export function softwareSetOf(ctx: OperationContext, id: string): ResourceRecord {
  return find(ctx, KIND.softwareSet, TYPE.softwareSet, id);
}

/** Copies the members a response shape documents, in its order, leaving absent ones out. */
export function project(attributes: Record<string, unknown>, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of members) if (attributes[member] !== undefined) out[member] = structuredClone(attributes[member]);
  return out;
}

/**
 * Seed 004 documents `tags` on environments and devices as {resourceArn, internalId} rather than
 * the tag map; the map itself is only readable through ListTagsForResource.
 */
export const tagReference = (record: ResourceRecord) => ({ resourceArn: record.attributes.arn, internalId: record.id });

/** Pages of a listing; maxResults (bounded by the model) is an upper limit, 50 when absent. */
export function page<T>(
  ctx: OperationContext,
  operation: string,
  items: T[],
  req: OperationRequest,
): { items: T[]; nextToken?: string } {
  const text = queryString(req.query.maxResults);
  const maxResults = text === undefined ? undefined : Number(text);
  return paginate(
    ctx,
    `${operation}:${stableStringify(req.params)}`,
    items,
    queryString(req.query.nextToken),
    maxResults,
    {
      defaultPageSize: 50,
      maxPageSize: 50,
      invalidToken: () => invalid("InvalidToken: the pagination token is invalid or expired."),
    },
  );
}

/**
 * Whether a device runs a supported software set: one whose supportedUntil is still ahead. Derived
 * on every read, so a set going out of support shows without anyone touching the device.
 */
export function complianceOf(ctx: OperationContext, device: ResourceRecord): "COMPLIANT" | "NOT_COMPLIANT" | "NONE" {
  const current = device.attributes.currentSoftwareSetId as string | undefined;
  const set = current === undefined ? undefined : ctx.get(KIND.softwareSet, current);
  if (!set) return "NONE";
  return (set.attributes.supportedUntil as number) * 1000 > ctx.clock.now() ? "COMPLIANT" : "NOT_COMPLIANT";
}
