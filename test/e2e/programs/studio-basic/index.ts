import * as pulumi from "@pulumi/pulumi";
import { nimble } from "pulumi-aws-euc";

const config = new pulumi.Config();

const studio = new nimble.Studio("main", {
  displayName: config.get("displayName") ?? "Main studio",
  adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
  userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
  tags: { team: "euc" },
  adoptId: config.get("adoptId"),
  timeouts: config.getObject<{ create?: number; update?: number; delete?: number }>("timeouts"),
});

export const studioId = studio.id;
export const studioName = studio.studioName;
export const studioState = studio.state;
export const displayName = studio.displayName;
