import type { Operation, OperationContext } from "../../core/types";
import { getTags, invalid, KIND, notFound, optStringList, optTags, reqString, setTags, type Input } from "./common";

const TAGGABLE: Record<string, string> = {
  fleet: KIND.fleet,
  stack: KIND.stack,
  "image-builder": KIND.imageBuilder,
  image: KIND.image,
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
  const tags = optTags(input);
  if (!tags) throw invalid("Missing required parameter Tags.");
  const merged = { ...getTags(ctx, target), ...tags };
  if (Object.keys(merged).length > 50) throw invalid("A resource can have at most 50 tags.");
  setTags(ctx, target, merged);
  return { body: {} };
}

function untagResource(input: Input, ctx: OperationContext) {
  const target = resourceArn(input, ctx);
  const keys = optStringList(input, "TagKeys");
  if (!keys) throw invalid("Missing required parameter TagKeys.");
  const tags = getTags(ctx, target);
  for (const key of keys) delete tags[key];
  setTags(ctx, target, tags);
  return { body: {} };
}

function listTagsForResource(input: Input, ctx: OperationContext) {
  return { body: { Tags: getTags(ctx, resourceArn(input, ctx)) } };
}

export const tagOperations: Operation[] = [
  { name: "TagResource", mutating: true, handler: (req, ctx) => tagResource(req.body, ctx) },
  { name: "UntagResource", mutating: true, handler: (req, ctx) => untagResource(req.body, ctx) },
  { name: "ListTagsForResource", mutating: false, handler: (req, ctx) => listTagsForResource(req.body, ctx) },
];
