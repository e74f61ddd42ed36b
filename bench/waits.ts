// Table 2: how long create returns after the service is ready, and how many reads a wait costs, for
// transitions of 1 s, 10 s and 60 s. Time is simulated: the emulator and the engine's waits share a
// manual clock that only the waits move, so a 60 s transition takes milliseconds to run.
import { ManualClock, startEmulator } from "../emulator";
import { setRuntimeConfig } from "../dist/provider/engine/config";
import { checkResource, createResource } from "../dist/provider/engine/resource-engine";
import { FileWaitHistory, useWaitHistory } from "../dist/provider/engine/wait-history";
import { waitClock } from "../dist/provider/engine/waiter";
import { wireHooks } from "../dist/provider/wiring";

wireHooks();

interface Sample {
  latency: number;
  reads: number;
}

export interface WaitRow {
  transitionSeconds: number;
  /** First wait of its kind on a machine: plain capped backoff (mean of three). */
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
    waitClock.now = () => clock.now();
    waitClock.sleep = async (ms) => {
      clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    let studio = 0;
    const createStudio = async (): Promise<Sample> => {
      const { inputs } = checkResource(
        "nimble:Studio",
        {},
        {
          __urn: `urn:pulumi:bench::waits::pulumi-nodejs:dynamic/nimble:Studio::s${seconds}x${++studio}`,
          displayName: "bench",
          adminRoleArn: "arn:aws:iam::123456789012:role/a",
          userRoleArn: "arn:aws:iam::123456789012:role/u",
        },
      );
      const before = (await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0;
      const readyAt = clock.now() + seconds * 1000;
      await createResource("nimble:Studio", inputs);
      const reads = ((await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0) - before;
      return { latency: clock.now() - readyAt, reads };
    };
    try {
      // Cold: the first wait of its kind, on a history of its own each time (the backoff's jitter
      // makes single runs differ). Warm: three later waits on the last of those histories.
      for (let i = 0; i < 3; i++) {
        useWaitHistory(new FileWaitHistory(undefined));
        cold.push(await createStudio());
      }
      for (let i = 0; i < 3; i++) warm.push(await createStudio());
    } finally {
      await emulator.close();
    }
    const mean = (xs: Sample[], key: keyof Sample) => xs.reduce((sum, x) => sum + x[key], 0) / xs.length;
    rows.push({
      transitionSeconds: seconds,
      coldLatencyMs: Math.round(mean(cold, "latency")),
      coldReads: Math.round(mean(cold, "reads") * 10) / 10,
      warmLatencyMs: Math.round(mean(warm, "latency")),
      warmReads: Math.round(mean(warm, "reads") * 10) / 10,
    });
  }
  return rows;
}

if (require.main === module) {
  void waits().then((rows) => console.table(rows));
}
