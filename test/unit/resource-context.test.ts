// The name a resource goes by in messages (a hook's ctx.subject): its type and the name from its URN,
// or the type alone when there is no URN (a resource read by id for an import).
import { describe, expect, it } from "vitest";
import { contextFor } from "../../provider/engine/resource-context";

describe("a resource's subject in messages", () => {
  it("is its type and its name from the URN", () => {
    const urn = "urn:pulumi:dev::studio::pulumi-nodejs:dynamic/thinclient:Environment::lobby";
    const ctx = contextFor("thinclient:Environment", { __urn: urn });
    expect(ctx.subject).toBe("thinclient:Environment lobby");
    expect(ctx.urn).toBe(urn);
  });

  it("is its type alone without a URN", () => {
    const ctx = contextFor("thinclient:Environment", {});
    expect(ctx.subject).toBe("thinclient:Environment");
    expect(ctx.urn).toBeUndefined();
  });
});
