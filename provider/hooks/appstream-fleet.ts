// AppStream fleets report capacity only as ComputeCapacityStatus, and cannot be deleted while
// running or associated with a stack.
import { isNotFound } from "../engine/errors";
import type { HookContext, Hooks } from "../engine/hooks";
import type { Outputs } from "../engine/state";
import type { Observation } from "../engine/waiter";
import { isRecord } from "../engine/wire";

/** Every stack the fleet is associated with, all pages (the association type's list operation). */
export async function associatedStacks(ctx: HookContext, fleetName: string): Promise<string[]> {
  return (await ctx.list({ fleetName }, "appstream:FleetStackAssociation")).map(String);
}

export const hooks: Hooks = {
  // The program states the desired capacity; only that is compared with it. The live counts stay in
  // computeCapacityStatus, so instances starting or users connecting never show as drift.
  read(_ctx, _scope, found) {
    if (!isRecord(found)) return undefined;
    const status = isRecord(found.ComputeCapacityStatus) ? found.ComputeCapacityStatus : undefined;
    if (!status || found.FleetType === "ELASTIC") return found;
    const multiSession = found.MaxSessionsPerInstance !== undefined;
    const computeCapacity = multiSession
      ? { DesiredSessions: status.DesiredUserSessions ?? status.Desired }
      : { DesiredInstances: status.Desired };
    return { ...found, ComputeCapacity: computeCapacity };
  },

  async delete(ctx: HookContext, scope: Outputs, props: Outputs, current: Observation) {
    const timeoutMs = ctx.timeoutMs("delete", props);
    const name = String(scope.name);
    for (const stack of await associatedStacks(ctx, name)) {
      await ctx.send({ operation: "DisassociateFleet" }, { FleetName: name, StackName: stack });
    }
    // Settled (RUNNING or STOPPED), or stuck STARTING with FleetErrors, which it never leaves: either
    // way it is stopped. Errors stay listed while it stops, and they do not matter to a delete.
    if (current.state !== "STOPPED") {
      await ctx.send({ operation: "StopFleet" }, { Name: name });
      await ctx.wait({ pending: ["STARTING", "STOPPING"], target: ["STOPPED"], ignoreErrors: true }, scope, timeoutMs);
    }
    try {
      await ctx.send({ operation: "DeleteFleet" }, { Name: name });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    // A deleted fleet is still listed, STOPPED, for a while.
    await ctx.wait({ pending: ["STOPPED"], target: [], ignoreErrors: true }, scope, timeoutMs, true);
  },
};
