import { ServiceError } from "../../core/types";
import { errorStatus, serviceModel } from "../../model";
import type { Issue } from "../shared/operations";

const model = serviceModel("thinclient");
const status = (code: string) => errorStatus(model, code);

/** ValidationException carries `reason` and a `fieldList` of {name, message} (the model's shape). */
export const invalidInput = (issues: Issue[], code = "ValidationException") =>
  new ServiceError(code, issues.map((i) => i.message).join(" "), status(code), {
    reason: "fieldValidationFailed",
    fieldList: issues.map(({ name, message }) => ({ name, message })),
  });

export const invalid = (message: string) =>
  new ServiceError("ValidationException", message, status("ValidationException"), { reason: "other" });

export const notFound = (resourceType: string, resourceId: string) =>
  new ServiceError(
    "ResourceNotFoundException",
    `The ${resourceType} ${resourceId} was not found.`,
    status("ResourceNotFoundException"),
    { resourceId, resourceType },
  );

export const conflict = (message: string, resourceType: string, resourceId: string) =>
  new ServiceError("ConflictException", message, status("ConflictException"), { resourceId, resourceType });

/**
 * Seed 004: a retry "with the same ClientToken, but with different parameters ... fails with an
 * IdempotentParameterMismatch error". The model has no such shape; ConflictException is the
 * modeled error for a request that contradicts earlier state.
 */
export const tokenMismatch = (token: string) =>
  new ServiceError(
    "ConflictException",
    `IdempotentParameterMismatch: client token ${token} was already used with different parameters.`,
    status("ConflictException"),
  );
