import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();

// `alphaDisplayName` lets a test change the program without touching the service.
export const alpha = new appstream.Stack("alpha", {
  displayName: config.get("alphaDisplayName") ?? "Alpha",
  tags: { team: "euc", owner: "alpha" },
}).name;

// Tags of this one are managed elsewhere (a tagging policy), so the program ignores them.
export const beta = new appstream.Stack(
  "beta",
  { displayName: "Beta", tags: { team: "euc" } },
  { ignoreChanges: ["tags"] },
).name;
