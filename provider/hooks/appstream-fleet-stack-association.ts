// An association has no describe call of its own: it exists while the fleet lists the stack.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";

export const hooks: Hooks = {
  read(_ctx, scope, found) {
    const names = isRecord(found) && Array.isArray(found.Names) ? found.Names : [];
    return names.includes(scope.stackName) ? { FleetName: scope.fleetName, StackName: scope.stackName } : undefined;
  },
};
