// How every service module declares its operations: `read(name, handler)` and `write(name, handler)`
// from `operationsOf(rules)`. The model supplies everything else: the HTTP method and path of a
// restJson1 operation, its success status, and the input shape each request is validated against
// before the handler (the service's own behaviour rules) runs. See emulator/README.md.
import { withClientToken } from "../../core/helpers";
import {
  ServiceError,
  type Operation,
  type OperationContext,
  type OperationRequest,
  type OperationResult,
} from "../../core/types";
import {
  errorStatus,
  inputOf,
  isModeledError,
  operationModel,
  serviceModel,
  successStatus,
  validateInput,
  validateOutput,
  validationErrorCode,
  type ServiceName,
} from "../../model";

/** A problem with a request: the member it concerns and what is wrong. */
export interface Issue {
  name: string;
  message: string;
}

/**
 * Thrown by a handler for a request its behaviour rules refuse (a combination of members, a
 * reference to something unusable). The operation answers with its modeled validation error, like
 * a request that breaks the model.
 */
export class InvalidRequest extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.message).join(" "));
  }
}

/** Shorthand for a single-issue InvalidRequest. */
export const invalidRequest = (message: string, name = "") => new InvalidRequest([{ name, message }]);

export type Handler = (req: OperationRequest, ctx: OperationContext) => OperationResult | Promise<OperationResult>;

export interface ServiceRules {
  service: ServiceName;
  /** The service's validation error: `code` and `status` as the model gives them for the operation. */
  invalidInput(issues: Issue[], code: string, status: number): ServiceError;
  /**
   * Where a mutating call carries its client token, and the rest of the request the token vouches
   * for. A retry with the same token and request replays the first result; with another request it
   * fails with `mismatch`.
   */
  clientToken?: {
    of(req: OperationRequest): { token: string | undefined; request: unknown };
    mismatch(token: string): ServiceError;
  };
}

/**
 * Set PULUMI_AWS_EUC_CHECK_RESPONSES=1 and every response is checked against the model: a body that
 * breaks the output shape, or an error the operation does not model, becomes an InternalFailure
 * (500) naming the problem, so a test sees it.
 */
export const checkResponses = () => process.env.PULUMI_AWS_EUC_CHECK_RESPONSES === "1";

export function operationsOf(rules: ServiceRules) {
  const model = serviceModel(rules.service);

  const build = (name: string, mutating: boolean, handler: Handler): Operation => {
    const op = operationModel(model, name);
    const status = successStatus(model, name);
    const validationCode = validationErrorCode(model, name);
    const invalid = (issues: Issue[]) => rules.invalidInput(issues, validationCode, errorStatus(model, validationCode));
    const token = mutating ? rules.clientToken : undefined;

    const run = async (req: OperationRequest, ctx: OperationContext): Promise<OperationResult> => {
      const issues = validateInput(model, name, inputOf(model, name, req));
      if (issues.length > 0) throw invalid(issues);
      try {
        if (!token) return await handler(req, ctx);
        const { token: value, request } = token.of(req);
        // The replayed result is computed synchronously by every handler that takes a token.
        return withClientToken(
          ctx,
          name,
          value,
          request,
          () => handler(req, ctx) as OperationResult,
          () => token.mismatch(value ?? ""),
        );
      } catch (err) {
        if (err instanceof InvalidRequest) throw invalid(err.issues);
        throw err;
      }
    };

    return {
      name,
      mutating,
      ...(model.metadata.protocol === "rest-json"
        ? { http: { method: op.http.method as NonNullable<Operation["http"]>["method"], path: op.http.requestUri } }
        : {}),
      handler: async (req, ctx) => {
        let result: OperationResult;
        try {
          result = await run(req, ctx);
        } catch (err) {
          if (checkResponses() && err instanceof ServiceError && !isModeledError(model, name, err.code)) {
            throw modelBreach(name, [`it answered with ${err.code}, an error the operation does not model`]);
          }
          throw err;
        }
        const body = status === 204 ? undefined : (result.body ?? {});
        if (checkResponses()) {
          const breaches = validateOutput(model, name, JSON.parse(JSON.stringify(body ?? {})));
          if (breaches.length)
            throw modelBreach(
              name,
              breaches.map((b) => b.message),
            );
        }
        return { status, body };
      },
    };
  };

  return {
    read: (name: string, handler: Handler) => build(name, false, handler),
    write: (name: string, handler: Handler) => build(name, true, handler),
  };
}

function modelBreach(operation: string, problems: string[]): ServiceError {
  const message = `The endpoint's response to ${operation} breaks the service model: ${problems.join(" ")}`;
  console.error(`[emulator] ${message}`);
  return new ServiceError("InternalFailure", message, 500);
}
