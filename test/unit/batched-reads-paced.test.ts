// Once the service throttles DescribeStacks, the provider paces the operation (rate-limiter.ts), and
// reads of stacks that arrive while the group's call waits for its turn share the next call instead
// of each taking a send token. The limiters pace by a test clock here that stands still until the
// test moves it on: a throttled call waits in line exactly as long as the test says.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { call } from "../../provider/engine/calls";
import { createResource } from "../../provider/engine/create";
import { readResource } from "../../provider/engine/read";
import { forgetRateLimits, isPaced, pacingClock } from "../../provider/rate-limiter";
import { engineEndpoint } from "../helpers/engine-endpoint";

const endpoint = engineEndpoint([appstreamService], { stack: "paced-reads", namePrefix: "paced" });

let now = 0;
const processClock = pacingClock.now;
beforeAll(() => {
  forgetRateLimits();
  pacingClock.now = () => now;
});
afterAll(() => {
  pacingClock.now = processClock;
  forgetRateLimits();
});

/** Lets the provider's pending work (promises, immediates) run. */
const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** The names each DescribeStacks call asked for, in order, with its outcome. */
async function describeStacksCalls(): Promise<Array<{ names: unknown; outcome: string }>> {
  return (await endpoint.emulator().control.calls()).log
    .filter((entry) => entry.operation === "DescribeStacks")
    .map((entry) => ({ names: entry.input?.Names, outcome: entry.outcome }));
}

describe("batched reads while the service paces DescribeStacks", () => {
  it("reads that arrive one by one while the group's call waits in line share the next call", async () => {
    const created = await Promise.all(
      [1, 2, 3].map(() => createResource("appstream:Stack", endpoint.checked("appstream:Stack", {}))),
    );
    // Without an ARN in state a read asks for the tags only once DescribeStacks has answered, so
    // the throttling below meets DescribeStacks alone.
    const [a, b, c] = created.map(({ id, outs: { arn: _arn, ...props } }) => ({ id, props }));
    // Calls the service served measure its rate when it first throttles: 20 in the window, 10 a second.
    for (let served = 0; served < 20; served++) await call("appstream", "DescribeStacks", { Names: [a.id] });
    expect(isPaced("DescribeStacks")).toBe(false);
    await endpoint.emulator().control.resetCalls();

    await endpoint.emulator().control.setFaults({ throttlePercent: 100 });
    const readA = readResource("appstream:Stack", a.id, a.props);
    // Throttled: the call waits in line for a send token the standing clock never gives.
    await vi.waitFor(() => expect(isPaced("DescribeStacks")).toBe(true), { timeout: 10_000 });
    await endpoint.emulator().control.setFaults({ throttlePercent: 0 });

    const readB = readResource("appstream:Stack", b.id, b.props);
    await settle();
    const readC = readResource("appstream:Stack", c.id, c.props);
    await settle();
    expect(await describeStacksCalls()).toEqual([{ names: [a.id], outcome: "throttled" }]);

    now += 10_000;
    const reads = await Promise.all([readA, readB, readC]);

    expect(reads.map((read) => read.props?.name)).toEqual([a.id, b.id, c.id]);
    expect(await describeStacksCalls()).toEqual([
      { names: [a.id], outcome: "throttled" },
      { names: [a.id], outcome: "ok" },
      { names: [b.id, c.id], outcome: "ok" },
    ]);
  });
});
