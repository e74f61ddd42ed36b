// The endpoint's token buckets on a clock the test moves: a burst, then the rate, and the answer's
// Retry-After from the time to the next token.
import { describe, expect, it } from "vitest";
import { parseRateLimitOptions, RateLimits } from "../../emulator/core/rate-limits";

function limitsAt(options: ConstructorParameters<typeof RateLimits>[0]) {
  const clock = { ms: 0 };
  return { clock, limits: new RateLimits(options, () => clock.ms) };
}

describe("RateLimits", () => {
  it("serves the burst at once, then one call per 1/rate seconds", () => {
    const { clock, limits } = limitsAt({ enabled: true, reads: { rate: 2, burst: 3 } });
    const take = () => limits.take("appstream", "DescribeStacks", false)?.code ?? "ok";
    expect([take(), take(), take(), take()]).toEqual(["ok", "ok", "ok", "ThrottlingException"]);
    clock.ms += 499;
    expect(take()).toBe("ThrottlingException");
    clock.ms += 1;
    expect([take(), take()]).toEqual(["ok", "ThrottlingException"]);
    // A quiet spell refills up to the burst, no further.
    clock.ms += 60_000;
    expect([take(), take(), take(), take()]).toEqual(["ok", "ok", "ok", "ThrottlingException"]);
  });

  it("keeps mutating calls and per-operation overrides on their own limits", () => {
    const { limits } = limitsAt({
      enabled: true,
      operations: { "thinclient:CreateEnvironment": { rate: 1, burst: 1 } },
    });
    expect(limits.limitOf("appstream", "CreateStack", true)).toEqual({ rate: 2, burst: 5 });
    expect(limits.limitOf("appstream", "DescribeStacks", false)).toEqual({ rate: 5, burst: 10 });
    expect(limits.take("thinclient", "CreateEnvironment", true)).toBeUndefined();
    const refused = limits.take("thinclient", "CreateEnvironment", true);
    expect(refused?.status).toBe(429);
    // Thin Client's model binds retryAfterSeconds to Retry-After: a whole second to the next token.
    expect(refused?.headers).toEqual({ "Retry-After": "1" });
    expect(limits.take("nimble", "CreateStudio", true)).toBeUndefined();
  });

  it("answers AppStream with the common ThrottlingException, HTTP 400, and no Retry-After", () => {
    const { limits } = limitsAt({ enabled: true, reads: { rate: 1, burst: 1 } });
    limits.take("appstream", "DescribeFleets", false);
    const refused = limits.take("appstream", "DescribeFleets", false);
    expect([refused?.code, refused?.status, refused?.headers]).toEqual(["ThrottlingException", 400, {}]);
  });

  it("does nothing while disabled", () => {
    const { limits } = limitsAt({ reads: { rate: 1, burst: 1 } });
    for (let i = 0; i < 100; i++) expect(limits.take("appstream", "DescribeStacks", false)).toBeUndefined();
  });

  it("names the setting and the rule of bad input", () => {
    expect(() => parseRateLimitOptions({ reads: { rate: 1, burst: 0.5 } })).toThrow(
      "rate limits: reads.burst must be a whole number of calls, at least 1",
    );
    expect(() => parseRateLimitOptions({ operations: { DescribeStacks: { rate: 1, burst: 1 } } })).toThrow(
      'rate limits: operations key "DescribeStacks" must read "service:Operation", e.g. "appstream:DescribeStacks"',
    );
    expect(() => parseRateLimitOptions({ limits: {} })).toThrow("rate limits: unknown setting limits");
  });
});
