// An opt-in repair of a studio's IAM Identity Center configuration: after a create (failed or not),
// on an update, and on the update after a refresh found it broken.
import type { HookContext, Hooks } from "../engine/hooks";
import type { Outputs } from "../engine/state";
import type { Observation } from "../engine/waiter";

/**
 * Status codes of a studio whose Identity Center application is missing or unusable (StudioStatusCode
 * in the Nimble Studio API Reference).
 */
const SSO_BROKEN = ["AWS_SSO_NOT_ENABLED", "AWS_SSO_ACCESS_DENIED"];

async function repairSso(
  ctx: HookContext,
  scope: Outputs,
  wanted: unknown,
  observed: Observation,
  timeoutMs: number,
): Promise<Observation> {
  // Stryker disable next-line StringLiteral: no status code and any string outside SSO_BROKEN read alike.
  if (wanted !== true || !SSO_BROKEN.includes(observed.statusCode ?? "")) return observed;
  const call = {
    operation: "StartStudioSSOConfigurationRepair",
    params: { studioId: "{studioId}" },
    clientToken: "clientToken",
  };
  await ctx.send(call, ctx.callRequest(call, scope, `${observed.statusCode}:${String(observed.outputs.updatedAt)}`));
  return ctx.wait({ pending: ["UPDATE_IN_PROGRESS"], target: ["READY"], failed: ["UPDATE_FAILED"] }, scope, timeoutMs);
}

export const hooks: Hooks = {
  async afterCreate(ctx, scope, inputs, observed) {
    return repairSso(ctx, scope, inputs.repairSsoConfiguration, observed, ctx.timeoutMs("create", inputs));
  },

  // A studio created while Identity Center was broken ends CREATE_FAILED; the repair makes it READY.
  async repairFailedCreate(ctx, scope, inputs, observed) {
    // Stryker disable next-line StringLiteral: no status code and any string outside SSO_BROKEN read alike.
    if (inputs.repairSsoConfiguration !== true || !SSO_BROKEN.includes(observed.statusCode ?? "")) return undefined;
    return repairSso(ctx, scope, true, observed, ctx.timeoutMs("create", inputs));
  },

  // A studio reporting its SSO configuration broken on refresh has the repair pending: the next
  // preview shows repairSsoConfiguration changing, and the update runs it.
  engineInputsNotInEffect(_ctx, props, observed) {
    // Stryker disable next-line StringLiteral: no status code and any string outside SSO_BROKEN read alike.
    return props.repairSsoConfiguration === true && SSO_BROKEN.includes(observed.statusCode ?? "")
      ? { repairSsoConfiguration: false }
      : {};
  },

  async update(ctx, scope, _olds, news, changed, current) {
    const timeoutMs = ctx.timeoutMs("update", news);
    const updated = changed.length > 0 ? await ctx.updateAsSchemaSays(scope, news, changed, timeoutMs) : current;
    return repairSso(ctx, scope, news.repairSsoConfiguration, updated, timeoutMs);
  },
};
