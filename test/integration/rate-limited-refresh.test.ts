// A refresh of 100 resources against an endpoint with tight per-operation rate limits: the provider's
// shared per-operation limiter keeps the throttled answers few, and every read ends with its
// resource (none fails after the SDK's retries). Counts calls, never time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { setRuntimeConfig } from "../../provider/engine/config";
import { checkResource, createResource, readResource, type Outputs } from "../../provider/engine/resource-engine";

const RESOURCES = 100;
/** How many reads Pulumi runs at once: 4 steps per CPU, on a 4-CPU machine. */
const PARALLEL = 16;
/** Far below what the provider sends unchecked (hundreds a second here): a refresh must wait. */
const TIGHT = { rate: 20, burst: 2 };

let emulator: RunningEmulator;

/** Runs `work` over `items`, `parallel` at a time, as Pulumi runs a refresh's reads. */
async function inPool<T, R>(
  items: T[],
  parallel: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());

describe("a refresh under tight rate limits", () => {
  it(`reads all ${RESOURCES} resources with 0 failed calls, and few throttled answers`, async () => {
    const stacks: Array<{ id: string; outs: Outputs }> = [];
    for (let i = 0; i < RESOURCES; i++) {
      const { inputs } = checkResource(
        "appstream:Stack",
        {},
        {
          __urn: `urn:pulumi:test::limits::pulumi-nodejs:dynamic/appstream:Stack::stack${i}`,
          displayName: `Stack ${i}`,
          tags: { index: String(i) },
        },
      );
      stacks.push(await createResource("appstream:Stack", inputs));
    }
    await emulator.control.setRateLimits({ enabled: true, reads: TIGHT, mutating: TIGHT });
    await emulator.control.resetCalls();

    const reads = await inPool(stacks, PARALLEL, (s) => readResource("appstream:Stack", s.id, s.outs));

    const failed = reads.filter((r) => r.status === "rejected");
    expect(failed).toEqual([]);
    expect(reads.map((r) => (r.status === "fulfilled" ? r.value.props?.tags : undefined))).toEqual(
      stacks.map((s) => s.outs.tags),
    );
    const { log } = await emulator.control.calls();
    const outcomes: Record<string, number> = {};
    for (const entry of log) outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
    const answered = log.filter((e) => e.outcome === "ok").length;
    console.log(
      `refresh of ${RESOURCES} stacks at ${TIGHT.rate}/s (burst ${TIGHT.burst}) per operation: calls by outcome ${JSON.stringify(outcomes)}`,
    );
    expect(outcomes.error ?? 0).toBe(0);
    // Every call the refresh needed was answered (one ListTagsForResource per stack, DescribeStacks
    // shared), and throttled answers stay well below one per call: the limiter learned the rate.
    expect(log.filter((e) => e.operation === "ListTagsForResource" && e.outcome === "ok")).toHaveLength(RESOURCES);
    expect(outcomes.throttled ?? 0).toBeLessThan(answered / 2);
  }, 300_000);
});
