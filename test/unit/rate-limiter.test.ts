// The provider's per-operation limiter against the endpoint's token bucket, both on a simulated
// clock: many calls at once, each answered at once (served or throttled). What a user notices is
// counted: the calls served, the throttled answers, and the simulated seconds the bucket needed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimits } from "../../emulator/core/rate-limits";
import { OperationRateLimiter } from "../../provider/rate-limiter";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** How long the service takes to answer a call it serves and one it refuses, ms (at once unless given). */
interface Latency {
  servedMs: number;
  refusedMs: number;
}

/** `calls` calls sent at once through `limiter` to a bucket of `limit`; each throttled one queues again. */
async function serve(
  calls: number,
  limit: { rate: number; burst: number },
  limiter: OperationRateLimiter,
  latency: Latency = { servedMs: 0, refusedMs: 0 },
) {
  const bucket = new RateLimits({ enabled: true, reads: limit }, () => Date.now());
  const started = Date.now();
  const order: number[] = [];
  let throttled = 0;
  const call = async (index: number) => {
    for (let retry = false; ; retry = true) {
      await limiter.acquire(retry);
      const sentAt = limiter.now();
      const refused = bucket.take("appstream", "DescribeStacks", false);
      const answerMs = refused ? latency.refusedMs : latency.servedMs;
      if (answerMs > 0) await new Promise((answered) => setTimeout(answered, answerMs));
      if (!refused) {
        limiter.succeeded(sentAt);
        order.push(index);
        return;
      }
      throttled++;
      limiter.throttled(sentAt);
    }
  };
  const all = Promise.all(Array.from({ length: calls }, (_, index) => call(index)));
  await vi.runAllTimersAsync();
  await all;
  return { seconds: (Date.now() - started) / 1000, throttled, order };
}

describe("the per-operation limiter against a token bucket", () => {
  it("serves 100 calls at the bucket's rate, with throttled answers only where it learns the rate", async () => {
    const limit = { rate: 5, burst: 10 };
    const { seconds, throttled, order } = await serve(100, limit, new OperationRateLimiter(() => Date.now()));
    const floor = (100 - limit.burst) / limit.rate;
    expect(order).toHaveLength(100);
    expect(seconds).toBeLessThanOrEqual(floor * 1.1);
    // The first burst comes back throttled together (90 calls sent before any answer); after it
    // the limiter sends at the rate it measured, and only its probes upwards (one after each quiet
    // two seconds) meet a refusal: about one per ten calls served.
    expect(throttled - (100 - limit.burst)).toBeLessThanOrEqual(10);
  });

  it("keeps pace with a slow bucket, and finds a fast one's rate from a small burst", async () => {
    const slow = { rate: 2, burst: 5 };
    const slowRun = await serve(60, slow, new OperationRateLimiter(() => Date.now()));
    expect(slowRun.order).toHaveLength(60);
    expect(slowRun.seconds).toBeLessThanOrEqual(((60 - slow.burst) / slow.rate) * 1.1);
    // A burst of 2 says little of a rate of 20: the first measure is low, and the pace doubles each
    // quiet second until the service throttles again, a few seconds that a long run amortizes.
    const fast = { rate: 20, burst: 2 };
    const fastRun = await serve(300, fast, new OperationRateLimiter(() => Date.now()));
    expect(fastRun.order).toHaveLength(300);
    expect(fastRun.seconds).toBeLessThanOrEqual(((300 - fast.burst) / fast.rate) * 1.5);
  });

  it("measures the rate from a burst whose refused calls come back before its served ones", async () => {
    // A served call does its work before answering; a refused one is answered at once. A measure of
    // the answers already back when the first refusal arrives would count almost none of the burst
    // and pace a refresh far below the service's rate (34 calls: 7 s against a floor of 4.8 s).
    const limit = { rate: 5, burst: 10 };
    const floor = (34 - limit.burst) / limit.rate;
    for (const latency of [
      { servedMs: 20, refusedMs: 2 },
      { servedMs: 100, refusedMs: 5 },
    ]) {
      const { seconds, throttled, order } = await serve(34, limit, new OperationRateLimiter(() => Date.now()), latency);
      expect(order).toHaveLength(34);
      expect(seconds).toBeLessThanOrEqual(floor * 1.1);
      expect(throttled - (34 - limit.burst)).toBeLessThanOrEqual(10);
    }
  });

  it("sends freely until the service first throttles, then in arrival order, throttled calls first", async () => {
    const limiter = new OperationRateLimiter(() => Date.now());
    expect(limiter.rate()).toBeUndefined();
    for (let i = 0; i < 10; i++) limiter.succeeded();
    limiter.throttled(limiter.now() - 1);
    // 10 answers in the last 2 s: the service serves 5 a second.
    expect(limiter.rate()).toBe(5);
    // A call sent before that answer came back tells nothing new: no second cut.
    vi.advanceTimersByTime(100);
    limiter.throttled(limiter.now() - 200);
    expect(limiter.rate()).toBe(5);

    const sent: string[] = [];
    const waits = ["a", "b", "c"].map((name) => limiter.acquire().then(() => sent.push(name)));
    const retried = limiter.acquire(true).then(() => sent.push("throttled"));
    await vi.runAllTimersAsync();
    await Promise.all([...waits, retried]);
    expect(sent).toEqual(["throttled", "a", "b", "c"]);
  });
});
