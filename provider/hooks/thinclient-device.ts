// A device registered itself and belongs to whoever holds it, so `pulumi destroy` does what the
// deleteBehaviour input says: deregister or archive it (asynchronous), then perhaps delete it, or
// leave it alone.
import type { Hooks } from "../engine/hooks";
import { deleteGenerically } from "../engine/resource-engine";

type DeleteBehaviour = "DEREGISTER" | "ARCHIVE" | "DEREGISTER_AND_DELETE" | "ARCHIVE_AND_DELETE" | "FORGET";
type DeregisteredStatus = "DEREGISTERED" | "ARCHIVED";

const plans: Record<Exclude<DeleteBehaviour, "FORGET">, { status: DeregisteredStatus; thenDelete: boolean }> = {
  DEREGISTER: { status: "DEREGISTERED", thenDelete: false },
  ARCHIVE: { status: "ARCHIVED", thenDelete: false },
  DEREGISTER_AND_DELETE: { status: "DEREGISTERED", thenDelete: true },
  ARCHIVE_AND_DELETE: { status: "ARCHIVED", thenDelete: true },
};

/** How far along deregistration a status is: an archived device is past deregistered, never back. */
const progress: Record<string, number> = { REGISTERED: 0, DEREGISTERING: 1, DEREGISTERED: 2, ARCHIVED: 3 };

export const hooks: Hooks = {
  // A device joins an environment by registering with its activation code, never through the API:
  // a stated environmentId can only confirm that, so a different one is refused before anything runs.
  async checkWithService(ctx, _olds, inputs) {
    const { adoptId, environmentId } = inputs;
    if (typeof adoptId !== "string" || typeof environmentId !== "string") return [];
    const device = await ctx.observe(ctx.partsOf(adoptId));
    const actual = device.outputs.environmentId;
    if (device.gone || typeof actual !== "string" || actual === environmentId) return [];
    return [
      {
        property: "environmentId",
        reason: `environmentId: device ${adoptId} is registered to environment ${actual}, not ${environmentId}; a device changes environment only by registering again with that environment's activation code`,
      },
    ];
  },

  async delete(ctx, scope, props, current) {
    const behaviour = (props.deleteBehaviour ?? "DEREGISTER") as DeleteBehaviour;
    if (behaviour === "FORGET") return;
    const plan = plans[behaviour];
    const timeoutMs = ctx.timeoutMs("delete", props);
    // An earlier, interrupted destroy (or someone in the console) may have got there already.
    if ((progress[current.state ?? ""] ?? 0) < progress[plan.status]) {
      const call = { operation: "DeregisterDevice", params: { id: "{deviceId}", targetDeviceStatus: plan.status }, clientToken: "clientToken" };
      const request = ctx.request(call, scope, {});
      // Derived from the device as it is now, so a retry repeats the token and a later destroy of the
      // same device (adopted again after re-registering) does not replay this one.
      request.clientToken = ctx.clientToken(`deregister:${plan.status}:${String(current.outputs.updatedAt)}`, props);
      await ctx.send(call, request);
      await ctx.wait({ pending: ["REGISTERED", "DEREGISTERING"], target: [plan.status] }, scope, timeoutMs, true);
    }
    if (plan.thenDelete) await deleteGenerically(ctx, scope, props, timeoutMs);
  },
};
