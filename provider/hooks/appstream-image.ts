// DeleteImage refuses an image a fleet or image builder still uses; say what to do about it.
import { awsErrorName } from "../engine/errors";
import type { Hooks } from "../engine/hooks";

export const hooks: Hooks = {
  async delete(ctx, scope, props) {
    try {
      await ctx.deleteAsSchemaSays(scope, props, ctx.timeoutMs("delete", props));
    } catch (error) {
      if (awsErrorName(error) !== "ResourceInUseException") throw error;
      // Stryker disable next-line OptionalChaining: every error ctx.send throws carries the service's error as its cause.
      const detail = (error as { cause?: { message?: string } }).cause?.message ?? String(error);
      throw new Error(
        `${ctx.subject} (${String(scope.name)}) is still in use, so it cannot be deleted: ${detail} ` +
          "Point those fleets and image builders at another image or delete them, then run the destroy again.",
      );
    }
  },
};
