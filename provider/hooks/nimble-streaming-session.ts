// Whether a streaming session may be stopped depends on its launch profile, as the service has it
// now. (What `pulumi destroy` does, by deleteBehaviour, is in the schema file.)
import type { CheckFailure, Inputs } from "../engine/check";
import type { HookContext, Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";
import { whyStopIsRefused, type StopRelevantConfiguration } from "./nimble-stop-rules";

/** The launch profile as the service has it now; undefined when it cannot be read (not created yet, no access). */
async function liveProfile(
  ctx: HookContext,
  studioId: string,
  launchProfileId: string,
): Promise<{ name?: string; config: StopRelevantConfiguration } | undefined> {
  let response: Record<string, unknown>;
  try {
    response = await ctx.send({ operation: "GetLaunchProfile" }, { studioId, launchProfileId });
  } catch {
    return undefined;
  }
  const profile = response.launchProfile;
  if (!isRecord(profile) || !isRecord(profile.streamConfiguration)) return undefined;
  // The SDK reads a launch profile's name as a string or leaves it out (it refuses any other type).
  return { name: profile.name as string | undefined, config: profile.streamConfiguration };
}

/**
 * Preview-time errors for inputs that newly ask to stop a session its launch profile does not let
 * stop (what an earlier update already asked for is not judged again on every preview).
 */
async function stopRules(ctx: HookContext, olds: Inputs, inputs: Inputs): Promise<CheckFailure[]> {
  const stopping: Array<[string, string]> = [];
  const asks = (name: string, value: unknown) => inputs[name] === value && olds[name] !== value;
  if (asks("desiredState", "STOPPED")) stopping.push(["desiredState", "desiredState STOPPED"]);
  for (const behaviour of ["STOP_RETAIN_VOLUME", "STOP_DELETE_VOLUME"]) {
    if (asks("deleteBehaviour", behaviour)) stopping.push(["deleteBehaviour", `deleteBehaviour ${behaviour}`]);
  }
  const { studioId, launchProfileId } = inputs;
  if (stopping.length === 0 || typeof studioId !== "string" || typeof launchProfileId !== "string") return [];
  const profile = await liveProfile(ctx, studioId, launchProfileId);
  if (!profile) return [];
  const why = whyStopIsRefused(profile.config);
  if (!why) return [];
  const named = profile.name ? `${profile.name} (${launchProfileId})` : launchProfileId;
  return stopping.map(([property, what]) => ({
    property,
    reason: `${what} stops the session, but its launch profile ${named} does not allow stopped sessions: ${why}`,
  }));
}

export const hooks: Hooks = {
  checkWithService: stopRules,
};
