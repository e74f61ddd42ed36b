// An app block builder's app blocks as the engine handles them: read back from every page of its
// association listing (DescribeAppBlockBuilderAppBlockAssociations answers 25 a page), no extra read
// after a create without app blocks, and an association made outside a program that does not set
// appBlockArns left alone by its update.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { call } from "../../provider/engine/calls";
import { createResource } from "../../provider/engine/create";
import { updateResource } from "../../provider/engine/update";

const { checked, emulator, operations } = engineEndpoint([appstreamService], {
  stack: "builder-pages",
  reset: "world",
});

async function appBlocks(count: number): Promise<string[]> {
  const arns: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await call("appstream", "CreateAppBlock", {
      Name: `block-${i}`,
      PackagingType: "APPSTREAM2",
      SourceS3Location: { S3Bucket: "euc-apps", S3Key: `blocks/block-${i}.vhdx` },
    });
    arns.push(String((created.AppBlock as { Arn: string }).Arn));
  }
  return arns;
}

const builderInputs = (name: string, more: Record<string, unknown> = {}) =>
  checked("appstream:AppBlockBuilder", {
    name,
    platform: "WINDOWS_SERVER_2019",
    instanceType: "stream.standard.medium",
    vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
    ...more,
  });

describe("appstream:AppBlockBuilder and its app blocks", () => {
  it("reads back every associated app block, over more than one page of associations", async () => {
    const arns = await appBlocks(27);
    const builder = await createResource(
      "appstream:AppBlockBuilder",
      builderInputs("packager", { appBlockArns: arns }),
    );
    expect(builder.outs.appBlockArns).toEqual(arns);
  });

  it("reads a builder created without app blocks once, as any resource", async () => {
    await appBlocks(1);
    await emulator().control.resetCalls();
    await createResource("appstream:AppBlockBuilder", builderInputs("bare"));
    expect((await operations()).sort()).toEqual([
      "CreateAppBlockBuilder",
      "DescribeAppBlockBuilderAppBlockAssociations",
      "DescribeAppBlockBuilders",
      "ListTagsForResource",
    ]);
  });

  it("leaves an app block associated outside a program that does not set appBlockArns alone on update", async () => {
    const [tools] = await appBlocks(1);
    const inputs = builderInputs("kept", { displayName: "Packager" });
    const builder = await createResource("appstream:AppBlockBuilder", inputs);
    await call("appstream", "AssociateAppBlockBuilderAppBlock", { AppBlockBuilderName: "kept", AppBlockArn: tools });
    await emulator().control.resetCalls();
    const updated = await updateResource("appstream:AppBlockBuilder", builder.id, builder.outs, {
      ...inputs,
      displayName: "Packager v2",
    });
    expect((await operations()).filter((op) => op.endsWith("AppBlockBuilderAppBlock"))).toEqual([]);
    expect(updated.outs).toMatchObject({ displayName: "Packager v2", appBlockArns: [tools] });
  });
});
