import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
const stack = new appstream.Stack("members", config.requireObject<appstream.StackArgs>("args"));

export const stackName = stack.name;
