// The services' errors as the engine tells them apart: by name, and which of them mean "not found".

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
    [...notFoundNames, ...extra].some((notFound) => notFound === name) ||
    (error as AwsErrorLike)?.$metadata?.httpStatusCode === 404
  );
}
