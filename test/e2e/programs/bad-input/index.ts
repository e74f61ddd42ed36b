import * as pulumi from "@pulumi/pulumi";
import * as euc from "pulumi-aws-euc";

type ResourceClass = new (name: string, args: unknown) => pulumi.CustomResource;

const subject = new pulumi.Config().requireObject<{ type: string; args: Record<string, unknown> }>("case");
const [service, resource] = subject.type.split(":");
const classes = (euc as unknown as Record<string, Record<string, ResourceClass>>)[service];
new classes[resource]("subject", subject.args);
