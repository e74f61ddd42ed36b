// A read the service refuses for any reason other than "not found" fails the refresh with the
// service's error; it never reads as a deleted resource (which Pulumi would drop from the stack).
// AppStream stacks are read in shared DescribeStacks calls (read-batches.ts), so the error reaches
// every read of the call.
import { afterEach, describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { readResource } from "../../provider/engine/read";
import { engineEndpoint } from "../helpers/engine-endpoint";

const { emulator, checked } = engineEndpoint([appstreamService], { stack: "refused", namePrefix: "rf" });

afterEach(async () => {
  await emulator().control.clearFaults();
  setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2" });
});

describe("a read the service refuses", () => {
  it("fails with the service's error, for each read of the shared call", async () => {
    const stacks = await Promise.all(
      [checked("appstream:Stack", {}), checked("appstream:Stack", {})].map((inputs) =>
        createResource("appstream:Stack", inputs),
      ),
    );
    // One attempt: the SDK's retries of a server error are not what this is about.
    setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2", maxAttempts: 1 });
    await emulator().control.resetCalls();
    await emulator().control.setFaults({ serverErrorPercent: 100 });
    const reads = await Promise.allSettled(stacks.map(({ id, outs }) => readResource("appstream:Stack", id, outs)));
    expect(reads.map((read) => read.status)).toEqual(["rejected", "rejected"]);
    for (const read of reads)
      expect((read as PromiseRejectedResult).reason).toMatchObject({
        message: expect.stringMatching(/^DescribeStacks failed: InternalFailure: /),
      });
    const { log } = await emulator().control.calls();
    expect(log.filter((entry) => entry.operation === "DescribeStacks")).toHaveLength(1);
  });
});
