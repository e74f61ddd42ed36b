// A software set belongs to AWS; this resource only borrows its validation status. The status it
// found is what destroy puts back. The stack records it only once the create has answered, so a
// create killed after changing the status would lose it: before changing anything the create tags
// the software set with the status it found (TagResource takes any resource ARN:
// https://docs.aws.amazon.com/workspaces-thin-client/latest/api/API_TagResource.html), a create run
// again after such a kill reads the status back from that tag, and destroy removes the tag. Software
// sets belong to AWS and their model carries no tags, so a service that refuses to tag one is not an
// error: the create goes on, warning that an interrupted create could not be recovered exactly.
import type { HookContext, Hooks } from "../engine/hooks";
import type { Outputs } from "../engine/state";
import { isRecord } from "../engine/wire";

const previous = "previousValidationStatus";
/** The tag that holds, at the service, the status this resource found (aws: keys are AWS's own). */
export const PREVIOUS_STATUS_TAG = "pulumi-aws-euc:previousValidationStatus";

function arnOf(ctx: HookContext, scope: Outputs): string {
  if (typeof scope.arn !== "string" || scope.arn === "")
    throw new Error(`${ctx.subject}: GetSoftwareSet returned no arn`);
  return scope.arn;
}

/** Answers by which a service refuses to tag a software set (rather than failing for another reason). */
const refusals = new Set(["AccessDeniedException", "ValidationException", "ResourceNotFoundException"]);

async function unlessRefused(work: () => Promise<unknown>): Promise<"done" | "refused"> {
  try {
    await work();
    // Stryker disable next-line StringLiteral: callers compare the answer with "refused" only.
    return "done";
  } catch (error) {
    // A hook's send fails only with an Error named as the service named its answer (calls.ts).
    if (refusals.has((error as Error).name)) return "refused";
    throw error;
  }
}

/** The validation statuses, each with the call that sets it (the schema's desired-state values). */
function statusCalls(ctx: HookContext) {
  // Stryker disable next-line OptionalChaining: this type's schema always has its desiredState.
  return ctx.schema.desiredState?.values ?? {};
}

/** The status a create of this resource found earlier, if one was interrupted before the stack recorded it. */
async function recordedAtService(ctx: HookContext, arn: string): Promise<string | undefined> {
  const answer = await ctx.send({ operation: "ListTagsForResource" }, { resourceArn: arn });
  const recorded = isRecord(answer.tags) ? answer.tags[PREVIOUS_STATUS_TAG] : undefined;
  return Object.keys(statusCalls(ctx)).find((status) => status === recorded);
}

export const hooks: Hooks = {
  check(_ctx, inputs) {
    if (inputs.adoptId === undefined) return [];
    return [
      {
        property: "adoptId",
        reason:
          "adoptId is not used by thinclient:SoftwareSetValidation: it takes hold of the software set named by softwareSetId",
      },
    ];
  },

  /**
   * Carries the recorded status through every read. State has it from the first create onwards; during
   * that create the hook below has put it in the scope before any change.
   */
  read(_ctx, scope, found) {
    if (!isRecord(found)) return undefined;
    return { ...found, [previous]: scope[previous] ?? scope.validationStatus };
  },

  /**
   * Runs before the status is changed: keeps the status found (the create call is a GetSoftwareSet) at
   * the service first, or takes the one an interrupted create kept there.
   */
  async afterCreate(ctx, scope, _inputs, observed) {
    const arn = arnOf(ctx, scope);
    let status: string | undefined;
    const listed = await unlessRefused(async () => {
      status = await recordedAtService(ctx, arn);
    });
    if (status === undefined) {
      const found = String(scope.validationStatus);
      status = found;
      const tagged =
        listed === "refused"
          ? "refused"
          : await unlessRefused(() =>
              ctx.send({ operation: "TagResource" }, { resourceArn: arn, tags: { [PREVIOUS_STATUS_TAG]: found } }),
            );
      if (tagged === "refused")
        await ctx.report(
          `the service does not keep tags on software set ${arn}: destroy restores ${found}, unless this create is interrupted and run again`,
          { severity: "warning" },
        );
    }
    // The scope is what every read of this create carries the status from.
    scope[previous] = status;
    return { ...observed, outputs: { ...observed.outputs, [previous]: status } };
  },

  async delete(ctx, scope, props, current) {
    const restore = props[previous];
    if (props.deleteBehaviour !== "KEEP" && typeof restore === "string" && current.state !== restore) {
      const spec = statusCalls(ctx)[restore]?.call;
      if (!spec) throw new Error(`${ctx.subject}: cannot restore validation status ${restore}`);
      await ctx.send(spec, ctx.request(spec, scope, {}));
    }
    // Last, so that a destroy killed before it still finds the status to restore.
    const arn = props.arn;
    if (typeof arn === "string" && arn !== "")
      await unlessRefused(() =>
        ctx.send({ operation: "UntagResource" }, { resourceArn: arn, tagKeys: [PREVIOUS_STATUS_TAG] }),
      );
  },
};
