import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const count = new pulumi.Config().requireNumber("count");
for (let i = 0; i < count; i++) {
  new appstream.Stack(`stack-${i}`, { displayName: `Stack ${i}`, tags: { bench: "scale" } });
}
