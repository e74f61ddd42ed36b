// What a read makes of the tag listing that follows it, and of a read by listing, against the local
// endpoint: the tags are read by the ARN the read returned (the one from state asked for alongside
// it is only a head start), a resource whose tags the service no longer finds was deleted between
// the two calls, any other refusal is an error, a read without the ARN cannot list tags; a listed
// read whose parent the service no longer has is gone; errors the service reports are worded as
// code and message, without the part the service left out.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { runtimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { observe } from "../../provider/engine/observe";
import { readResource } from "../../provider/engine/read";
import { contextFor } from "../../provider/engine/resource-context";
import type { ResourceSchema } from "../../provider/engine/schema-types";

const { emulator, checked } = engineEndpoint([appstreamService], { stack: "observe-tags", namePrefix: "t" });

afterEach(async () => {
  await emulator().control.clearFaults();
});

const elsewhere = "arn:aws:appstream:us-west-2:123456789012:stack/deleted-meanwhile";

async function taggedStack() {
  return createResource("appstream:Stack", checked("appstream:Stack", { tags: { team: "euc" } }));
}

describe("the tags of a read", () => {
  it("are read by the ARN the read returned when the one from state names nothing any more", async () => {
    const { id, outs } = await taggedStack();
    await emulator().control.resetCalls();
    const read = await readResource("appstream:Stack", id, { ...outs, arn: elsewhere });
    expect(read.props?.tags).toEqual({ team: "euc" });
    // The ARN from state was asked alongside the read; its answer (not found) is not the resource's.
    const asked = (await emulator().control.inputs("ListTagsForResource")).map((input) => input.ResourceArn);
    expect(asked.sort()).toEqual([outs.arn, elsewhere].sort());
  });

  it("wait for the read when the state has no ARN to ask by", async () => {
    const { id, outs } = await taggedStack();
    await emulator().control.resetCalls();
    const read = await readResource("appstream:Stack", id, { ...outs, arn: "" });
    expect(read.props?.tags).toEqual({ team: "euc" });
    expect(await emulator().control.inputs("ListTagsForResource")).toEqual([{ ResourceArn: outs.arn }]);
  });

  it("that the service no longer finds mean the resource was deleted between the two calls", async () => {
    const { id } = await taggedStack();
    // The read names an ARN the tag listing finds nothing under, as after a deletion in between.
    await emulator().control.mutate("appstream:Stack", id, { Arn: elsewhere });
    expect(await readResource("appstream:Stack", id, {})).toEqual({});
  });

  it("that the service refuses for another reason are an error, not a deletion", async () => {
    const { id } = await taggedStack();
    await emulator().control.mutate("appstream:Stack", id, { Arn: "arn:aws:s3:::not-a-stack" });
    await expect(readResource("appstream:Stack", id, {})).rejects.toThrow(/^ListTagsForResource failed: /);
  });

  it("cannot be listed when the read returned no ARN, which the error says", async () => {
    const { id, outs } = await taggedStack();
    await emulator().control.mutate("appstream:Stack", id, { Arn: null });
    await expect(readResource("appstream:Stack", id, { __urn: outs.__urn })).rejects.toThrow(
      `appstream:Stack ${String(outs.__urn).split("::").pop()}: the read returned no {arn} to list its tags by`,
    );
  });
});

describe("a read by listing", () => {
  const association = "appstream:ApplicationEntitlementAssociation";

  it("is gone when the service no longer has what it is listed under", async () => {
    expect(await readResource(association, "no-stack/no-entitlement/app", {})).toEqual({});
    expect(await emulator().control.inputs("ListEntitledApplications")).toEqual([
      { StackName: "no-stack", EntitlementName: "no-entitlement" },
    ]);
  });

  it("that the service refuses otherwise is an error", async () => {
    const config = runtimeConfig();
    setRuntimeConfig({ ...config, maxAttempts: 1 });
    await emulator().control.setFaults({ serverErrorPercent: 100 });
    try {
      await expect(readResource(association, "no-stack/no-entitlement/app", {})).rejects.toThrow(
        /^ListEntitledApplications failed: InternalFailure/,
      );
    } finally {
      setRuntimeConfig(config);
    }
  });

  it("needs the read's items member, which a schema author is told", async () => {
    const ctx = contextFor("appstream:User", {});
    const { items: _items, ...read } = ctx.schema.operations.read;
    const schema: ResourceSchema = { ...ctx.schema, operations: { ...ctx.schema.operations, read } };
    await expect(
      observe({ ...ctx, schema }, { userName: "a@example.com", authenticationType: "USERPOOL" }),
    ).rejects.toThrow("appstream:User: operations.read.match needs operations.read.items");
  });
});

describe("the errors a resource reports", () => {
  it("read as code and message, leaving out a part the service did not give", async () => {
    const { id, outs } = await createResource(
      "appstream:Fleet",
      checked("appstream:Fleet", {
        instanceType: "stream.standard.medium",
        imageName: "AppStream-WinServer2019-06-12-2024",
        computeCapacity: { desiredInstances: 1 },
      }),
    );
    await emulator().control.mutate("appstream:Fleet", id, {
      FleetErrors: [
        { ErrorCode: "IAM_SERVICE_ROLE_IS_MISSING" },
        { ErrorMessage: "The subnet has no free addresses." },
        { ErrorCode: "SECURITY_GROUPS_NOT_FOUND", ErrorMessage: "sg-1 does not exist." },
      ],
    });
    const observed = await observe(contextFor("appstream:Fleet", outs), outs);
    expect(observed.errors).toEqual([
      "IAM_SERVICE_ROLE_IS_MISSING",
      "The subnet has no free addresses.",
      "SECURITY_GROUPS_NOT_FOUND: sg-1 does not exist.",
    ]);
  });
});
