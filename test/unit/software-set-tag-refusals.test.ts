// Which answers of a service count as a refusal to tag a software set (the create goes on with a
// warning), and what a create says when the software set it read carries no ARN to tag.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { loadSchema } from "../../provider/engine/schema-loader";
import { hooks } from "../../provider/hooks/thinclient-software-set-validation";

const arn = "arn:aws:thinclient:us-west-2:123456789012:softwareset/softwareset-0001";
const observed = { gone: false, errors: [], outputs: {}, state: "NOT_VALIDATED" };

function service(failure?: { operation: string; thrown: Error }) {
  const sent: string[] = [];
  const warnings: string[] = [];
  const ctx = {
    schema: loadSchema("thinclient:SoftwareSetValidation"),
    subject: "thinclient:SoftwareSetValidation main",
    send: ({ operation }: { operation: string }) => {
      sent.push(operation);
      if (failure?.operation === operation) return Promise.reject(failure.thrown);
      return Promise.resolve(operation === "ListTagsForResource" ? { tags: {} } : {});
    },
    report: (message: string, options: { severity?: string } = {}) => {
      if (options.severity === "warning") warnings.push(message);
      return Promise.resolve();
    },
  } as unknown as HookContext;
  return { ctx, sent, warnings };
}

const named = (name: string) => Object.assign(new Error(`TagResource: ${name}`), { name });

describe("thinclient:SoftwareSetValidation's refusals to tag", () => {
  it.each(["AccessDeniedException", "ValidationException", "ResourceNotFoundException"])(
    "takes %s to TagResource as a refusal: the create goes on with a warning",
    async (name) => {
      const { ctx, warnings } = service({ operation: "TagResource", thrown: named(name) });
      const result = await hooks.afterCreate!(ctx, { arn, validationStatus: "NOT_VALIDATED" }, {}, observed);
      expect(result.outputs.previousValidationStatus).toBe("NOT_VALIDATED");
      expect(warnings).toHaveLength(1);
    },
  );

  it("does not tag after the service refused to list the software set's tags", async () => {
    const { ctx, sent, warnings } = service({
      operation: "ListTagsForResource",
      thrown: named("AccessDeniedException"),
    });
    await hooks.afterCreate!(ctx, { arn, validationStatus: "VALIDATED" }, {}, observed);
    expect(sent).toEqual(["ListTagsForResource"]);
    expect(warnings).toEqual([
      `the service does not keep tags on software set ${arn}: destroy restores VALIDATED, unless this create is interrupted and run again`,
    ]);
  });

  it.each([[{}], [{ arn: "" }], [{ arn: 42 }]])(
    "says the software set came without an ARN (%j) before sending anything",
    async (scope) => {
      const { ctx, sent } = service();
      await expect(hooks.afterCreate!(ctx, { ...scope, validationStatus: "VALIDATED" }, {}, observed)).rejects.toThrow(
        "thinclient:SoftwareSetValidation main: GetSoftwareSet returned no arn",
      );
      expect(sent).toEqual([]);
    },
  );
});
