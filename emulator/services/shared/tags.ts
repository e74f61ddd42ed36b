// TagResource, UntagResource and ListTagsForResource: the same three operations in Nimble and Thin
// Client, over a tag map kept in each record's `tags` attribute. The model checks the tags and keys.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import { queryList } from "./checks";
import type { Handler } from "./operations";

export interface Taggable {
  /** The record an ARN names; throws the service's not-found error. */
  byArn: (ctx: OperationContext, resourceArn: string) => ResourceRecord;
  read: (name: string, handler: Handler) => Operation;
  write: (name: string, handler: Handler) => Operation;
}

const tagsOf = (record: ResourceRecord) => (record.attributes.tags ?? {}) as Record<string, string>;

export function tagOperations({ byArn, read, write }: Taggable): Operation[] {
  return [
    read("ListTagsForResource", (req, ctx) => ({ body: { tags: { ...tagsOf(byArn(ctx, req.params.resourceArn)) } } })),

    write("TagResource", (req, ctx) => {
      const record = byArn(ctx, req.params.resourceArn);
      record.attributes.tags = { ...tagsOf(record), ...(req.body.tags as Record<string, string> | undefined) };
      ctx.put(record);
      return { body: {} };
    }),

    write("UntagResource", (req, ctx) => {
      const keys = queryList(req.query.tagKeys) ?? [];
      const record = byArn(ctx, req.params.resourceArn);
      record.attributes.tags = Object.fromEntries(
        Object.entries(tagsOf(record)).filter(([key]) => !keys.includes(key)),
      );
      ctx.put(record);
      return { body: {} };
    }),
  ];
}
