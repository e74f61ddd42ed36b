import { ServiceError } from "../../core/types";
import { errorStatus, serviceModel } from "../../model";
import type { Issue } from "../shared/operations";

const model = serviceModel("nimble");

// Every Nimble error shape carries `code` (a more specific code) and `context` (a string map). The
// specific code repeats the shape name so a client that reads the body's `code` to pick the
// exception class still picks the right one. The HTTP status is the shape's.
function nimbleError(name: string, message: string, context: Record<string, string> = {}): ServiceError {
  return new ServiceError(name, message, errorStatus(model, name), { code: name, context });
}

export const validation = (message: string, context?: Record<string, string>) =>
  nimbleError("ValidationException", message, context);

/** The issues of a refused request, one context entry per member. */
export const invalidInput = (issues: Issue[], code = "ValidationException") =>
  nimbleError(code, issues.map((i) => i.message).join(" "), Object.fromEntries(issues.map((i) => [i.name, i.message])));

export const notFound = (what: string, id: string, context: Record<string, string> = {}) =>
  nimbleError("ResourceNotFoundException", `${what} ${id} was not found.`, context);

export const conflict = (message: string, context?: Record<string, string>) =>
  nimbleError("ConflictException", message, context);

export const tokenMismatch = () => validation("The client token was already used with different parameters.");

export const invalidPageToken = (message: string) => validation(message, { nextToken: message });
