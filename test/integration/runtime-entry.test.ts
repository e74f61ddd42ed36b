// The dynamic provider's entry points (provider/engine/runtime.ts, behind provider/dynamic-provider.ts)
// against the local endpoint: each call gets the resource type from its provider object (older state: from the URN), and
// the endpoint in the config Pulumi passes to configure, and answers what Pulumi expects of it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { resetRuntimeConfig } from "../../provider/engine/config";
import * as runtime from "../../provider/engine/runtime";

let emulator: RunningEmulator;
let sequence = 0;

// No Pulumi.yaml names this project, so the config Pulumi passes to configure is the one that counts.
const urn = (type: string) =>
  `urn:pulumi:dev::runtime-entry-test::my:index:Component$pulumi-nodejs:dynamic/${type}::r${++sequence}`;

const studio = {
  displayName: "Runtime entry",
  adminRoleArn: "arn:aws:iam::123456789012:role/admin",
  userRoleArn: "arn:aws:iam::123456789012:role/user",
};

beforeAll(async () => {
  emulator = await startEmulatorWith([nimbleService], { port: 0, transitionMs: 20 });
});
beforeEach(async () => {
  resetRuntimeConfig();
  const config = new Map([
    ["aws-euc:endpoint", emulator.url],
    ["aws:region", "us-west-2"],
  ]);
  runtime.configure({ get: (key) => config.get(key) });
  await emulator.control.resetCalls();
});
afterAll(async () => {
  resetRuntimeConfig();
  await emulator?.close();
});

describe("the resource type of a call", () => {
  it("is the provider's own type, whatever the URN says", () => {
    const props = { __urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/nimble:Studio::main" };
    expect(runtime.resourceTypeOf("appstream:Fleet", props)).toBe("appstream:Fleet");
    expect(runtime.resourceTypeOf("thinclient:Device", {})).toBe("thinclient:Device");
  });

  // State written by versions with one provider for all types: the type is in the URN the resource carries.
  it.each([
    ["urn:pulumi:dev::proj::pulumi-nodejs:dynamic/nimble:Studio::main", "nimble:Studio"],
    [
      "urn:pulumi:dev::proj::app:index:Studio$pulumi-nodejs:dynamic/appstream:FleetStackAssociation::a",
      "appstream:FleetStackAssociation",
    ],
    ["urn:pulumi:dev::proj::a:b:C$d:e:F$pulumi-nodejs:dynamic/thinclient:Device::kiosk", "thinclient:Device"],
  ])("is read from the URN %s when the provider names none", (resourceUrn, type) => {
    expect(runtime.resourceTypeOf(undefined, { __urn: resourceUrn })).toBe(type);
  });

  it.each([
    ["no URN", {}],
    ["a URN that is not a string", { __urn: 42 }],
    ["the URN of another provider's resource", { __urn: "urn:pulumi:dev::proj::aws:s3/bucket:Bucket::b" }],
  ])("is refused, saying why, for a provider naming no type and a resource with %s", (_, props) => {
    expect(() => runtime.resourceTypeOf(undefined, props)).toThrow(
      "pulumi-aws-euc: this resource's provider names no type and it carries no __urn, so its type is unknown (was it created by this package?)",
    );
  });
});

describe("the dynamic provider's calls", () => {
  it("check, create, read, diff, update and delete a studio at the configured endpoint", async () => {
    const news = { __urn: urn("nimble:Studio"), ...studio, tags: { team: "euc" } };
    const checked = await runtime.check("nimble:Studio", {}, news);
    expect(checked.failures).toEqual([]);
    expect(checked.inputs).toMatchObject({ ...studio, studioName: expect.stringMatching(/^r\d+[a-z0-9]*$/) });

    const created = await runtime.create("nimble:Studio", checked.inputs);
    expect(created.outs).toMatchObject({ studioId: created.id, state: "READY", displayName: "Runtime entry" });
    expect(await emulator.control.inputs("CreateStudio")).toEqual([
      // The display name is a sensitive member: the call log holds its fingerprint.
      expect.objectContaining({
        studioName: checked.inputs.studioName,
        displayName: await emulator.control.redacted("Runtime entry"),
      }),
    ]);

    const read = await runtime.read("nimble:Studio", created.id, created.outs);
    expect(read).toMatchObject({ id: created.id, inputs: { displayName: "Runtime entry", tags: { team: "euc" } } });

    const renamed = { ...checked.inputs, displayName: "Renamed" };
    expect(await runtime.diff("nimble:Studio", created.id, created.outs, renamed)).toEqual({
      changes: undefined,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const updated = await runtime.update("nimble:Studio", created.id, created.outs, renamed);
    expect(updated.outs).toMatchObject({ displayName: "Renamed", state: "READY" });
    expect((await emulator.control.inputs("UpdateStudio"))[0]).toMatchObject({
      studioId: created.id,
      displayName: await emulator.control.redacted("Renamed"),
    });

    await runtime.delete("nimble:Studio", created.id, updated.outs);
    expect(await emulator.control.inputs("DeleteStudio")).toEqual([expect.objectContaining({ studioId: created.id })]);
    expect(await runtime.read("nimble:Studio", created.id, updated.outs)).toEqual({});
  });

  it("checks against the old inputs: a name generated before is kept", async () => {
    const news = { __urn: urn("nimble:Studio"), ...studio };
    const first = await runtime.check("nimble:Studio", {}, news);
    const again = await runtime.check("nimble:Studio", first.inputs, news);
    expect(again.inputs.studioName).toBe(first.inputs.studioName);
  });

  it("names the top-level property of a nested failure, with the full path in the reason", async () => {
    const news = {
      __urn: urn("nimble:LaunchProfile"),
      studioId: "st-1",
      ec2SubnetIds: ["subnet-1"],
      studioComponentIds: ["sc-1"],
      streamConfiguration: {
        clipboardMode: "ENABLED",
        ec2InstanceTypes: ["g4dn.xlarge"],
        streamingImageIds: ["img"],
        maxSessionLengthInMinutes: 43201,
      },
    };
    expect((await runtime.check("nimble:LaunchProfile", {}, news)).failures).toEqual([
      {
        property: "streamConfiguration",
        reason: "streamConfiguration.maxSessionLengthInMinutes must be <= 43200 (got 43201)",
      },
    ]);
  });
});
