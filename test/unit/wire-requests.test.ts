// Requests and answers on the wire beyond the member names (wire-names.test.ts): a request carries no
// member for what the resource cannot fill, a free-form structure is read back as the service gave it,
// and client tokens are the same from one version of the package to the next.
import { describe, expect, it } from "vitest";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { PropertySchema } from "../../provider/engine/schema-types";
import { clientToken, fromWire, requestFor } from "../../provider/engine/wire";

describe("a request", () => {
  const environment = loadSchema("thinclient:Environment");
  const spec = { operation: "UpdateEnvironment", inputs: ["name"], params: { id: "{environmentId}" } };

  it("has no member for a template the resource cannot fill, so spread over another request it keeps that one's value", () => {
    const request = requestFor(environment, spec, {}, { name: "lobby" });
    expect(Object.keys(request)).toEqual(["name"]);
    expect({ id: "env-1", ...request }).toStrictEqual({ id: "env-1", name: "lobby" });
    expect(requestFor(environment, spec, { environmentId: "env-2" }, { name: "lobby" })).toStrictEqual({
      name: "lobby",
      id: "env-2",
    });
  });
});

describe("a structure the schema leaves free-form", () => {
  const free: PropertySchema = {
    type: "object",
    properties: {
      undescribed: { type: "object" },
      anyMembers: { type: "object", additionalProperties: true },
    },
  };

  it("is read back as the service gave it, its members without a value included", () => {
    const answer = {
      Undescribed: { AnyKey: 1, Cleared: null },
      AnyMembers: { Other: "x", Cleared: null },
    };
    expect(fromWire(free, answer, "pascal")).toStrictEqual({
      undescribed: { AnyKey: 1, Cleared: null },
      anyMembers: { Other: "x", Cleared: null },
    });
  });
});

describe("client tokens across versions of the package", () => {
  // A create interrupted under one version and retried under the next must send the same token, or the
  // service creates a second resource: these are the tokens this derivation has always given.
  const studio = loadSchema("nimble:Studio");
  const inputs = {
    __urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/nimble:Studio::main",
    displayName: "Main",
    adminRoleArn: "arn:aws:iam::123456789012:role/a",
    userRoleArn: "arn:aws:iam::123456789012:role/u",
    studioName: "main1234567",
  };

  it("are unchanged for a create", () => {
    expect(clientToken(studio, "create", inputs)).toBe(
      "1f0a4e325be560ee92dfb7812d8c37cd3e38db6242ede0db25114ce63c7fc70b",
    );
  });

  it("are unchanged for a resource whose state has no URN (taken over by id, then destroyed)", () => {
    const { __urn: _urn, ...imported } = inputs;
    expect(clientToken(studio, "delete:st-1", imported)).toBe(
      "ec209e635a77e9126af8e967aead2fcd4cf697572cebd81536b77de6465c9ef7",
    );
  });
});
