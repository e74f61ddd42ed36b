// A streaming session's two irregularities: whether it may be stopped depends on its launch profile,
// and `pulumi destroy` means what the deleteBehaviour input says.
import type { CheckFailure, Inputs } from "../engine/check";
import type { Hooks } from "../engine/hooks";
import { report } from "../engine/progress";
import { deleteGenerically, type Outputs, type ResourceContext } from "../engine/resource-engine";
import { isRecord } from "../engine/wire";
import type { Observation } from "../engine/waiter";
import { whyStopIsRefused, type StopRelevantConfiguration } from "./nimble-stop-rules";

type DeleteBehaviour = "TERMINATE" | "STOP_RETAIN_VOLUME" | "STOP_DELETE_VOLUME";
const retentionOf: Record<Exclude<DeleteBehaviour, "TERMINATE">, "RETAIN" | "DELETE"> = {
  STOP_RETAIN_VOLUME: "RETAIN",
  STOP_DELETE_VOLUME: "DELETE",
};

/** The launch profile as the service has it now; undefined when it cannot be read (not created yet, no access). */
async function liveProfile(ctx: ResourceContext, studioId: string, launchProfileId: string): Promise<{ name?: string; config: StopRelevantConfiguration } | undefined> {
  try {
    const response = await ctx.send({ operation: "GetLaunchProfile" }, { studioId, launchProfileId });
    const profile = response.launchProfile;
    if (!isRecord(profile) || !isRecord(profile.streamConfiguration)) return undefined;
    return { name: typeof profile.name === "string" ? profile.name : undefined, config: profile.streamConfiguration as StopRelevantConfiguration };
  } catch {
    return undefined;
  }
}

/**
 * Preview-time errors for inputs that newly ask to stop a session its launch profile does not let
 * stop (what an earlier update already asked for is not judged again on every preview).
 */
async function stopRules(ctx: ResourceContext, olds: Inputs, inputs: Inputs): Promise<CheckFailure[]> {
  const stopping: Array<[string, string]> = [];
  const asks = (name: string, value: unknown) => inputs[name] === value && olds[name] !== value;
  if (asks("desiredState", "STOPPED")) stopping.push(["desiredState", "desiredState STOPPED"]);
  for (const behaviour of ["STOP_RETAIN_VOLUME", "STOP_DELETE_VOLUME"]) {
    if (asks("deleteBehaviour", behaviour)) stopping.push(["deleteBehaviour", `deleteBehaviour ${behaviour}`]);
  }
  const { studioId, launchProfileId } = inputs;
  if (stopping.length === 0 || typeof studioId !== "string" || typeof launchProfileId !== "string") return [];
  const profile = await liveProfile(ctx, studioId, launchProfileId);
  const why = profile && whyStopIsRefused(profile.config);
  if (!profile || !why) return [];
  const named = profile.name ? `${profile.name} (${launchProfileId})` : launchProfileId;
  return stopping.map(([property, what]) => ({
    property,
    reason: `${what} stops the session, but its launch profile ${named} does not allow stopped sessions: ${why}`,
  }));
}

/** Stops the session and leaves it to its owner; a session that never ran has nothing to keep. */
async function stopAndKeep(ctx: ResourceContext, scope: Outputs, props: Outputs, current: Observation, volumeRetentionMode: "RETAIN" | "DELETE"): Promise<void> {
  const timeoutMs = ctx.timeoutMs("delete", props);
  if (current.state === "STOPPED") return;
  if (current.state !== "READY") {
    void report(ctx.urn, `the session is ${current.state ?? "in an unknown state"}, so it cannot be stopped and kept: terminating it`, { severity: "warning" });
    return deleteGenerically(ctx, scope, props, timeoutMs);
  }
  const call = { operation: "StopStreamingSession", params: { studioId: "{studioId}", sessionId: "{sessionId}", volumeRetentionMode }, clientToken: "clientToken" };
  await ctx.send(call, ctx.callRequest(call, scope, `destroy:${String(current.outputs.updatedAt)}`));
  await ctx.wait({ pending: ["STOP_IN_PROGRESS"], target: ["STOPPED"], failed: ["STOP_FAILED"] }, scope, timeoutMs, true);
}

export const hooks: Hooks = {
  checkWithService: stopRules,

  async delete(ctx, scope, props, current) {
    const behaviour = (props.deleteBehaviour as DeleteBehaviour | undefined) ?? "TERMINATE";
    if (behaviour === "TERMINATE") return deleteGenerically(ctx, scope, props, ctx.timeoutMs("delete", props));
    return stopAndKeep(ctx, scope, props, current, retentionOf[behaviour]);
  },
};
