// What Pulumi keeps of a resource besides what was read: the engine's bookkeeping from the inputs
// (URN, auto-name marker, the dynamic provider, the client token), each only when set.
import { describe, expect, it } from "vitest";
import { loadSchema } from "../../provider/engine/schema-loader";
import { outputsFrom, tokenField } from "../../provider/engine/state";

const schema = loadSchema("thinclient:Environment");
const live = { environmentId: "env-1", name: "lobby" };

describe("the state kept of a resource", () => {
  it("keeps the URN, the auto-name marker, the provider and the client token from the inputs", () => {
    const inputs = {
      __urn: "urn:pulumi:dev::studio::pulumi-nodejs:dynamic/thinclient:Environment::lobby",
      __autoNamed: true,
      __provider: "serialized provider",
      name: "lobby",
    };
    expect(outputsFrom(schema, live, inputs, "token-1")).toMatchObject({
      __urn: inputs.__urn,
      __autoNamed: true,
      __provider: "serialized provider",
      [tokenField]: "token-1",
    });
    // A token from an earlier run stays when no new one is given.
    expect(outputsFrom(schema, live, { ...inputs, [tokenField]: "token-0" })[tokenField]).toBe("token-0");
  });

  it("has none of them when the inputs have none", () => {
    const kept = outputsFrom(schema, live, { name: "lobby" });
    for (const key of ["__urn", "__autoNamed", "__provider", tokenField]) expect(kept).not.toHaveProperty(key);
  });
});
