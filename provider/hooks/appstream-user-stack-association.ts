// BatchAssociateUserStack and BatchDisassociateUserStack answer 200 and list each association they
// refused in `errors` (STACK_NOT_FOUND, USER_NAME_NOT_FOUND, ...): such an answer is a failure.
import type { Hooks } from "../engine/hooks";
import type { CallSpec } from "../engine/schema-types";

interface Refusal {
  ErrorCode?: string;
  ErrorMessage?: string;
}

function failOnItemErrors(operation: string, response: Record<string, unknown>): void {
  // The schema's calls name one association each, so at most one is refused.
  const [refusal] = (response.errors ?? []) as Refusal[];
  if (refusal === undefined) return;
  throw new Error(`${operation} failed: ${String(refusal.ErrorCode)}: ${String(refusal.ErrorMessage)}`);
}

export const hooks: Hooks = {
  checkCreateResponse(ctx, response) {
    // Stryker disable next-line StringLiteral,OptionalChaining: equivalent, the engine calls checkCreateResponse only with the answer of the schema's create call, so that call is declared
    failOnItemErrors(ctx.schema.operations.create?.operation ?? "", response);
  },

  async delete(ctx, scope) {
    // Declared by the schema (BatchDisassociateUserStack).
    const spec = ctx.schema.operations.delete as CallSpec;
    failOnItemErrors(spec.operation, await ctx.send(spec, ctx.request(spec, scope, {})));
  },
};
