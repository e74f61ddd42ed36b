// Pulumi stores each dynamic resource's provider in state as serialized code. A provider that
// captures an AWS SDK client cannot be serialized at all; ours must never capture one, and must
// serialize as a require() of the installed package rather than as inlined code.
import * as pulumi from "@pulumi/pulumi";
import { AppStreamClient, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Namespace = Record<string, unknown>;

const registered = new Map<string, string>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.set(args.type, String((args.inputs as { __provider?: string }).__provider));
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "serialization",
    "test",
    true,
  );
});
afterAll(() => pulumi.runtime.resetOptions("", "", -1, "", "", false, ""));

describe("the provider in state", () => {
  it("cannot be serialized when it captures an AWS SDK client", async () => {
    const client = new AppStreamClient({ region: "us-west-2" });
    const provider = { create: async () => ({ id: JSON.stringify(await client.send(new DescribeFleetsCommand({}))) }) };
    await expect(pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).rejects.toThrow(
      /Error serializing/,
    );
  });

  it("is, for every resource type, a one-line require() of the installed package with no SDK client in it", async () => {
    // The package as a user's program loads it: from node_modules, which is what makes its
    // provider module serialize as a require().
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const euc = require("pulumi-aws-euc") as Record<string, Namespace>;
    const resources: pulumi.CustomResource[] = [];
    for (const service of ["appstream", "nimble", "thinclient"]) {
      for (const [name, member] of Object.entries(euc[service])) {
        if (typeof member !== "function" || !(member.prototype instanceof pulumi.CustomResource)) continue;
        const Resource = member as new (name: string, args: object) => pulumi.CustomResource;
        resources.push(new Resource(`${service}-${name}`.toLowerCase(), {}));
      }
    }
    await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));

    expect([...registered.keys()].sort()).toEqual([
      "pulumi-nodejs:dynamic/appstream:AppBlock",
      "pulumi-nodejs:dynamic/appstream:AppBlockBuilder",
      "pulumi-nodejs:dynamic/appstream:Application",
      "pulumi-nodejs:dynamic/appstream:ApplicationEntitlementAssociation",
      "pulumi-nodejs:dynamic/appstream:ApplicationFleetAssociation",
      "pulumi-nodejs:dynamic/appstream:DirectoryConfig",
      "pulumi-nodejs:dynamic/appstream:Entitlement",
      "pulumi-nodejs:dynamic/appstream:Fleet",
      "pulumi-nodejs:dynamic/appstream:FleetStackAssociation",
      "pulumi-nodejs:dynamic/appstream:Image",
      "pulumi-nodejs:dynamic/appstream:ImageBuilder",
      "pulumi-nodejs:dynamic/appstream:Stack",
      "pulumi-nodejs:dynamic/appstream:User",
      "pulumi-nodejs:dynamic/appstream:UserStackAssociation",
      "pulumi-nodejs:dynamic/nimble:LaunchProfile",
      "pulumi-nodejs:dynamic/nimble:StreamingSession",
      "pulumi-nodejs:dynamic/nimble:Studio",
      "pulumi-nodejs:dynamic/thinclient:Device",
      "pulumi-nodejs:dynamic/thinclient:Environment",
      "pulumi-nodejs:dynamic/thinclient:SoftwareSetValidation",
    ]);
    for (const [type, provider] of registered) {
      expect(provider, type).toContain('require("pulumi-aws-euc/dist/provider/dynamic-provider.js")');
      expect(Buffer.byteLength(provider), type).toBeLessThan(1024);
      expect(provider, type).not.toMatch(/aws-sdk|Client\(|credentials/i);
    }
  });
});
