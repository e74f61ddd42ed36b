// An entitled application has no describe call of its own: it exists while the entitlement lists it.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";

export const hooks: Hooks = {
  async read(ctx, scope, found) {
    let page = found;
    while (isRecord(page)) {
      const listed = Array.isArray(page.EntitledApplications) ? page.EntitledApplications : [];
      if (listed.some((a) => isRecord(a) && a.ApplicationIdentifier === scope.applicationIdentifier)) return { StackName: scope.stackName, EntitlementName: scope.entitlementName, ApplicationIdentifier: scope.applicationIdentifier };
      if (typeof page.NextToken !== "string") return undefined;
      page = await ctx.send({ operation: "ListEntitledApplications" }, { StackName: scope.stackName, EntitlementName: scope.entitlementName, NextToken: page.NextToken });
    }
    return undefined;
  },
};
