// Reads of AppStream stacks share DescribeStacks calls, but while the service does not throttle the
// operation a read does not wait for the group's call under way: with Pulumi's few reads at once
// that put one DescribeStacks on the wire at a time, and a refresh of 1,000 stacks waited on
// hundreds of round trips in a row. The service is a stand-in here whose DescribeStacks answers
// only when the test says, so what is on the wire can be counted while a call is under way.
import { afterAll, describe, expect, it, vi } from "vitest";

const wire = vi.hoisted(() => {
  // In a mutation run the test files share one module graph: load the engine again, with the mock below.
  vi.resetModules();
  return { describes: [] as Array<{ names: string[]; answer: () => void }> };
});
vi.mock("../../provider/engine/calls", async (importOriginal) => {
  const stack = (name: string) => ({ Name: name, Arn: `arn:aws:appstream:us-west-2:123456789012:stack/${name}` });
  const call = async (_service: string, operation: string) => {
    if (operation === "ListTagsForResource") return { Tags: { bench: "scale" } };
    throw new Error(`unexpected ${operation}`);
  };
  async function* pages(_service: string, operation: string, input: Record<string, unknown>) {
    if (operation !== "DescribeStacks") throw new Error(`unexpected ${operation}`);
    const names = input.Names as string[];
    await new Promise<void>((answer) => wire.describes.push({ names, answer }));
    yield { Stacks: names.map(stack) };
  }
  // The rest of the module (listings the read path does not reach here) stays the real one.
  return { ...(await importOriginal<typeof import("../../provider/engine/calls")>()), call, pages };
});

import { readResource } from "../../provider/engine/read";

// Files after this one in a shared module graph (the mutation runs) must meet the real calls module.
afterAll(() => {
  vi.doUnmock("../../provider/engine/calls");
  vi.resetModules();
});

const props = (name: string) => ({ name, arn: `arn:aws:appstream:us-west-2:123456789012:stack/${name}` });

/** Lets the provider's pending work (promises, immediates) run. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe("batched reads without a rate limit in play", () => {
  it("a read that arrives while the group's DescribeStacks is under way goes out at once, in a call of its own", async () => {
    const first = readResource("appstream:Stack", "a", props("a"));
    await vi.waitFor(() => expect(wire.describes).toHaveLength(1));

    const second = readResource("appstream:Stack", "b", props("b"));
    await vi.waitFor(() => expect(wire.describes).toHaveLength(2));
    expect(wire.describes.map((d) => d.names)).toEqual([["a"], ["b"]]);

    for (const d of wire.describes) d.answer();
    const [a, b] = await Promise.all([first, second]);
    expect(a.props?.name).toBe("a");
    expect(b.props?.name).toBe("b");
    expect(b.props?.tags).toEqual({ bench: "scale" });
  });

  it("reads that arrive together still share one call", async () => {
    wire.describes.length = 0;
    const reads = ["c", "d", "e"].map((name) => readResource("appstream:Stack", name, props(name)));
    await vi.waitFor(() => expect(wire.describes).toHaveLength(1));
    await settle();
    expect(wire.describes.map((d) => d.names)).toEqual([["c", "d", "e"]]);
    wire.describes[0].answer();
    expect((await Promise.all(reads)).map((r) => r.props?.name)).toEqual(["c", "d", "e"]);
  });
});
