// What the services hand out as a credential (a Thin Client environment's activation code) is
// registered as a secret output, which Pulumi encrypts in state and masks in the CLI's output; other
// outputs are not, so they stay readable in previews and diffs. The classes come from the installed
// package, as in a user's program (its provider module loads by require() of the compiled package).
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";

const registered = new Map<string, string[] | undefined>();

// The module object the SDK's Resource constructor calls through (an ESM namespace would be a copy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeResource = require("@pulumi/pulumi/runtime/resource") as typeof import("@pulumi/pulumi/runtime/resource");

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
    "secrets",
    "test",
    true,
  );
  const register = runtimeResource.registerResource;
  vi.spyOn(runtimeResource, "registerResource").mockImplementation((...args: Parameters<typeof register>) => {
    const [, , type, , , , , , opts] = args;
    registered.set(type, (opts as pulumi.CustomResourceOptions).additionalSecretOutputs);
    return register(...args);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
  pulumi.runtime.resetOptions("", "", -1, "", "", false, "");
});

describe("secret outputs", () => {
  it("the schemas mark the activation code and a directory's service account credentials, and only them, secret", () => {
    const secrets = allSchemaTypes().flatMap((type) =>
      Object.entries({ ...loadSchema(type).inputs.properties, ...loadSchema(type).outputs })
        .filter(([, node]) => node["x-secret"])
        .map(([name]) => `${type}.${name}`),
    );
    expect(secrets).toEqual([
      "appstream:DirectoryConfig.serviceAccountCredentials",
      "thinclient:Environment.activationCode",
    ]);
  });

  it("a Thin Client environment registers its activation code as a secret output, beside the program's own", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { appstream, thinclient } = require("pulumi-aws-euc") as typeof import("../../provider");
    const env = new thinclient.Environment(
      "front-desk",
      { desktopArn: "arn:aws:workspaces:us-west-2:123456789012:directory/d-0000000001" },
      { additionalSecretOutputs: ["tags"] },
    );
    const stack = new appstream.Stack("apps", {});
    await Promise.all([env, stack].map((r) => new Promise((resolve) => r.urn.apply(resolve))));
    expect(registered.get("pulumi-nodejs:dynamic/thinclient:Environment")).toEqual(["activationCode", "tags"]);
    expect(registered.get("pulumi-nodejs:dynamic/appstream:Stack")).toEqual([]);
  });
});
