// How the engine reads a failed call: which errors mean "the resource is gone" (a refresh drops it,
// a delete is done) and the sentence a user reads for the others.
import { describe, expect, it } from "vitest";
import { describeCallError } from "../../provider/engine/calls";
import { ResourceInitError } from "../../provider/engine/create";
import { isNotFound } from "../../provider/engine/errors";

describe("a not-found answer", () => {
  it("is any of the services' not-found error names, or the operation's own", () => {
    for (const name of ["ResourceNotFoundException", "ResourceNotFound", "NotFoundException"])
      expect(isNotFound({ name })).toBe(true);
    expect(isNotFound({ name: "EntitlementNotFoundException" })).toBe(false);
    expect(isNotFound({ name: "EntitlementNotFoundException" }, ["EntitlementNotFoundException"])).toBe(true);
  });

  it("is an HTTP 404 whatever its name", () => {
    expect(isNotFound({ name: "UnknownError", $metadata: { httpStatusCode: 404 } })).toBe(true);
    expect(isNotFound({ $metadata: { httpStatusCode: 404 } })).toBe(true);
  });

  it("is not throttling, a refusal, a server error or a thrown non-error", () => {
    expect(isNotFound({ name: "ThrottlingException", $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isNotFound({ name: "ResourceInUseException" }, ["EntitlementNotFoundException"])).toBe(false);
    expect(isNotFound({ $metadata: { httpStatusCode: 500 } })).toBe(false);
    expect(isNotFound({ $metadata: {} })).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
    expect(isNotFound("ResourceNotFoundException")).toBe(false);
  });
});

describe("a failed call's message", () => {
  it("names the operation, the service's error and its message, and keeps the original as cause", () => {
    const original = Object.assign(new Error("fleet web is in use"), { name: "ResourceInUseException" });
    const wrapped = describeCallError("DeleteFleet", original);
    expect(wrapped.message).toBe("DeleteFleet failed: ResourceInUseException: fleet web is in use");
    expect((wrapped as Error & { cause?: unknown }).cause).toBe(original);
  });

  it("says Error and the value itself when what was thrown is not an error", () => {
    expect(describeCallError("CreateStack", "socket hang up").message).toBe(
      "CreateStack failed: Error: socket hang up",
    );
    expect(describeCallError("CreateStack", undefined).message).toBe("CreateStack failed: Error: undefined");
  });

  it("a resource left short of its target state is reported as such, with its id", () => {
    const error = new ResourceInitError("fleet web did not start", "web", { name: "web" }, ["capacity"]);
    expect(String(error)).toBe("ResourceInitError: fleet web did not start");
    expect(error).toMatchObject({ id: "web", properties: { name: "web" }, reasons: ["capacity"] });
  });
});
