// A studio that still has launch profiles cannot be deleted (the service would leave it DELETE_FAILED
// and unusable), and an opt-in repair of its IAM Identity Center configuration: after a create (failed
// or not), on an update, and on the update after a refresh found it broken.
import type { Hooks } from "../engine/hooks";
import { applyUpdate, deleteGenerically, type Outputs, type ResourceContext } from "../engine/resource-engine";
import { isRecord } from "../engine/wire";
import type { Observation } from "../engine/waiter";

/** Status codes of a studio whose Identity Center application is missing or unusable (StudioStatusCode in the Nimble Studio API Reference). */
const SSO_BROKEN = ["AWS_SSO_NOT_ENABLED", "AWS_SSO_ACCESS_DENIED"];

async function repairSso(ctx: ResourceContext, scope: Outputs, wanted: unknown, observed: Observation, timeoutMs: number): Promise<Observation> {
  if (wanted !== true || !SSO_BROKEN.includes(observed.statusCode ?? "")) return observed;
  const call = { operation: "StartStudioSSOConfigurationRepair", params: { studioId: "{studioId}" }, clientToken: "clientToken" };
  await ctx.send(call, ctx.callRequest(call, scope, `${observed.statusCode}:${String(observed.outputs.updatedAt)}`));
  return ctx.wait({ pending: ["UPDATE_IN_PROGRESS"], target: ["READY"], failed: ["UPDATE_FAILED"] }, scope, timeoutMs);
}

interface ProfileSummary {
  id: string;
  name?: string;
  state?: string;
}

async function launchProfilesOf(ctx: ResourceContext, studioId: string): Promise<ProfileSummary[]> {
  const found: ProfileSummary[] = [];
  let nextToken: string | undefined;
  do {
    const response = await ctx.send({ operation: "ListLaunchProfiles" }, { studioId, ...(nextToken ? { nextToken } : {}) });
    for (const p of Array.isArray(response.launchProfiles) ? response.launchProfiles : []) {
      if (isRecord(p) && p.state !== "DELETED") found.push({ id: String(p.launchProfileId), name: p.name as string | undefined, state: p.state as string | undefined });
    }
    nextToken = typeof response.nextToken === "string" ? response.nextToken : undefined;
  } while (nextToken);
  return found;
}

/** The launch profiles that keep the studio from being deleted, once those already being deleted are gone. */
async function blockingProfiles(ctx: ResourceContext, studioId: string, timeoutMs: number): Promise<ProfileSummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const profiles = await launchProfilesOf(ctx, studioId);
    if (!profiles.some((p) => p.state === "DELETE_IN_PROGRESS") || Date.now() >= deadline) return profiles;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export const hooks: Hooks = {
  async afterCreate(ctx, scope, inputs, observed) {
    return repairSso(ctx, scope, inputs.repairSsoConfiguration, observed, ctx.timeoutMs("create", inputs));
  },

  // A studio created while Identity Center was broken ends CREATE_FAILED; the repair makes it READY.
  async repairFailedCreate(ctx, scope, inputs, observed) {
    if (inputs.repairSsoConfiguration !== true || !SSO_BROKEN.includes(observed.statusCode ?? "")) return undefined;
    return repairSso(ctx, scope, true, observed, ctx.timeoutMs("create", inputs));
  },

  // A studio reporting its SSO configuration broken on refresh has the repair pending: the next
  // preview shows repairSsoConfiguration changing, and the update runs it.
  engineInputsNotInEffect(_ctx, props, observed) {
    return props.repairSsoConfiguration === true && SSO_BROKEN.includes(observed.statusCode ?? "") ? { repairSsoConfiguration: false } : {};
  },

  async update(ctx, scope, _olds, news, changed, current) {
    const timeoutMs = ctx.timeoutMs("update", news);
    const updated = changed.length > 0 ? await applyUpdate(ctx, scope, news, changed, timeoutMs) : current;
    return repairSso(ctx, scope, news.repairSsoConfiguration, updated, timeoutMs);
  },

  async delete(ctx, scope, props) {
    const timeoutMs = ctx.timeoutMs("delete", props);
    const studioId = String(scope.studioId);
    const profiles = await blockingProfiles(ctx, studioId, timeoutMs);
    if (profiles.length > 0) {
      const named = profiles.map((p) => `${p.name ?? "(unnamed)"} (${p.id}, ${p.state ?? "unknown state"})`).join(", ");
      throw new Error(
        `${ctx.subject} (${studioId}) still has launch profiles, so it cannot be deleted (the service would leave it ` +
          `DELETE_FAILED with STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED): ${named}. Delete them first, then run the destroy again.`,
      );
    }
    await deleteGenerically(ctx, scope, props, timeoutMs);
  },
};
