// A destroy whose wait for a busy state to end fails, through deleteResource against the local
// endpoint: only a type whose own delete knows how to delete it anyway gets a resource stuck with
// errors as it is, so an image builder (no such delete) fails with the service's errors and deletes
// nothing; a read the service refuses fails the destroy with that refusal, even for a fleet (one
// with such a delete).
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { setRuntimeConfig } from "../../provider/engine/config";
import { deleteResource } from "../../provider/engine/delete";

const { emulator, checked, mutatingCalls } = engineEndpoint([appstreamService], {
  stack: "busy-errors",
  namePrefix: "be",
});

describe("a destroy of an image builder PENDING with errors", () => {
  it("fails with the service's errors and deletes nothing", async () => {
    const { id, outs } = await createResource(
      "appstream:ImageBuilder",
      checked("appstream:ImageBuilder", {
        imageName: "AppStream-WinServer2019-06-12-2024",
        instanceType: "stream.standard.medium",
      }),
    );
    await emulator().control.mutate("appstream:ImageBuilder", id, {
      State: "PENDING",
      ImageBuilderErrors: [{ ErrorCode: "NETWORK_INTERFACE_LIMIT_EXCEEDED", ErrorMessage: "no more interfaces" }],
    });
    await emulator().control.resetCalls();
    await expect(deleteResource("appstream:ImageBuilder", id, outs)).rejects.toThrow(
      /^appstream:ImageBuilder be\d+ \(\S+\) is PENDING after \d+\.\ds: NETWORK_INTERFACE_LIMIT_EXCEEDED: no more interfaces$/,
    );
    expect(await mutatingCalls()).toEqual([]);
  });
});

describe("a destroy of a fleet whose read the service refuses", () => {
  afterEach(async () => {
    await emulator().control.clearFaults();
    setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2" });
  });

  it("fails with the service's error and deletes nothing", async () => {
    const { id, outs } = await createResource(
      "appstream:Fleet",
      checked("appstream:Fleet", {
        instanceType: "stream.standard.medium",
        imageName: "AppStream-WinServer2019-06-12-2024",
        computeCapacity: { desiredInstances: 1 },
        state: "STOPPED",
      }),
    );
    // One attempt: the SDK's retries of a server error are not what this is about.
    setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2", maxAttempts: 1 });
    await emulator().control.resetCalls();
    await emulator().control.setFaults({ serverErrorPercent: 100 });
    await expect(deleteResource("appstream:Fleet", id, outs)).rejects.toThrow(
      /^DescribeFleets failed: InternalFailure: /,
    );
    await emulator().control.clearFaults();
    expect(await mutatingCalls()).toEqual([]);
  });
});
