// BatchAssociateUserStack and BatchDisassociateUserStack answer 200 and list each association they
// refused in `errors` (STACK_NOT_FOUND, USER_NAME_NOT_FOUND, ...): such an answer is a failure.
import type { Hooks } from "../engine/hooks";
import { isRecord } from "../engine/wire";

function failOnItemErrors(operation: string, response: Record<string, unknown>): void {
  const errors = Array.isArray(response.errors) ? response.errors.filter(isRecord) : [];
  if (errors.length === 0) return;
  throw new Error(
    `${operation} failed: ${errors.map((e) => `${String(e.ErrorCode)}: ${String(e.ErrorMessage)}`).join("; ")}`,
  );
}

export const hooks: Hooks = {
  checkCreateResponse(ctx, response) {
    // Stryker disable next-line StringLiteral,OptionalChaining: equivalent, the engine calls checkCreateResponse only with the answer of the schema's create call, so that call is declared
    failOnItemErrors(ctx.schema.operations.create?.operation ?? "", response);
  },

  async delete(ctx, scope) {
    const spec = ctx.schema.operations.delete;
    if (!spec) return;
    failOnItemErrors(spec.operation, await ctx.send(spec, ctx.request(spec, scope, {})));
  },
};
