import type { Operation, OperationContext } from "../../core/types";
import {
  getTags,
  invalid,
  KIND,
  notFound,
  optStringList,
  optTags,
  reqString,
  setTags,
  type Input,
  read,
  write,
} from "./common";

const TAGGABLE: Record<string, string> = {
  fleet: KIND.fleet,
  stack: KIND.stack,
  "image-builder": KIND.imageBuilder,
  image: KIND.image,
  "app-block": "appstream:AppBlock",
  "app-block-builder": "appstream:AppBlockBuilder",
  application: "appstream:Application",
};

/** Resolves an AppStream ARN to the ARN of an existing resource, or fails as the service does. */
function resourceArn(input: Input, ctx: OperationContext): string {
  const value = reqString(input, "ResourceArn");
  const match = /^arn:aws[a-z-]*:appstream:[^:]*:[^:]*:([a-z-]+)\/(.+)$/.exec(value);
  if (!match) throw invalid(`ResourceArn '${value}' is not an AppStream ARN.`);
  const kind = TAGGABLE[match[1]];
  const record = kind ? ctx.get(kind, match[2]) : undefined;
  if (!record || record.attributes.Arn !== value) throw notFound(`Resource ${value}`);
  return value;
}

function tagResource(input: Input, ctx: OperationContext) {
  const target = resourceArn(input, ctx);
  const merged = { ...getTags(ctx, target), ...optTags(input) };
  if (Object.keys(merged).length > 50) throw invalid("A resource can have at most 50 tags.");
  setTags(ctx, target, merged);
  return { body: {} };
}

function untagResource(input: Input, ctx: OperationContext) {
  const target = resourceArn(input, ctx);
  const keys = optStringList(input, "TagKeys") ?? [];
  const tags = getTags(ctx, target);
  for (const key of keys) delete tags[key];
  setTags(ctx, target, tags);
  return { body: {} };
}

function listTagsForResource(input: Input, ctx: OperationContext) {
  // The model's Tags map holds at least one entry: a resource without tags answers without the member.
  const tags = getTags(ctx, resourceArn(input, ctx));
  return { body: Object.keys(tags).length > 0 ? { Tags: tags } : {} };
}

export const tagOperations: Operation[] = [
  write("TagResource", (req, ctx) => tagResource(req.body, ctx)),
  write("UntagResource", (req, ctx) => untagResource(req.body, ctx)),
  read("ListTagsForResource", (req, ctx) => listTagsForResource(req.body, ctx)),
];
