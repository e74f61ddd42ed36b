// An app block builder's app blocks are read back from every page of its association listing
// (DescribeAppBlockBuilderAppBlockAssociations answers 25 a page), not only from the first.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { call } from "../../provider/engine/calls";
import { createResource } from "../../provider/engine/create";

const { checked } = engineEndpoint([appstreamService], { stack: "builder-pages", reset: "world" });

describe("appstream:AppBlockBuilder read", () => {
  it("reads back every associated app block, over more than one page of associations", async () => {
    const arns: string[] = [];
    for (let i = 0; i < 27; i++) {
      const created = await call("appstream", "CreateAppBlock", {
        Name: `block-${i}`,
        PackagingType: "APPSTREAM2",
        SourceS3Location: { S3Bucket: "euc-apps", S3Key: `blocks/block-${i}.vhdx` },
      });
      arns.push(String((created.AppBlock as { Arn: string }).Arn));
    }
    const builder = await createResource(
      "appstream:AppBlockBuilder",
      checked("appstream:AppBlockBuilder", {
        name: "packager",
        platform: "WINDOWS_SERVER_2019",
        instanceType: "stream.standard.medium",
        vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
        appBlockArns: arns,
      }),
    );
    expect(builder.outs.appBlockArns).toEqual(arns);
  });
});
