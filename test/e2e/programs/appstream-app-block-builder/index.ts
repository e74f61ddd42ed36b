import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();

// APPSTREAM2 app blocks are what a builder packages; config names those associated with it.
const blocks = new Map(
  ["tools", "viewers"].map((name) => [
    name,
    new appstream.AppBlock(name, {
      packagingType: "APPSTREAM2",
      sourceS3Location: { s3Bucket: "euc-apps", s3Key: `blocks/${name}.vhdx` },
    }),
  ]),
);
const associated = config.getObject<string[]>("appBlocks") ?? ["tools"];

const builder = new appstream.AppBlockBuilder("packager", {
  platform: "WINDOWS_SERVER_2019",
  instanceType: config.get("instanceType") ?? "stream.standard.medium",
  vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"], securityGroupIds: ["sg-0a0a0a0a0a0a0a0a0"] },
  displayName: config.get("displayName") ?? "Packager",
  appBlockArns: associated.map((name) => {
    const block = blocks.get(name);
    if (!block) throw new Error(`no app block ${name}`);
    return pulumi.interpolate`${block.arn}`;
  }),
  state: config.get<"RUNNING" | "STOPPED">("state") ?? "RUNNING",
  tags: { team: "packaging" },
});

export const builderName = builder.name;
export const builderState = builder.currentState;
export const toolsArn = blocks.get("tools")?.arn;
export const viewersArn = blocks.get("viewers")?.arn;
