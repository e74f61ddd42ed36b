import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks, queryList } from "../shared/checks";
import { read, write } from "./access";
import { invalidInput, notFound } from "./errors";
import { KIND } from "./model";

const TAGS_PATH = "/2020-08-01/tags/{resourceArn}";
const TAGGABLE = [KIND.studio, KIND.launchProfile, KIND.session, KIND.backup, KIND.image, KIND.component];

function byArn(ctx: OperationContext, resourceArn: string): ResourceRecord {
  for (const kind of TAGGABLE) {
    const record = ctx.list(kind).find((r) => r.attributes.arn === resourceArn);
    if (record && record.attributes.state !== "DELETED") return record;
  }
  throw notFound("Resource", resourceArn, { resourceArn });
}

const tagsOf = (record: ResourceRecord) => (record.attributes.tags ?? {}) as Record<string, string>;

export const tagOperations = [
  read("ListTagsForResource", "GET", TAGS_PATH, (req, ctx) => ({
    body: { tags: { ...tagsOf(byArn(ctx, req.params.resourceArn)) } },
  })),

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
    const tagKeys = checks.stringList({ tagKeys: queryList(req.query.tagKeys) }, "tagKeys", "tagKeys", { required: true });
    checks.done(invalidInput);
    const record = byArn(ctx, req.params.resourceArn);
    const tags = tagsOf(record);
    record.attributes.tags = Object.fromEntries(Object.entries(tags).filter(([key]) => !tagKeys!.includes(key)));
    ctx.put(record);
    return { body: {} };
  }),
];
