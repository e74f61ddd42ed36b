import { ServiceError } from "../../core/types";
import type { Issue } from "../shared/checks";

// Every Nimble error shape carries `code` (a more specific code) and `context` (a string map). The
// specific code repeats the shape name so a client that reads the body's `code` to pick the
// exception class still picks the right one.
function nimbleError(name: string, status: number, message: string, context: Record<string, string> = {}): ServiceError {
  return new ServiceError(name, message, status, { code: name, context });
}

export const validation = (message: string, context?: Record<string, string>) =>
  nimbleError("ValidationException", 400, message, context);

export const invalidInput = (issues: Issue[]) =>
  validation(
    issues.map((i) => i.message).join(" "),
    Object.fromEntries(issues.map((i) => [i.name, i.message])),
  );

export const notFound = (what: string, id: string, context: Record<string, string> = {}) =>
  nimbleError("ResourceNotFoundException", 404, `${what} ${id} was not found.`, context);

export const conflict = (message: string, context?: Record<string, string>) =>
  nimbleError("ConflictException", 409, message, context);

export const tokenMismatch = () =>
  validation("The client token was already used with different parameters.");

export const invalidPageToken = (message: string) => validation(message, { nextToken: message });
