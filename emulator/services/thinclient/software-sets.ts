import { Checks } from "../shared/checks";
import { invalidInput } from "./errors";
import { page, project, read, softwareSetOf, write } from "./access";
import { KIND, VALIDATION_STATUS } from "./model";

const SUMMARY = ["id", "version", "releasedAt", "supportedUntil", "validationStatus", "arn"] as const;
const DETAIL = ["id", "version", "releasedAt", "supportedUntil", "validationStatus", "software", "arn"] as const;

export const softwareSetOperations = [
  read("GetSoftwareSet", "GET", "/softwaresets/{id}", (req, ctx) => ({
    body: { softwareSet: project(softwareSetOf(ctx, req.params.id).attributes, DETAIL) },
  })),

  read("ListSoftwareSets", "GET", "/softwaresets", (req, ctx) => {
    const result = page(ctx, "ListSoftwareSets", ctx.list(KIND.softwareSet), req);
    return { body: { softwareSets: result.items.map((s) => project(s.attributes, SUMMARY)), nextToken: result.nextToken } };
  }),

  // Software sets are AWS-owned; their validation status is the one thing a customer sets.
  write("UpdateSoftwareSet", "PATCH", "/softwaresets/{id}", (req, ctx) => {
    const set = softwareSetOf(ctx, req.params.id);
    const checks = new Checks();
    const status = checks.oneOf(req.body, "validationStatus", "validationStatus", VALIDATION_STATUS, { required: true });
    checks.done(invalidInput);
    set.attributes.validationStatus = status;
    ctx.put(set);
    return { status: 204 };
  }),
];
