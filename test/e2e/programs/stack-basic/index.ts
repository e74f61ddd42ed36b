import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();

const stack = new appstream.Stack("training", {
  displayName: config.get("displayName") ?? "Training",
  description: "Stack for the onboarding course",
  userSettings: [
    { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
    { action: "FILE_DOWNLOAD", permission: "DISABLED" },
  ],
  tags: { team: "euc" },
});

export const stackName = stack.name;
export const stackArn = stack.arn;
export const displayName = stack.displayName;
