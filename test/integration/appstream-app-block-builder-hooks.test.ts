// What the appstream:AppBlockBuilder hook does that a user notices, through the provider's entry points
// against the local endpoint: app blocks associated after the create (never sent in it) and before
// the start, the associations read back, swapped by their difference on update, and taken away
// before the delete, which stops a running builder first and takes one deleted meanwhile as deleted.
import { describe, expect, it } from "vitest";
import { AssociateAppBlockBuilderAppBlockCommand } from "@aws-sdk/client-appstream";
import { appstreamService } from "../../emulator/services/appstream";
import { createAwsClients } from "../../provider/aws-clients";
import { checked, create, destroy, providerEndpoint, read, update } from "../helpers/provider-calls";

const endpoint = providerEndpoint([appstreamService], "world");

const builderOperations = /AppBlockBuilder(AppBlock)?$/;

/** The builder's mutating calls the endpoint received, in order. */
async function builderCalls(): Promise<string[]> {
  const { log } = await endpoint().control.calls();
  return log.map((e) => e.operation).filter((op) => builderOperations.test(op) && !op.startsWith("Describe"));
}

const associated = async (builderName: string) =>
  (await endpoint().control.resources("appstream:AppBlockBuilderAppBlockAssociation"))
    .filter((a) => a.attributes.AppBlockBuilderName === builderName)
    .map((a) => a.attributes.AppBlockArn);

async function appBlock(name: string): Promise<string> {
  const block = await create(
    await checked("appstream:AppBlock", {
      name,
      packagingType: "APPSTREAM2",
      sourceS3Location: { s3Bucket: "euc-apps", s3Key: `blocks/${name}.vhdx` },
    }),
  );
  return String(block.outs.arn);
}

const builderInputs = (name: string, more: Record<string, unknown> = {}) =>
  checked("appstream:AppBlockBuilder", {
    name,
    platform: "WINDOWS_SERVER_2019",
    instanceType: "stream.standard.medium",
    vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
    ...more,
  });

describe("appstream:AppBlockBuilder create", () => {
  it("creates without the app blocks, associates each one, then starts the builder", async () => {
    const [tools, viewers] = [await appBlock("tools"), await appBlock("viewers")];
    await endpoint().control.resetCalls();
    const builder = await create(await builderInputs("packager", { appBlockArns: [tools, viewers], state: "RUNNING" }));
    expect(await builderCalls()).toEqual([
      "CreateAppBlockBuilder",
      "AssociateAppBlockBuilderAppBlock",
      "AssociateAppBlockBuilderAppBlock",
      "StartAppBlockBuilder",
    ]);
    const [sent] = await endpoint().control.inputs("CreateAppBlockBuilder");
    expect(sent).not.toHaveProperty("AppBlockArns");
    expect(sent).toMatchObject({ Name: "packager", InstanceType: "stream.standard.medium" });
    expect(await endpoint().control.inputs("AssociateAppBlockBuilderAppBlock")).toEqual([
      { AppBlockBuilderName: "packager", AppBlockArn: tools },
      { AppBlockBuilderName: "packager", AppBlockArn: viewers },
    ]);
    expect(builder.outs.appBlockArns).toEqual([tools, viewers]);
    expect(builder.outs.currentState).toBe("RUNNING");
    expect(await associated("packager")).toEqual([tools, viewers]);
  });

  it("creates a builder without app blocks with no association call, and reads none back", async () => {
    const builder = await create(await builderInputs("bare"));
    expect(await builderCalls()).toEqual(["CreateAppBlockBuilder"]);
    expect(builder.outs.currentState).toBe("STOPPED");
    expect(builder.outs).not.toHaveProperty("appBlockArns");
    const refreshed = await read(builder.id, builder.outs);
    expect(refreshed.props).not.toHaveProperty("appBlockArns");
  });

  it("reads an app block associated in the console as the builder's appBlockArns", async () => {
    const tools = await appBlock("tools");
    const builder = await create(await builderInputs("reader"));
    await createAwsClients({ endpoint: endpoint().url }).appstream.send(
      new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "reader", AppBlockArn: tools }),
    );
    const refreshed = await read(builder.id, builder.outs);
    expect(refreshed.props?.appBlockArns).toEqual([tools]);
  });
});

