/**
 * The resource exists but did not reach its target state. The dynamic-provider shim turns an error
 * carrying `id` into ErrorResourceInitFailed, so Pulumi keeps the resource in state (and the next
 * `up` tries again) instead of forgetting something that is costing money.
 */
export class ResourceInitError extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}

interface AwsErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function awsErrorName(error: unknown): string | undefined {
  return (error as AwsErrorLike | undefined)?.name;
}

const notFoundNames = ["ResourceNotFoundException", "ResourceNotFound", "NotFoundException"];

// Stryker disable next-line ArrayDeclaration: equivalent, no service error is named "Stryker was here"
export function isNotFound(error: unknown, extra: string[] = []): boolean {
  const name = awsErrorName(error);
  return (
    (name !== undefined && (notFoundNames.includes(name) || extra.includes(name))) ||
    (error as AwsErrorLike)?.$metadata?.httpStatusCode === 404
  );
}
