// An entitled application has no describe call of its own: it exists while the entitlement lists it.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";

export const hooks: Hooks = {
  async read(ctx, scope) {
    const listed = (await ctx.listOnWire(scope)).filter(isRecord);
    if (!listed.some((application) => application.ApplicationIdentifier === scope.applicationIdentifier))
      return undefined;
    return {
      StackName: scope.stackName,
      EntitlementName: scope.entitlementName,
      ApplicationIdentifier: scope.applicationIdentifier,
    };
  },
};
