import * as pulumi from "@pulumi/pulumi";
import { appstream, nimble, thinclient } from "pulumi-aws-euc";

const count = new pulumi.Config().requireNumber("count");
const account = "123456789012";
const tags = { bench: "rate-limits" };
// A third of each service: each has its own operations, so its own rate limits.
for (let i = 0; i < count; i++) {
  if (i % 3 === 0) {
    new appstream.Stack(`stack-${i}`, { displayName: `Stack ${i}`, tags });
  } else if (i % 3 === 1) {
    new thinclient.Environment(`environment-${i}`, {
      name: `Environment ${i}`,
      desktopArn: `arn:aws:workspaces:us-west-2:${account}:directory/d-${String(i).padStart(10, "0")}`,
      tags,
    });
  } else {
    new nimble.Studio(`studio-${i}`, {
      displayName: `Studio ${i}`,
      adminRoleArn: `arn:aws:iam::${account}:role/NimbleStudioAdmin`,
      userRoleArn: `arn:aws:iam::${account}:role/NimbleStudioUser`,
      tags,
    });
  }
}
