import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks, queryList } from "../shared/checks";
import { invalidInput, notFound } from "./errors";
import { KIND, read, write } from "./model";

const TAGS_PATH = "/tags/{resourceArn}";

function byArn(ctx: OperationContext, resourceArn: string): ResourceRecord {
  for (const kind of Object.values(KIND)) {
    const record = ctx.list(kind).find((r) => r.attributes.arn === resourceArn);
    if (record) return record;
  }
  throw notFound("resource", resourceArn);
}

const tagsOf = (record: ResourceRecord) => (record.attributes.tags ?? {}) as Record<string, string>;

export const tagOperations = [
  read("ListTagsForResource", "GET", TAGS_PATH, (req, ctx) => ({ body: { tags: { ...tagsOf(byArn(ctx, req.params.resourceArn)) } } })),

  write("TagResource", "POST", TAGS_PATH, (req, ctx) => {
    const checks = new Checks();
    const tags = checks.stringMap(req.body, "tags", "tags", { required: true });
    checks.done(invalidInput);
    const record = byArn(ctx, req.params.resourceArn);
    record.attributes.tags = { ...tagsOf(record), ...tags };
    ctx.put(record);
    return { body: {} };
  }),

  write("UntagResource", "DELETE", TAGS_PATH, (req, ctx) => {
    const checks = new Checks();
    const keys = checks.stringList({ tagKeys: queryList(req.query.tagKeys) }, "tagKeys", "tagKeys", { required: true, min: 1 });
    checks.done(invalidInput);
    const record = byArn(ctx, req.params.resourceArn);
    record.attributes.tags = Object.fromEntries(Object.entries(tagsOf(record)).filter(([key]) => !keys!.includes(key)));
    ctx.put(record);
    return { body: {} };
  }),
];
