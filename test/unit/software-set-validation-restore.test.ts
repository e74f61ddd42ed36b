// What a thinclient:SoftwareSetValidation keeps and puts back, through its hooks with a stand-in
// service: adoptId refused with its sentence, the status found carried through every read (and a read
// that found nothing taken as gone), the status an interrupted create left in the software set's tag
// taken back only when it is a status, and a destroy that restores the status found (unless KEEP or
// already there) with the schema's call, then removes the tag from the software set it names.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { contextFor } from "../../provider/engine/resource-context";
import type { Observation } from "../../provider/engine/waiter";
import { hooks, PREVIOUS_STATUS_TAG } from "../../provider/hooks/thinclient-software-set-validation";

type Props = Record<string, unknown>;

const arn = "arn:aws:thinclient:us-west-2:123456789012:softwareset/softwareset-0001";
const urn = "urn:pulumi:test::restore::pulumi-nodejs:dynamic/thinclient:SoftwareSetValidation::main";

/** The type's context whose calls are recorded and answered by `answers` (by operation). */
function softwareSet(answers: Record<string, Props> = {}) {
  const sent: Array<{ operation: string; request: Props }> = [];
  const ctx: HookContext = {
    ...contextFor("thinclient:SoftwareSetValidation", { __urn: urn }),
    send: (spec, request) => {
      sent.push({ operation: spec.operation, request });
      return Promise.resolve(answers[spec.operation] ?? {});
    },
    report: () => Promise.resolve(),
  };
  return { ctx, sent };
}

const at = (state: string): Observation => ({ gone: false, state, errors: [], outputs: {} });
const scope = { softwareSetId: "softwareset-0001", arn };

describe("thinclient:SoftwareSetValidation", () => {
  it("refuses adoptId, saying which software set it takes hold of instead", () => {
    const { ctx } = softwareSet();
    expect(hooks.check!(ctx, { softwareSetId: "softwareset-0001", adoptId: "softwareset-0001" })).toEqual([
      {
        property: "adoptId",
        reason:
          "adoptId is not used by thinclient:SoftwareSetValidation: it takes hold of the software set named by softwareSetId",
      },
    ]);
    expect(hooks.check!(ctx, { softwareSetId: "softwareset-0001" })).toEqual([]);
  });

  it("carries the recorded status through a read, or the one read when none is recorded yet", async () => {
    const { ctx } = softwareSet();
    const found = { id: "softwareset-0001", validationStatus: "VALIDATED" };
    expect(await hooks.read!(ctx, { ...scope, previousValidationStatus: "NOT_VALIDATED" }, found)).toEqual({
      ...found,
      previousValidationStatus: "NOT_VALIDATED",
    });
    expect(await hooks.read!(ctx, { ...scope, validationStatus: "VALIDATED" }, found)).toEqual({
      ...found,
      previousValidationStatus: "VALIDATED",
    });
  });

  it("takes a read that found nothing as gone", async () => {
    const { ctx } = softwareSet();
    expect(await hooks.read!(ctx, { ...scope, previousValidationStatus: "NOT_VALIDATED" }, undefined)).toBeUndefined();
  });

  it.each([
    ["a software set with no tags", {}, "VALIDATED"],
    ["a tag holding no status", { tags: { [PREVIOUS_STATUS_TAG]: "SOMETHING_ELSE" } }, "VALIDATED"],
    ["a tag holding a status", { tags: { [PREVIOUS_STATUS_TAG]: "NOT_VALIDATED" } }, "NOT_VALIDATED"],
  ])("after a create that found VALIDATED and %s, keeps %s", async (_, tags, kept) => {
    const { ctx, sent } = softwareSet({ ListTagsForResource: tags });
    const createScope = { ...scope, validationStatus: "VALIDATED" };
    const created = await hooks.afterCreate!(ctx, createScope, {}, at("VALIDATED"));
    expect(created.outputs.previousValidationStatus).toBe(kept);
    expect(sent[0]).toEqual({ operation: "ListTagsForResource", request: { resourceArn: arn } });
    // The reads that follow in the same create (moving the status) carry the status kept.
    const found = { id: "softwareset-0001", validationStatus: "NOT_VALIDATED" };
    expect(await hooks.read!(ctx, createScope, found)).toEqual({ ...found, previousValidationStatus: kept });
  });

  it("keeps the status found in a tag on the software set before anything changes", async () => {
    const { ctx, sent } = softwareSet({ ListTagsForResource: { tags: {} } });
    await hooks.afterCreate!(ctx, { ...scope, validationStatus: "NOT_VALIDATED" }, {}, at("NOT_VALIDATED"));
    expect(sent).toEqual([
      { operation: "ListTagsForResource", request: { resourceArn: arn } },
      { operation: "TagResource", request: { resourceArn: arn, tags: { [PREVIOUS_STATUS_TAG]: "NOT_VALIDATED" } } },
    ]);
  });

  it("restores the status found with the schema's call, then untags the software set", async () => {
    const { ctx, sent } = softwareSet();
    await hooks.delete!(ctx, scope, { ...scope, previousValidationStatus: "NOT_VALIDATED" }, at("VALIDATED"));
    expect(sent).toEqual([
      { operation: "UpdateSoftwareSet", request: { id: "softwareset-0001", validationStatus: "NOT_VALIDATED" } },
      { operation: "UntagResource", request: { resourceArn: arn, tagKeys: [PREVIOUS_STATUS_TAG] } },
    ]);
  });

  it.each([
    ["deleteBehaviour is KEEP", { deleteBehaviour: "KEEP", previousValidationStatus: "NOT_VALIDATED" }, "VALIDATED"],
    ["the status is already the one found", { previousValidationStatus: "VALIDATED" }, "VALIDATED"],
    ["no status was recorded", {}, "VALIDATED"],
  ])("restores nothing, and only untags, when %s", async (_, props, state) => {
    const { ctx, sent } = softwareSet();
    await hooks.delete!(ctx, scope, { ...scope, ...props }, at(state));
    expect(sent.map((s) => s.operation)).toEqual(["UntagResource"]);
  });

  it("restores with deleteBehaviour RESTORE", async () => {
    const { ctx, sent } = softwareSet();
    const props = { ...scope, deleteBehaviour: "RESTORE", previousValidationStatus: "VALIDATED" };
    await hooks.delete!(ctx, scope, props, at("NOT_VALIDATED"));
    expect(sent.map((s) => s.request.validationStatus)).toEqual(["VALIDATED", undefined]);
  });

  it("says it cannot restore a recorded value that is not a status, before changing anything", async () => {
    const { ctx, sent } = softwareSet();
    const props = { ...scope, previousValidationStatus: "SOMETHING_ELSE" };
    await expect(hooks.delete!(ctx, scope, props, at("VALIDATED"))).rejects.toThrow(
      "thinclient:SoftwareSetValidation main: cannot restore validation status SOMETHING_ELSE",
    );
    expect(sent).toEqual([]);
  });

  it.each([[{}], [{ arn: "" }]])("untags nothing for state without the software set's ARN (%j)", async (arnOf) => {
    const { ctx, sent } = softwareSet();
    const { arn: _arn, ...withoutArn } = scope;
    const props = { ...withoutArn, ...arnOf, previousValidationStatus: "VALIDATED" };
    await hooks.delete!(ctx, props, props, at("VALIDATED"));
    expect(sent).toEqual([]);
  });
});
