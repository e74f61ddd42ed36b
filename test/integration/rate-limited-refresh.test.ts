// A refresh of 100 mixed resources (AppStream stacks, Thin Client environments, Nimble Studio
// studios) against an endpoint with tight per-operation rate limits: the provider's shared
// per-operation limiter keeps the throttled answers few, and every read ends with its resource (none
// fails after the SDK's retries). Counts calls, never time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { allServices } from "../../emulator/services";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { type Outputs } from "../../provider/engine/state";

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
  emulator = await startEmulatorWith(allServices, { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());

describe("a refresh under tight rate limits", () => {
  it(`reads all ${RESOURCES} resources with 0 failed calls, and few throttled answers`, async () => {
    const account = "123456789012";
    const resources: Array<{ type: string; id: string; outs: Outputs }> = [];
    for (let i = 0; i < RESOURCES; i++) {
      // A third of each service, interleaved as a program declares them: each has its own operations.
      const [type, name, props]: [string, string, Record<string, unknown>] =
        i % 3 === 0
          ? ["appstream:Stack", `stack${i}`, { displayName: `Stack ${i}` }]
          : i % 3 === 1
            ? [
                "thinclient:Environment",
                `environment${i}`,
                {
                  name: `Environment ${i}`,
                  desktopArn: `arn:aws:workspaces:us-west-2:${account}:directory/d-${String(i).padStart(10, "0")}`,
                },
              ]
            : [
                "nimble:Studio",
                `studio${i}`,
                {
                  displayName: `Studio ${i}`,
                  adminRoleArn: `arn:aws:iam::${account}:role/NimbleStudioAdmin`,
                  userRoleArn: `arn:aws:iam::${account}:role/NimbleStudioUser`,
                },
              ];
      const { inputs, failures } = checkResource(
        type,
        {},
        {
          __urn: `urn:pulumi:test::limits::pulumi-nodejs:dynamic/${type}::${name}`,
          ...props,
          tags: { index: String(i) },
        },
      );
      expect(failures).toEqual([]);
      resources.push({ type, ...(await createResource(type, inputs)) });
    }
    await emulator.control.setRateLimits({ enabled: true, reads: TIGHT, mutating: TIGHT });
    await emulator.control.resetCalls();

    const reads = await inPool(resources, PARALLEL, (r) => readResource(r.type, r.id, r.outs));

    const failed = reads.filter((r) => r.status === "rejected");
    expect(failed).toEqual([]);
    expect(reads.map((r) => (r.status === "fulfilled" ? r.value.props?.tags : undefined))).toEqual(
      resources.map((r) => r.outs.tags),
    );
    const { log } = await emulator.control.calls();
    const outcomes: Record<string, number> = {};
    for (const entry of log) outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
    const answered = log.filter((e) => e.outcome === "ok").length;
    console.log(
      `refresh of ${RESOURCES} mixed resources at ${TIGHT.rate}/s (burst ${TIGHT.burst}) per operation: calls by outcome ${JSON.stringify(outcomes)}`,
    );
    expect(outcomes.error ?? 0).toBe(0);
    // Every call the refresh needed was answered: each resource's read or tag listing (AppStream's
    // DescribeStacks shared by the stacks read together; Nimble Studio returns tags with the
    // studio), and throttled answers stay well below one per call: the limiter learned the rates.
    const served = (service: string, operation: string) =>
      log.filter((e) => e.service === service && e.operation === operation && e.outcome === "ok").length;
    const third = (offset: number) => resources.filter((_, i) => i % 3 === offset).length;
    expect(served("appstream", "ListTagsForResource")).toBe(third(0));
    expect(served("appstream", "DescribeStacks")).toBeLessThanOrEqual(third(0));
    expect(served("thinclient", "GetEnvironment")).toBe(third(1));
    expect(served("thinclient", "ListTagsForResource")).toBe(third(1));
    expect(served("nimble", "GetStudio")).toBe(third(2));
    expect(outcomes.throttled ?? 0).toBeLessThan(answered / 2);
  }, 300_000);
});
