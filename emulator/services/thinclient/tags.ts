import type { OperationContext, ResourceRecord } from "../../core/types";
import { tagOperations as shared } from "../shared/tags";
import { notFound } from "./errors";
import { read, write } from "./access";
import { KIND } from "./model";

function byArn(ctx: OperationContext, resourceArn: string): ResourceRecord {
  for (const kind of Object.values(KIND)) {
    const record = ctx.list(kind).find((r) => r.attributes.arn === resourceArn);
    if (record) return record;
  }
  throw notFound("resource", resourceArn);
}

export const tagOperations = shared({ byArn, read, write });
