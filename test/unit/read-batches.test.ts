// Which reads join a shared Describe* call (one naming exactly one resource by a name the read's
// batch spec names), and how the shared call follows the service's pages: a batch of names can
// span several pages when the request caps the page size, and each read still gets its own item.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { readInBatch } from "../../provider/engine/read-batches";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { ResourceSchema } from "../../provider/engine/schema-types";
import { engineEndpoint } from "../helpers/engine-endpoint";

const endpoint = engineEndpoint([appstreamService], { stack: "read-batches", namePrefix: "batch" });

const stacks = loadSchema("appstream:Stack");
const builders = loadSchema("appstream:ImageBuilder");

async function createBuilders(count: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, () =>
      createResource(
        "appstream:ImageBuilder",
        endpoint.checked("appstream:ImageBuilder", {
          imageName: "AppStream-WinServer2019-06-12-2024",
          instanceType: "stream.standard.medium",
        }),
      ),
    ),
  );
  return created.map((builder) => builder.id).sort();
}

/** The answer of a read that must join a batch. */
function batched(
  schema: ResourceSchema,
  request: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> {
  const read = readInBatch(schema, request);
  if (!read) throw new Error(`${JSON.stringify(request)} did not join a batch`);
  return read;
}

/** The DescribeImageBuilders calls the endpoint received, with their parameters. */
async function describeCalls(): Promise<Array<Record<string, unknown>>> {
  return (await endpoint.emulator().control.calls()).log
    .filter((entry) => entry.operation === "DescribeImageBuilders")
    .map((entry) => entry.input ?? {});
}

describe("which reads can join a batch", () => {
  it("only a request naming exactly one resource, by a string, in the batch's parameter", () => {
    for (const request of [
      { Names: ["a", "b"] },
      { Names: [] },
      { Names: "a" },
      { Names: [5] },
      { Names: [{ Name: "a" }] },
      {},
      { Arns: ["arn:aws:appstream:us-west-2:123456789012:stack/a"] },
    ]) {
      expect(readInBatch(stacks, request), JSON.stringify(request)).toBeUndefined();
    }
  });

  it("not a read whose schema has no batch", () => {
    const { batch: _batch, ...read } = stacks.operations.read;
    const unbatched: ResourceSchema = { ...stacks, operations: { ...stacks.operations, read } };
    expect(readInBatch(unbatched, { Names: ["a"] })).toBeUndefined();
  });

  it("a read naming one stack joins, and answers with that stack's item", async () => {
    const { id: name } = await createResource("appstream:Stack", endpoint.checked("appstream:Stack", {}));
    await endpoint.emulator().control.resetCalls();
    expect(await batched(stacks, { Names: [name] })).toMatchObject({ Name: name });
    expect(await endpoint.operations()).toEqual(["DescribeStacks"]);
  });
});

describe("a batch over several pages", () => {
  it("follows the service's page tokens until every name of the batch is answered", async () => {
    const names = await createBuilders(3);
    await endpoint.emulator().control.resetCalls();

    // A page size in the request is shared by the batch: three names come back one a page.
    const items = await Promise.all(names.map((name) => batched(builders, { Names: [name], MaxResults: 1 })));

    expect(items.map((item) => item?.Name)).toEqual(names);
    const calls = await describeCalls();
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => call.Names)).toEqual([names, names, names]);
    expect(calls[0].NextToken).toBeUndefined();
    expect(calls[1].NextToken).toEqual(expect.any(String));
    expect(calls[2].NextToken).toEqual(expect.any(String));
  });

  it("a read whose type has no listing still reads its one page", async () => {
    const [name] = await createBuilders(1);
    const { list: _list, ...operations } = builders.operations;
    const unlisted: ResourceSchema = { ...builders, operations };
    await endpoint.emulator().control.resetCalls();

    // A page size of its own keeps this read out of any batch group another test's reads formed.
    const item = await batched(unlisted, { Names: [name], MaxResults: 7 });

    expect(item?.Name).toBe(name);
    expect(await describeCalls()).toHaveLength(1);
  });
});
