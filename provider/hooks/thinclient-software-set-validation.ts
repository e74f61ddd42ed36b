// A software set belongs to AWS; this resource only borrows its validation status. The status it
// found is what destroy puts back, and the service has nowhere to keep it, so it travels in state.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";

const previous = "previousValidationStatus";

export const hooks: Hooks = {
  check(_ctx, inputs) {
    if (inputs.adoptId === undefined) return [];
    return [
      {
        property: "adoptId",
        reason:
          "adoptId is not used by thinclient:SoftwareSetValidation: it takes hold of the software set named by softwareSetId",
      },
    ];
  },

  /**
   * Carries the recorded status through every read. State has it from the first create onwards; during
   * that create the scope's validationStatus is still the one the create call (a GetSoftwareSet) read,
   * before any change, which is exactly the status to record.
   */
  read(_ctx, scope, found) {
    if (!isRecord(found)) return undefined;
    return { ...found, [previous]: scope[previous] ?? scope.validationStatus };
  },

  async delete(ctx, scope, props, current) {
    const restore = props[previous];
    if (props.deleteBehaviour === "KEEP" || typeof restore !== "string" || current.state === restore) return;
    const spec = ctx.schema.desiredState?.values[restore]?.call;
    if (!spec) throw new Error(`${ctx.subject}: cannot restore validation status ${restore}`);
    await ctx.send(spec, ctx.request(spec, scope, {}));
  },
};
