// Table 2: how long create returns after the service is ready, and how many reads a wait costs, for
// transitions of 1 s, 10 s and 60 s. Time is simulated: the emulator and the engine's waits share a
// manual clock that only the waits move, so a 60 s transition takes milliseconds to run.
import { ManualClock, startEmulator } from "../emulator";
import { setRuntimeConfig } from "../dist/provider/engine/config";
import { checkResource, createResource } from "../dist/provider/engine/resource-engine";
import { FileWaitHistory, useWaitHistory } from "../dist/provider/engine/wait-history";
import { waitClock } from "../dist/provider/engine/waiter";

export interface WaitRow {
  transitionSeconds: number;
  /** First wait of its kind on a machine: plain capped backoff. */
  coldLatencyMs: number;
  coldReads: number;
  /** Later waits, which know the usual duration (mean of three). */
  warmLatencyMs: number;
  warmReads: number;
}

export async function waits(transitions = [1, 10, 60]): Promise<WaitRow[]> {
  const rows: WaitRow[] = [];
  for (const seconds of transitions) {
    const clock = new ManualClock();
    const emulator = await startEmulator({ port: 0, transitionMs: seconds * 1000, clock });
    setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
    useWaitHistory(new FileWaitHistory(undefined));
    waitClock.now = () => clock.now();
    waitClock.sleep = async (ms) => {
      clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const samples: Array<{ latency: number; reads: number }> = [];
    try {
      for (let i = 0; i < 4; i++) {
        const { inputs } = checkResource("nimble:Studio", {}, {
          __urn: `urn:pulumi:bench::waits::pulumi-nodejs:dynamic/nimble:Studio::s${seconds}x${i}`,
          displayName: "bench",
          adminRoleArn: "arn:aws:iam::123456789012:role/a",
          userRoleArn: "arn:aws:iam::123456789012:role/u",
        });
        const before = (await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0;
        const readyAt = clock.now() + seconds * 1000;
        await createResource("nimble:Studio", inputs);
        const reads = ((await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0) - before;
        samples.push({ latency: clock.now() - readyAt, reads });
      }
    } finally {
      await emulator.close();
    }
    const warm = samples.slice(1);
    rows.push({
      transitionSeconds: seconds,
      coldLatencyMs: Math.round(samples[0].latency),
      coldReads: samples[0].reads,
      warmLatencyMs: Math.round(warm.reduce((s, x) => s + x.latency, 0) / warm.length),
      warmReads: Math.round((warm.reduce((s, x) => s + x.reads, 0) / warm.length) * 10) / 10,
    });
  }
  return rows;
}

if (require.main === module) {
  void waits().then((rows) => console.table(rows));
}
