// The clock the engine's waits run on outside tests and benchmarks: a pause lasts the time asked (a
// pause that returned at once would poll the service without rest), and the time is the real one.
import { afterEach, describe, expect, it, vi } from "vitest";
import { waitClock } from "../../provider/engine/waiter";

afterEach(() => {
  vi.useRealTimers();
});

describe("the engine's wait clock", () => {
  it("pauses for the time asked, and no less", async () => {
    vi.useFakeTimers();
    let resumed = false;
    const pause = waitClock.sleep(1_000).then(() => {
      resumed = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(resumed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pause;
    expect(resumed).toBe(true);
  });

  it("reads the time of day", () => {
    vi.useFakeTimers({ now: new Date("2026-11-30T04:00:00Z") });
    expect(waitClock.now()).toBe(Date.parse("2026-11-30T04:00:00Z"));
  });
});
