import * as pulumi from "@pulumi/pulumi";
import { appstream, nimble } from "pulumi-aws-euc";

const count = new pulumi.Config().getNumber("count") ?? 12;
export const studios = Array.from(
  { length: count },
  (_, i) =>
    new nimble.Studio(`studio-${i}`, {
      displayName: `Studio ${i}`,
      adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
      userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
    }).id,
);
export const stacks = Array.from(
  { length: count },
  (_, i) => new appstream.Stack(`stack-${i}`, { displayName: `Stack ${i}` }).name,
);
