// An association has no describe call of its own: it exists while the fleet lists the stack.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";
import { associatedStacks } from "./appstream-fleet";

export const hooks: Hooks = {
  async read(ctx, scope, found) {
    const firstPage = isRecord(found) && Array.isArray(found.Names) ? found.Names : [];
    // The first page came with the read; the rest only when the stack is not on it.
    const listed =
      firstPage.includes(scope.stackName) ||
      (isRecord(found) &&
        found.NextToken !== undefined &&
        (await associatedStacks(ctx, String(scope.fleetName))).includes(String(scope.stackName)));
    return listed ? { FleetName: scope.fleetName, StackName: scope.stackName } : undefined;
  },
};
