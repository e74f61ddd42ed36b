import type { OperationContext, ResourceRecord } from "../../core/types";
import { tagOperations as shared } from "../shared/tags";
import { read, write } from "./access";
import { notFound } from "./errors";
import { KIND } from "./model";

const TAGGABLE = [KIND.studio, KIND.launchProfile, KIND.session, KIND.backup, KIND.image, KIND.component];

function byArn(ctx: OperationContext, resourceArn: string): ResourceRecord {
  for (const kind of TAGGABLE) {
    const record = ctx.list(kind).find((r) => r.attributes.arn === resourceArn);
    if (record && record.attributes.state !== "DELETED") return record;
  }
  throw notFound("Resource", resourceArn, { resourceArn });
}

export const tagOperations = shared({ byArn, read, write });
