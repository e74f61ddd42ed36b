// The engine on appstream:ImageBuilder and appstream:Image against the local endpoint: errors the
// service reports end the wait in their own words, delete waits out PENDING and SNAPSHOTTING
// (which the service refuses to delete from), and an image can only be taken over, never created.
import { CreateImageBuilderCommand } from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";

const type = "appstream:ImageBuilder";
let emulator: RunningEmulator;
let clients: AwsClients;
let sequence = 0;

function builderInputs(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = checkResource(
    type,
    {},
    {
      __urn: `urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:ImageBuilder::builder${++sequence}`,
      imageName: "AppStream-WinServer2019-06-12-2024",
      instanceType: "stream.standard.medium",
      ...overrides,
    },
  );
  expect(failures).toEqual([]);
  return inputs;
}

async function operations(): Promise<Array<{ operation: string; outcome: string }>> {
  return (await emulator.control.calls()).log.map(({ operation, outcome }) => ({ operation, outcome }));
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 30 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  clients = createAwsClients({ endpoint: emulator.url });
});
afterAll(async () => {
  clients?.appstream.destroy();
  await emulator?.close();
});
beforeEach(() => emulator.control.resetCalls());

describe("appstream:ImageBuilder", () => {
  it("is named after the resource and needs an image", () => {
    expect(builderInputs().name).toMatch(/^builder\d+-[0-9a-f]{7}$/);
    const failures = checkResource(
      type,
      {},
      {
        __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:ImageBuilder::b",
        instanceType: "stream.standard.medium",
      },
    ).failures;
    expect(failures).toEqual([{ property: "imageName", reason: "imageName or imageArn is required" }]);
  });

  it("ends a create that fails with the service's ImageBuilderErrors and state change reason, keeping the builder", async () => {
    await emulator.control.failNextCreate(
      "appstream:ImageBuilder",
      "SUBNET_NOT_FOUND",
      "Subnet subnet-0abc does not exist",
    );
    const error = await createResource(type, builderInputs()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const init = error as ResourceInitError;
    expect(init.message).toContain("is FAILED");
    expect(init.message).toContain("SUBNET_NOT_FOUND: Subnet subnet-0abc does not exist");
    expect(init.properties).toMatchObject({
      currentState: "FAILED",
      stateChangeReason: { code: "INTERNAL_ERROR" },
      imageBuilderErrors: [{ errorCode: "SUBNET_NOT_FOUND" }],
    });
  });

  it("deletes a builder still PENDING once it has settled, and waits until it is gone", async () => {
    const inputs = builderInputs();
    await clients.appstream.send(
      new CreateImageBuilderCommand({
        Name: String(inputs.name),
        ImageName: String(inputs.imageName),
        InstanceType: "stream.standard.medium",
      }),
    );
    await deleteResource(type, String(inputs.name), inputs);
    const log = await operations();
    expect(log.filter((e) => e.operation === "DeleteImageBuilder")).toEqual([
      { operation: "DeleteImageBuilder", outcome: "ok" },
    ]);
    // The last look finds it gone: the read, or the tag listing sent alongside it, whichever answers last.
    expect(["DescribeImageBuilders", "ListTagsForResource"]).toContain(log[log.length - 1].operation);
    expect(log[log.length - 1].outcome).toBe("error");
    expect(await emulator.control.resource("appstream:ImageBuilder", String(inputs.name))).toBeUndefined();
  });

  it("waits out SNAPSHOTTING before it deletes", async () => {
    const { id, outs } = await createResource(type, builderInputs());
    await emulator.control.mutate("appstream:ImageBuilder", id, { State: "SNAPSHOTTING" });
    await emulator.control.resetCalls();
    const deleting = deleteResource(type, id, outs);
    // Let the engine see SNAPSHOTTING a few times, then let the snapshot finish.
    await emulator.control.waitFor(
      () => emulator.control.calls(),
      (c) => (c.counts["appstream:DescribeImageBuilders"] ?? 0) >= 3,
    );
    expect((await emulator.control.calls()).counts["appstream:DeleteImageBuilder"]).toBeUndefined();
    await emulator.control.mutate("appstream:ImageBuilder", id, { State: "STOPPED" });
    await deleting;
    expect((await operations()).filter((e) => e.operation === "DeleteImageBuilder")).toEqual([
      { operation: "DeleteImageBuilder", outcome: "ok" },
    ]);
    expect(await readResource(type, id, outs)).toEqual({});
  });
});

describe("appstream:Image", () => {
  it("cannot be created, only taken over by adoptId", async () => {
    const { failures } = checkResource(
      "appstream:Image",
      {},
      { __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Image::golden" },
    );
    expect(failures).toEqual([
      {
        property: "adoptId",
        reason: "adoptId is required: a appstream:Image cannot be created through the API, only taken over by id",
      },
    ]);
    await expect(
      createResource("appstream:Image", {
        __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Image::g",
        adoptId: "no-such-image",
      }),
    ).rejects.toThrow(/adoptId: appstream:Image "no-such-image" does not exist/);
  });
});
