// Builders for the restJson1 operations of the Nimble and Thin Client modules.
import { withClientToken } from "../../core/helpers";
import type { Operation, OperationContext, OperationRequest, OperationResult, ServiceError } from "../../core/types";

type Method = NonNullable<Operation["http"]>["method"];
type Handler = (req: OperationRequest, ctx: OperationContext) => OperationResult;
type Builder = (name: string, method: Method, path: string, handler: Handler) => Operation;

export const read: Builder = (name, method, path, handler) => ({ name, mutating: false, http: { method, path }, handler });

/**
 * Mutating operations of a service. `tokenOf` finds the request's client token (where the service
 * carries it) and the rest of the request it vouches for; a retry with the same token and request
 * replays the first result, with another request it fails with `mismatch`.
 */
export function writes(
  tokenOf: (req: OperationRequest) => { token: string | undefined; request: unknown },
  mismatch: (token: string) => ServiceError,
): Builder {
  return (name, method, path, handler) => ({
    name,
    mutating: true,
    http: { method, path },
    handler: (req, ctx) => {
      const { token, request } = tokenOf(req);
      return withClientToken(ctx, name, token, request, () => handler(req, ctx), () => mismatch(token ?? ""));
    },
  });
}
