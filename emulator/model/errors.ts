// Which error an operation answers with, and its HTTP status, as the model says.
import { operationModel, type ServiceModel } from "./load";

/**
 * The errors every AWS API may return although no operation lists them ("Common Errors" in each
 * service's API reference, e.g. https://docs.aws.amazon.com/appstream2/latest/APIReference/CommonErrors.html),
 * with their documented HTTP status.
 */
export const COMMON_ERRORS: Readonly<Record<string, number>> = {
  AccessDeniedException: 400,
  IncompleteSignature: 400,
  InternalFailure: 500,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  NotAuthorized: 400,
  OptInRequired: 403,
  RequestExpired: 400,
  ServiceUnavailable: 503,
  ThrottlingException: 400,
  ValidationException: 400,
};

/** The errors an operation may answer with: its modeled ones and the common ones. */
export function isModeledError(model: ServiceModel, operation: string, code: string): boolean {
  return (operationModel(model, operation).errors ?? []).some((e) => e.shape === code) || code in COMMON_ERRORS;
}

/** The HTTP status of an error: its shape's httpStatusCode, else the common error's. */
export function errorStatus(model: ServiceModel, code: string): number {
  return model.shapes[code]?.error?.httpStatusCode ?? COMMON_ERRORS[code] ?? 400;
}

/**
 * The error a request that breaks the input shape gets: ValidationException where the operation
 * lists it; else InvalidParameterCombinationException where it lists that (AppStream's create,
 * update and describe calls); else the common ValidationException.
 */
export function validationErrorCode(model: ServiceModel, operation: string): string {
  const listed = new Set((operationModel(model, operation).errors ?? []).map((e) => e.shape));
  if (listed.has("ValidationException")) return "ValidationException";
  if (listed.has("InvalidParameterCombinationException")) return "InvalidParameterCombinationException";
  return "ValidationException";
}
