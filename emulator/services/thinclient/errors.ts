import { ServiceError } from "../../core/types";
import type { Issue } from "../shared/checks";

/** ValidationException carries `reason` and a `fieldList` of {name, message} (the SDK's model). */
export const invalidInput = (issues: Issue[]) =>
  new ServiceError("ValidationException", issues.map((i) => i.message).join(" "), 400, {
    reason: "fieldValidationFailed",
    fieldList: issues.map(({ name, message }) => ({ name, message })),
  });

export const invalid = (message: string) => new ServiceError("ValidationException", message, 400, { reason: "other" });

export const notFound = (resourceType: string, resourceId: string) =>
  new ServiceError("ResourceNotFoundException", `The ${resourceType} ${resourceId} was not found.`, 404, { resourceId, resourceType });

export const conflict = (message: string, resourceType: string, resourceId: string) =>
  new ServiceError("ConflictException", message, 409, { resourceId, resourceType });

/**
 * Seed 004: a retry "with the same ClientToken, but with different parameters ... fails with an
 * IdempotentParameterMismatch error". The SDK models no such shape; ConflictException is the
 * modeled error for a request that contradicts earlier state.
 */
export const tokenMismatch = (token: string) =>
  new ServiceError("ConflictException", `IdempotentParameterMismatch: client token ${token} was already used with different parameters.`, 409);
