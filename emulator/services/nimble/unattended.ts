// What Nimble does to a session nobody touches (seed 000): a READY session that outlives
// maxSessionLengthInMinutes is stopped if its launch profile allows stopped sessions and terminated
// otherwise; a STOPPED session with automatic termination ACTIVATED is terminated after
// maxStoppedSessionLengthInMinutes. All of it is scheduled up front as transitions, so a user's own
// stop, start or delete (which replaces pending state transitions) cancels it.
import type { OperationContext } from "../../core/types";
import type { Json } from "../shared/checks";
import { REMOVE, deletedRetentionMs, type Step } from "../shared/lifecycle";
import { timestamp } from "./model";
import { allowsStop } from "./stream-config";

const MINUTE = 60_000;
/** Who stops or terminates a session when its time is up. */
const SERVICE = "nimble-service";

const sessionLengthMs = (config: Json) => (config.maxSessionLengthInMinutes as number) * MINUTE;

/** The stopAt or terminateAt a session shows while it runs, counted from now. */
export function runningDeadline(ctx: OperationContext, config: Json): Json {
  const at = timestamp(ctx.clock.now() + sessionLengthMs(config));
  return allowsStop(config) ? { stopAt: at } : { terminateAt: at };
}

/** The STOPPED step of a stop made at `stoppedAtMs`, with the termination time it starts. */
export function stoppedStep(config: Json, stoppedAtMs: number): Step {
  const terminateAt =
    config.automaticTerminationMode === "ACTIVATED"
      ? { terminateAt: timestamp(stoppedAtMs + (config.maxStoppedSessionLengthInMinutes as number) * MINUTE) }
      : {};
  return { to: "STOPPED", patch: { statusCode: "STREAMING_SESSION_STOPPED", statusMessage: "", ...terminateAt } };
}

/** Steps after STOPPED: termination at terminateAt, when automatic termination is ACTIVATED. */
export function whileStopped(ctx: OperationContext, config: Json): Step[] {
  if (config.automaticTerminationMode !== "ACTIVATED") return [];
  return terminated(ctx, (config.maxStoppedSessionLengthInMinutes as number) * MINUTE - ctx.transitionMs);
}

/**
 * Steps after READY, which is reached one transition after the create or start call that set the
 * deadline; the first of them lands exactly on stopAt or terminateAt.
 */
export function whileRunning(ctx: OperationContext, config: Json): Step[] {
  const untilDeadline = sessionLengthMs(config) - ctx.transitionMs;
  if (!allowsStop(config)) return terminated(ctx, untilDeadline);
  const stoppedAtMs = ctx.clock.now() + sessionLengthMs(config);
  return [
    {
      to: "STOP_IN_PROGRESS",
      afterMs: Math.max(0, untilDeadline),
      patch: {
        statusCode: "STREAMING_SESSION_STOP_IN_PROGRESS",
        stoppedAt: timestamp(stoppedAtMs),
        stoppedBy: SERVICE,
        volumeRetentionMode: "RETAIN",
      },
    },
    stoppedStep(config, stoppedAtMs),
    ...whileStopped(ctx, config),
  ];
}

function terminated(ctx: OperationContext, afterMs: number): Step[] {
  return [
    {
      to: "DELETE_IN_PROGRESS",
      afterMs: Math.max(0, afterMs),
      patch: { statusCode: "STREAMING_SESSION_DELETE_IN_PROGRESS", statusMessage: "" },
    },
    { to: "DELETED", patch: { statusCode: "STREAMING_SESSION_DELETED", statusMessage: "" } },
    { to: REMOVE, afterMs: deletedRetentionMs(ctx) },
  ];
}
