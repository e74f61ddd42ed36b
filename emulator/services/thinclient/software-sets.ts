import { page, project, read, softwareSetOf, write } from "./access";
import { KIND } from "./model";

const SUMMARY = ["id", "version", "releasedAt", "supportedUntil", "validationStatus", "arn"] as const;
const DETAIL = ["id", "version", "releasedAt", "supportedUntil", "validationStatus", "software", "arn"] as const;

export const softwareSetOperations = [
  read("GetSoftwareSet", (req, ctx) => ({
    body: { softwareSet: project(softwareSetOf(ctx, req.params.id).attributes, DETAIL) },
  })),

  read("ListSoftwareSets", (req, ctx) => {
    const result = page(ctx, "ListSoftwareSets", ctx.list(KIND.softwareSet), req);
    return {
      body: { softwareSets: result.items.map((s) => project(s.attributes, SUMMARY)), nextToken: result.nextToken },
    };
  }),

  // Software sets are AWS-owned; their validation status is the one thing a customer sets.
  write("UpdateSoftwareSet", (req, ctx) => {
    const set = softwareSetOf(ctx, req.params.id);
    set.attributes.validationStatus = req.body.validationStatus;
    ctx.put(set);
    return {};
  }),
];
