// A user pool user has no update call: `enabled` is reached with EnableUser / DisableUser, and the
// read pages through DescribeUsers, which lists every user of an authentication type.
import type { Hooks } from "../engine/hooks";
import type { Outputs, ResourceContext } from "../engine/resource-context";
import { isRecord } from "../engine/wire";

async function setEnabled(ctx: ResourceContext, scope: Outputs, enabled: boolean): Promise<void> {
  await ctx.send({ operation: enabled ? "EnableUser" : "DisableUser" }, { UserName: scope.userName, AuthenticationType: scope.authenticationType });
}

export const hooks: Hooks = {
  async read(ctx, scope, found) {
    let page = isRecord(found) ? found : {};
    for (;;) {
      const users = Array.isArray(page.Users) ? page.Users.filter(isRecord) : [];
      const user = users.find((u) => u.UserName === scope.userName);
      if (user) return user;
      if (typeof page.NextToken !== "string") return undefined;
      page = await ctx.send({ operation: "DescribeUsers" }, { AuthenticationType: scope.authenticationType, NextToken: page.NextToken });
    }
  },

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
