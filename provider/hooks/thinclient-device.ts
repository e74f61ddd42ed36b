// A device registered itself with an environment's activation code: the environment it states can
// only confirm that. (What `pulumi destroy` does, by deleteBehaviour, is in the schema file.)
import type { Hooks } from "../engine/hooks";

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
};
