// Table 2: how long create returns after the service is ready, and how many reads a wait costs. Time
// is simulated: the emulator and the engine's waits share a manual clock that only the waits move,
// so a ten-minute transition takes milliseconds to run and every figure is exact, not noisy.
import { ManualClock, startEmulator } from "../emulator";
import { setRuntimeConfig } from "../dist/provider/engine/config";
import { createResource } from "../dist/provider/engine/create";
import { checkResource } from "../dist/provider/engine/plan";
import { FileWaitHistory, useWaitHistory } from "../dist/provider/engine/wait-history";
import { waitClock } from "../dist/provider/engine/waiter";
import { wireHooks } from "../dist/provider/wiring";

wireHooks();

/** Transitions up to this are to be noticed within `SHORT_LATE_MS` with at most `SHORT_READS` reads. */
export const SHORT_SECONDS = 10;
export const SHORT_LATE_MS = 1_000;
export const SHORT_READS = 12;
/** Longer ones late by under this share of the time waited. */
export const LONG_LATE_SHARE = 0.1;

interface Sample {
  transitionMs: number;
  latency: number;
  reads: number;
}

export interface WaitRow {
  /** Transitions of this many seconds, or a range of them. */
  transitionSeconds: string;
  /** First waits of their kind (no history), each on an empty history, spread over the range. */
  firstWaits: number;
  worstLateMs: number;
  meanLateMs: number;
  /** The worst of each wait's lateness over its transition's time, for those over 10 s. */
  worstLateShare: string;
  mostReads: number;
  target: string;
  verdict: "met" | "missed";
  /** Later waits of the same kind, which know the usual duration (mean of three). */
  warmLateMs: number | string;
  warmReads: number | string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * First waits of transitions spread evenly over (0.9 T, T] for each T (the lateness of one wait
 * depends on where readiness falls between two looks, so one transition of exactly T would show a
 * lucky or an unlucky phase), each on an empty history; then three later waits of T that know it.
 * The first row sweeps every transition from 0.1 s to 10 s in steps of 0.1 s.
 */
export async function waits(transitions = [1, 2, 5, 10, 30, 60, 300, 600], spread = 10): Promise<WaitRow[]> {
  const clock = new ManualClock();
  const emulator = await startEmulator({ port: 0, transitionMs: 1_000, clock });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  const realClock = { ...waitClock };
  waitClock.now = () => clock.now();
  waitClock.sleep = async (ms) => {
    clock.advance(ms);
    await new Promise((resolve) => setImmediate(resolve));
  };
  let studio = 0;
  const createStudio = async (transitionMs: number): Promise<Sample> => {
    await emulator.control.updateSettings({ transitionMs });
    const { inputs } = checkResource(
      "nimble:Studio",
      {},
      {
        __urn: `urn:pulumi:bench::waits::pulumi-nodejs:dynamic/nimble:Studio::s${++studio}`,
        displayName: "bench",
        adminRoleArn: "arn:aws:iam::123456789012:role/a",
        userRoleArn: "arn:aws:iam::123456789012:role/u",
      },
    );
    const before = (await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0;
    const readyAt = clock.now() + transitionMs;
    await createResource("nimble:Studio", inputs);
    const reads = ((await emulator.control.calls()).counts["nimble:GetStudio"] ?? 0) - before;
    return { transitionMs, latency: clock.now() - readyAt, reads };
  };
  const firstWaits = async (transitionsMs: number[]): Promise<Sample[]> => {
    const samples: Sample[] = [];
    for (const ms of transitionsMs) {
      useWaitHistory(new FileWaitHistory(undefined));
      samples.push(await createStudio(ms));
    }
    return samples;
  };
  const summary = (label: string, cold: Sample[], warm: Sample[]): WaitRow => {
    const worstLateMs = Math.round(Math.max(...cold.map((s) => s.latency)));
    const mostReads = Math.max(...cold.map((s) => s.reads));
    const short = Math.max(...cold.map((s) => s.transitionMs)) <= SHORT_SECONDS * 1000;
    const share = Math.max(...cold.map((s) => s.latency / s.transitionMs));
    const mean = (xs: Sample[], key: keyof Sample) => xs.reduce((sum, x) => sum + x[key], 0) / xs.length;
    return {
      transitionSeconds: label,
      firstWaits: cold.length,
      worstLateMs,
      meanLateMs: Math.round(mean(cold, "latency")),
      worstLateShare: short ? "" : `${round1(share * 100)}%`,
      mostReads,
      target: short
        ? `under ${SHORT_LATE_MS} ms late, ${SHORT_READS} reads at most`
        : `late by under ${LONG_LATE_SHARE * 100}% of the time waited`,
      verdict: (short ? worstLateMs <= SHORT_LATE_MS && mostReads <= SHORT_READS : share < LONG_LATE_SHARE)
        ? "met"
        : "missed",
      warmLateMs: warm.length ? Math.round(mean(warm, "latency")) : "",
      warmReads: warm.length ? round1(mean(warm, "reads")) : "",
    };
  };
  const rows: WaitRow[] = [];
  try {
    const sweep = Array.from({ length: SHORT_SECONDS * 10 }, (_, i) => (i + 1) * 100);
    rows.push(summary(`0.1 to ${SHORT_SECONDS}, every 0.1`, await firstWaits(sweep), []));
    for (const seconds of transitions) {
      const spreadMs = Array.from({ length: spread }, (_, i) =>
        Math.round(seconds * 1000 * (0.9 + (0.1 * (i + 1)) / spread)),
      );
      const cold = await firstWaits(spreadMs);
      // Later waits: on the history the last first wait left, as every later wait on a machine.
      const warm: Sample[] = [];
      for (let i = 0; i < 3; i++) warm.push(await createStudio(seconds * 1000));
      rows.push(summary(String(seconds), cold, warm));
    }
  } finally {
    Object.assign(waitClock, realClock);
    await emulator.close();
  }
  return rows;
}

if (require.main === module) {
  void waits().then((rows) => console.table(rows));
}
