// The package's functions in `pulumi preview` and `pulumi up`, with Pulumi's own mocks standing in
// for the engine: no service call while previewing a resource that does not exist yet, no side
// effect in any preview, and the call once the update has created the resource.
import * as pulumi from "@pulumi/pulumi";
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => {
  // In a mutation run the test files share one module graph (vitest.mutate.config.mts): another file
  // may have loaded the real calls module already. Load the functions again, with the mock below.
  vi.resetModules();
  return [] as Array<{ service: string; operation: string; input: Record<string, unknown> }>;
});
vi.mock("../../provider/engine/calls", () => {
  const call = async (service: string, operation: string, input: Record<string, unknown>) => {
    calls.push({ service, operation, input });
    if (operation === "CreateImageBuilderStreamingURL")
      return { StreamingURL: "https://stream.example/builder", Expires: new Date(0) };
    if (operation === "CreateStreamingSessionStream")
      return { stream: { streamId: "stream-1", state: "READY", url: "https://dcv.example/s" } };
    return { Sessions: [], devices: [], softwareSet: { id: "ss-1", version: "1", software: [] } };
  };
  // Listings are one page here.
  async function* pages(service: string, operation: string, input: Record<string, unknown>) {
    yield await call(service, operation, input);
  }
  return { call, pages };
});

import * as appstream from "../../provider/functions/appstream";
import * as nimble from "../../provider/functions/nimble";
import * as thinclient from "../../provider/functions/thinclient";

/** A resource of some other provider: its `name` is known in a preview, its id only once it exists. */
class Named extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string) {
    super("test:index:Named", name, { name: `${name}-generated` });
  }
}

async function settle<T>(output: pulumi.Output<T>): Promise<{ known: boolean; value: T | undefined }> {
  const internals = output as unknown as { isKnown: Promise<boolean>; promise(withUnknowns?: boolean): Promise<T> };
  const known = await internals.isKnown;
  return { known, value: known ? await internals.promise() : undefined };
}

async function mock(preview: boolean, existing: boolean): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      // A preview of a resource to be created has no id; one that exists has its id.
      newResource: (args) => ({ id: preview && !existing ? undefined : `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "project",
    "stack",
    preview,
  );
}

beforeEach(() => {
  calls.length = 0;
});

describe("functions in a preview", () => {
  it("createImageBuilderStreamingUrl on a builder created in the same up: no call at preview, one at up", async () => {
    await mock(true, false);
    const previewed = await settle(
      appstream.createImageBuilderStreamingUrl({ name: new Named("builder").name, validity: 600 }),
    );
    expect(previewed.known).toBe(false);
    expect(calls).toEqual([]);

    await mock(false, false);
    const applied = await settle(
      appstream.createImageBuilderStreamingUrl({ name: new Named("builder").name, validity: 600 }),
    );
    expect(applied.value?.streamingUrl).toBe("https://stream.example/builder");
    expect(calls.map((c) => [c.operation, c.input.Name])).toEqual([
      ["CreateImageBuilderStreamingURL", "builder-generated"],
    ]);
  });

  it("side-effecting functions do nothing in a preview even when their resource exists", async () => {
    await mock(true, true);
    const url = await settle(appstream.createImageBuilderStreamingUrl({ name: new Named("builder").name }));
    expect(url.known).toBe(false);
    const stream = await nimble.createStreamingSessionStream({ studioId: "studio-1", sessionId: "session-1" });
    expect((await settle(stream.url)).known).toBe(false);
    expect(calls).toEqual([]);
  });

  it("read functions wait for resources being created, and read existing ones in a preview", async () => {
    await mock(true, false);
    const fleet = new Named("fleet");
    const stack = new Named("stack");
    expect(
      (await settle(appstream.describeSessionsOutput({ stackName: stack.name, fleetName: fleet.name }))).known,
    ).toBe(false);
    expect((await settle(thinclient.listDevicesOutput({ environmentId: new Named("environment").id }))).known).toBe(
      false,
    );
    expect((await settle(thinclient.getSoftwareSetOutput({ id: new Named("set").name }))).known).toBe(false);
    expect(calls).toEqual([]);

    await mock(true, true);
    const existing = await settle(
      appstream.describeSessionsOutput({ stackName: new Named("stack").name, fleetName: new Named("fleet").name }),
    );
    expect(existing).toEqual({ known: true, value: [] });
    expect(calls.map((c) => c.operation)).toEqual(["DescribeSessions"]);
  });
});
