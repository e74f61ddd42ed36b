// Reads of many AppStream resources at once (a refresh, parallel waits) share Describe* calls, and
// a resource's tags are asked for alongside its read: fewer calls against low rate limits, and a
// refresh that does not wait for two round trips per resource.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { type Outputs } from "../../provider/engine/state";

let emulator: RunningEmulator;
let sequence = 0;

async function createStack(label: string): Promise<{ id: string; outs: Outputs }> {
  const { inputs, failures } = checkResource(
    "appstream:Stack",
    {},
    {
      __urn: `urn:pulumi:test::batch::pulumi-nodejs:dynamic/appstream:Stack::${label}${++sequence}`,
      displayName: `Stack ${label}`,
      tags: { label },
    },
  );
  expect(failures).toEqual([]);
  const { id, outs } = await createResource("appstream:Stack", inputs);
  return { id, outs };
}

async function counts(): Promise<Record<string, number>> {
  return (await emulator.control.calls()).counts;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("reads that arrive together", () => {
  it("share DescribeStacks calls of up to 25 names, and each gets its own stack and tags", async () => {
    const stacks = await Promise.all(Array.from({ length: 60 }, (_, i) => createStack(`s${i}-`)));
    await emulator.control.resetCalls();

    const reads = await Promise.all(stacks.map((s) => readResource("appstream:Stack", s.id, s.outs)));

    expect(reads.map((r) => r.props?.name)).toEqual(stacks.map((s) => s.id));
    expect(reads.map((r) => r.props?.displayName)).toEqual(stacks.map((s) => s.outs.displayName));
    expect(reads.map((r) => r.props?.tags)).toEqual(stacks.map((s) => s.outs.tags));
    const calls = await counts();
    expect(calls["appstream:DescribeStacks"]).toBe(3); // 25 + 25 + 10
    expect(calls["appstream:ListTagsForResource"]).toBe(60);
  });

  it("a stack deleted out of band reads as gone, and the others still read", async () => {
    const stacks = await Promise.all(["keep-a", "gone", "keep-b"].map((label) => createStack(label)));
    await emulator.control.deleteResource("appstream:Stack", stacks[1].id);
    await emulator.control.resetCalls();

    const reads = await Promise.all(stacks.map((s) => readResource("appstream:Stack", s.id, s.outs)));

    expect(reads[1]).toEqual({});
    expect(reads[0].props?.name).toBe(stacks[0].id);
    expect(reads[2].props?.name).toBe(stacks[2].id);
    // One missing name fails the whole call, as on AWS; then each name is asked for on its own.
    const describes = (await emulator.control.calls()).log.filter((e) => e.operation === "DescribeStacks");
    expect(describes).toHaveLength(4);
    expect(describes[0].errorCode).toBe("ResourceNotFoundException");
    expect(describes.filter((e) => e.outcome === "ok")).toHaveLength(2);
  });

  it("a read on its own costs one DescribeStacks and one ListTagsForResource", async () => {
    const stack = await createStack("alone");
    await emulator.control.resetCalls();

    const read = await readResource("appstream:Stack", stack.id, stack.outs);

    expect(read.props?.tags).toEqual({ label: "alone" });
    expect(await counts()).toEqual({ "appstream:DescribeStacks": 1, "appstream:ListTagsForResource": 1 });
  });

  it("without an ARN in state (taking over by id), the tags are read by the ARN the read returns", async () => {
    const stack = await createStack("adopted");
    const { arn: _arn, tags: _tags, ...withoutArn } = stack.outs;
    await emulator.control.resetCalls();

    const read = await readResource("appstream:Stack", stack.id, withoutArn);

    expect(read.props?.arn).toBe(stack.outs.arn);
    expect(read.props?.tags).toEqual({ label: "adopted" });
    expect(await counts()).toEqual({ "appstream:DescribeStacks": 1, "appstream:ListTagsForResource": 1 });
  });

  it("tags changed out of band show in the read", async () => {
    const stack = await createStack("drift");
    await emulator.control.mutate("appstream:Stack", stack.id, { DisplayName: "changed" });
    const tagRecord = (await emulator.control.resources("appstream:Tags")).find((r) => r.id === stack.outs.arn);
    expect(tagRecord).toBeDefined();
    await emulator.control.mutate("appstream:Tags", String(stack.outs.arn), {
      Tags: { label: "drift", extra: "by hand" },
    });

    const read = await readResource("appstream:Stack", stack.id, stack.outs);

    expect(read.props?.displayName).toBe("changed");
    expect(read.props?.tags).toEqual({ label: "drift", extra: "by hand" });
  });
});
