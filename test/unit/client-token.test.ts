import { describe, expect, it } from "vitest";
import { ResourceContext } from "../../provider/engine/resource-context";
import { loadSchema } from "../../provider/engine/schema-loader";

const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/nimble:Studio::main";
const studio = new ResourceContext(loadSchema("nimble:Studio"), urn);
const inputs = { __urn: urn, displayName: "Main", adminRoleArn: "arn:aws:iam::123456789012:role/a", userRoleArn: "arn:aws:iam::123456789012:role/u", studioName: "main1234567" };

describe("client tokens", () => {
  it("are the same for the same resource, purpose and inputs, so a retry is idempotent", () => {
    expect(studio.clientToken("create", { ...inputs })).toBe(studio.clientToken("create", inputs));
    expect(studio.clientToken("create", inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differ by purpose, by resource and by the service inputs, but not by engine inputs", () => {
    const base = studio.clientToken("create", inputs);
    expect(studio.clientToken("delete:st-1", inputs)).not.toBe(base);
    expect(studio.clientToken("create#2", inputs)).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, __urn: urn.replace("::main", "::other") })).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, displayName: "Other" })).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, timeouts: { create: 5 } })).toBe(base);
  });

  it("stay within the service's length limit for client tokens", () => {
    const stack = new ResourceContext(loadSchema("appstream:Stack"), undefined);
    expect(stack.clientToken("create", {}).length).toBeLessThanOrEqual(64);
  });
});
