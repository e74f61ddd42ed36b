// A user pool user has no update call: `enabled` is reached with EnableUser / DisableUser. (The
// schema reads the user by listing: the service describes only every user of an authentication type.)
import type { HookContext, Hooks } from "../engine/hooks";
import type { Outputs } from "../engine/state";

async function setEnabled(ctx: HookContext, scope: Outputs, enabled: boolean): Promise<void> {
  await ctx.send(
    { operation: enabled ? "EnableUser" : "DisableUser" },
    { UserName: scope.userName, AuthenticationType: scope.authenticationType },
  );
}

export const hooks: Hooks = {
  async afterCreate(ctx, scope, inputs, observed) {
    if (inputs.enabled !== false) return observed;
    await setEnabled(ctx, scope, false);
    return ctx.observe(scope);
  },

  // messageAction acts only when the user is created; the one change the service takes is `enabled`.
  async update(ctx, scope, _olds, news, changed, current) {
    if (!changed.includes("enabled")) return current;
    await setEnabled(ctx, scope, news.enabled !== false);
    return ctx.observe(scope);
  },
};
