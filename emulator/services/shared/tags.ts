// TagResource, UntagResource and ListTagsForResource: the same three operations in both services,
// over a tag map kept in each record's `tags` attribute.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import { Checks, queryList, type Issue } from "./checks";
import { read, type writes } from "./operations";

export interface Taggable {
  /** The tags path with its {resourceArn} label. */
  path: string;
  /** The record an ARN names; throws the service's not-found error. */
  byArn(ctx: OperationContext, resourceArn: string): ResourceRecord;
  invalidInput(issues: Issue[]): Error;
  write: ReturnType<typeof writes>;
}

const tagsOf = (record: ResourceRecord) => (record.attributes.tags ?? {}) as Record<string, string>;

export function tagOperations({ path, byArn, invalidInput, write }: Taggable): Operation[] {
  return [
    read("ListTagsForResource", "GET", path, (req, ctx) => ({ body: { tags: { ...tagsOf(byArn(ctx, req.params.resourceArn)) } } })),

    write("TagResource", "POST", path, (req, ctx) => {
      const checks = new Checks();
      const tags = checks.stringMap(req.body, "tags", "tags", { required: true });
      checks.done(invalidInput);
      const record = byArn(ctx, req.params.resourceArn);
      record.attributes.tags = { ...tagsOf(record), ...tags };
      ctx.put(record);
      return { body: {} };
    }),

    write("UntagResource", "DELETE", path, (req, ctx) => {
      const checks = new Checks();
      const keys = checks.stringList({ tagKeys: queryList(req.query.tagKeys) }, "tagKeys", "tagKeys", { required: true, min: 1 });
      checks.done(invalidInput);
      const record = byArn(ctx, req.params.resourceArn);
      record.attributes.tags = Object.fromEntries(Object.entries(tagsOf(record)).filter(([key]) => !keys!.includes(key)));
      ctx.put(record);
      return { body: {} };
    }),
  ];
}