describe("appstream:AppBlockBuilder update", () => {
  it("swaps app blocks by their difference: disassociates only the dropped one, associates only the new one", async () => {
    const [tools, viewers, editors] = [await appBlock("tools"), await appBlock("viewers"), await appBlock("editors")];
    const inputs = await builderInputs("swapper", { appBlockArns: [tools, viewers] });
    const builder = await create(inputs);
    await endpoint().control.resetCalls();
    const updated = await update(builder.id, builder.outs, { ...inputs, appBlockArns: [viewers, editors] });
    expect(await builderCalls()).toEqual(["DisassociateAppBlockBuilderAppBlock", "AssociateAppBlockBuilderAppBlock"]);
    expect(await endpoint().control.inputs("DisassociateAppBlockBuilderAppBlock")).toEqual([
      { AppBlockBuilderName: "swapper", AppBlockArn: tools },
    ]);
    expect(await endpoint().control.inputs("AssociateAppBlockBuilderAppBlock")).toEqual([
      { AppBlockBuilderName: "swapper", AppBlockArn: editors },
    ]);
    expect(await associated("swapper")).toEqual([viewers, editors]);
    expect(updated.outs.appBlockArns).toEqual([viewers, editors]);
  });

  it("sends the other changes in UpdateAppBlockBuilder, without the app blocks", async () => {
    const [tools, viewers] = [await appBlock("tools"), await appBlock("viewers")];
    const inputs = await builderInputs("mixed", { appBlockArns: [tools], displayName: "Packager" });
    const builder = await create(inputs);
    await endpoint().control.resetCalls();
    const updated = await update(builder.id, builder.outs, {
      ...inputs,
      appBlockArns: [viewers],
      displayName: "Packager v2",
    });
    expect(await builderCalls()).toEqual([
      "DisassociateAppBlockBuilderAppBlock",
      "AssociateAppBlockBuilderAppBlock",
      "UpdateAppBlockBuilder",
    ]);
    expect(await endpoint().control.inputs("UpdateAppBlockBuilder")).toEqual([
      { Name: "mixed", DisplayName: "Packager v2" },
    ]);
    expect(updated.outs).toMatchObject({ displayName: "Packager v2", appBlockArns: [viewers] });
  });

  it("updates a display name alone with no association call", async () => {
    const tools = await appBlock("tools");
    const inputs = await builderInputs("renamed", { appBlockArns: [tools], displayName: "Packager" });
    const builder = await create(inputs);
    await endpoint().control.resetCalls();
    const updated = await update(builder.id, builder.outs, { ...inputs, displayName: "Packager v2" });
    expect(await builderCalls()).toEqual(["UpdateAppBlockBuilder"]);
    expect(updated.outs).toMatchObject({ displayName: "Packager v2", appBlockArns: [tools] });
  });
});

describe("appstream:AppBlockBuilder destroy", () => {
  it("stops a running builder, disassociates its app blocks, deletes it and waits until it is gone", async () => {
    const tools = await appBlock("tools");
    const builder = await create(await builderInputs("running", { appBlockArns: [tools], state: "RUNNING" }));
    await endpoint().control.resetCalls();
    await destroy(builder.id, builder.outs);
    expect(await builderCalls()).toEqual([
      "StopAppBlockBuilder",
      "DisassociateAppBlockBuilderAppBlock",
      "DeleteAppBlockBuilder",
    ]);
    expect(await endpoint().control.inputs("StopAppBlockBuilder")).toEqual([{ Name: "running" }]);
    expect(await endpoint().control.inputs("DisassociateAppBlockBuilderAppBlock")).toEqual([
      { AppBlockBuilderName: "running", AppBlockArn: tools },
    ]);
    expect(await endpoint().control.inputs("DeleteAppBlockBuilder")).toEqual([{ Name: "running" }]);
    expect(await endpoint().control.resource("appstream:AppBlockBuilder", "running")).toBeUndefined();
    expect(await associated("running")).toEqual([]);
  });

  it("deletes a STOPPED builder without stopping it", async () => {
    const builder = await create(await builderInputs("idle"));
    await endpoint().control.resetCalls();
    await destroy(builder.id, builder.outs);
    expect(await builderCalls()).toEqual(["DeleteAppBlockBuilder"]);
    expect(await endpoint().control.resource("appstream:AppBlockBuilder", "idle")).toBeUndefined();
  });

  it("returns only once the deleted builder is no longer listed", async () => {
    const builder = await create(await builderInputs("lingering"));
    await endpoint().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      let finished = false;
      const destroying = destroy(builder.id, builder.outs).finally(() => (finished = true));
      // Polled twice after the delete, the builder still listed STOPPED: the destroy goes on waiting.
      await endpoint().control.waitFor(
        async () =>
          (await endpoint().control.calls()).log.filter(
            (e, i, log) =>
              e.operation === "DescribeAppBlockBuilders" &&
              log.slice(0, i).some((d) => d.operation === "DeleteAppBlockBuilder"),
          ).length,
        (n) => n >= 2,
      );
      expect(finished).toBe(false);
      await endpoint().control.advance(3_600_000);
      await destroying;
      expect(await endpoint().control.resource("appstream:AppBlockBuilder", "lingering")).toBeUndefined();
    } finally {
      await endpoint().control.updateSettings({ transitionMs: 20 });
    }
  });

  it("takes a builder someone deleted while its destroy was under way as deleted", async () => {
    const builder = await create(await builderInputs("vanishing"));
    await endpoint().control.holdOperation("DeleteAppBlockBuilder", 1, "before");
    const destroying = destroy(builder.id, builder.outs);
    await endpoint().control.waitFor(
      () => endpoint().control.blocked(),
      (b) => b.blocked && b.operation === "DeleteAppBlockBuilder",
    );
    await endpoint().control.deleteResource("appstream:AppBlockBuilder", "vanishing");
    await endpoint().control.unblock();
    await expect(destroying).resolves.toBeUndefined();
    const deletes = (await endpoint().control.calls()).log.filter((e) => e.operation === "DeleteAppBlockBuilder");
    expect(deletes.map((e) => [e.outcome, e.errorCode])).toEqual([["error", "ResourceNotFoundException"]]);
  });
});
