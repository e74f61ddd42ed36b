// A software set belongs to AWS and its model carries no tags: where the service refuses to tag one,
// the validation still goes ahead (with a warning) rather than failing the user's up.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { loadSchema } from "../../provider/engine/schema-loader";
import { hooks, PREVIOUS_STATUS_TAG } from "../../provider/hooks/thinclient-software-set-validation";

const arn = "arn:aws:thinclient:us-west-2:123456789012:softwareset/softwareset-0001";

function serviceRefusing(refused: string[], name = "ValidationException") {
  const sent: string[] = [];
  const warnings: string[] = [];
  const ctx = {
    schema: loadSchema("thinclient:SoftwareSetValidation"),
    subject: "thinclient:SoftwareSetValidation main",
    send: async ({ operation }: { operation: string }) => {
      sent.push(operation);
      if (refused.includes(operation)) throw Object.assign(new Error(`${operation}: refused`), { name });
      return operation === "ListTagsForResource" ? { tags: {} } : {};
    },
    report: async (message: string, options: { severity?: string } = {}) => {
      if (options.severity === "warning") warnings.push(message);
    },
  } as unknown as HookContext;
  return { ctx, sent, warnings };
}

const observed = { gone: false, errors: [], outputs: {}, state: "NOT_VALIDATED" };

describe("thinclient:SoftwareSetValidation's status tag", () => {
  it("keeps the status found in a tag when the service takes it", async () => {
    const { ctx, sent, warnings } = serviceRefusing([]);
    const scope = { arn, validationStatus: "NOT_VALIDATED" };
    const result = await hooks.afterCreate!(ctx, scope, {}, observed);
    expect(result.outputs.previousValidationStatus).toBe("NOT_VALIDATED");
    expect(sent).toEqual(["ListTagsForResource", "TagResource"]);
    expect(warnings).toEqual([]);
    expect(PREVIOUS_STATUS_TAG).toBe("pulumi-aws-euc:previousValidationStatus");
  });

  it.each([["TagResource"], ["ListTagsForResource"]])(
    "goes on with a warning when the service refuses %s on a software set",
    async (operation) => {
      const { ctx, warnings } = serviceRefusing([operation]);
      const scope = { arn, validationStatus: "NOT_VALIDATED" };
      const result = await hooks.afterCreate!(ctx, scope, {}, observed);
      expect(result.outputs.previousValidationStatus).toBe("NOT_VALIDATED");
      expect(warnings).toEqual([
        `the service does not keep tags on software set ${arn}: destroy restores NOT_VALIDATED, unless this create is interrupted and run again`,
      ]);
    },
  );

  it("fails the create on any other error, which is not a refusal to tag", async () => {
    const { ctx } = serviceRefusing(["TagResource"], "InternalServerException");
    await expect(hooks.afterCreate!(ctx, { arn, validationStatus: "NOT_VALIDATED" }, {}, observed)).rejects.toThrow(
      "TagResource: refused",
    );
  });

  it("destroys without a tag to remove where the service refuses UntagResource", async () => {
    const { ctx, sent } = serviceRefusing(["UntagResource"]);
    const props = { arn, previousValidationStatus: "NOT_VALIDATED", deleteBehaviour: "RESTORE" };
    await hooks.delete!(ctx, { arn, softwareSetId: "softwareset-0001" }, props, {
      ...observed,
      state: "NOT_VALIDATED",
    });
    expect(sent).toEqual(["UntagResource"]);
  });
});
