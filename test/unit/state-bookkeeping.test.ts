// What Pulumi keeps of a resource besides what was read: the inputs the service does not return
// (write-only ones, the desired state), which inputs the program set and its object values, and the
// engine's bookkeeping from the inputs (URN, auto-name marker, the dynamic provider, the client
// token), each only when set.
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

describe("the inputs kept of a resource", () => {
  const builder = loadSchema("appstream:ImageBuilder");
  const vpcConfig = { subnetIds: ["subnet-1"] };

  it("keeps a write-only input and the desired state as the program set them", () => {
    const kept = outputsFrom(
      builder,
      { name: "b", currentState: "RUNNING", instanceType: "stream.standard.medium" },
      { name: "b", imageName: "base", state: "STOPPED", instanceType: "stream.standard.small", vpcConfig },
    );
    // Any other input is recorded as read back: a changed instance type shows as drift.
    expect(kept).toMatchObject({
      imageName: "base",
      state: "STOPPED",
      currentState: "RUNNING",
      instanceType: "stream.standard.medium",
    });
    expect(kept.__inputKeys).toEqual(["imageName", "instanceType", "name", "state", "vpcConfig"]);
    expect(kept.__programValues).toEqual({ vpcConfig });
  });

  it("takes the desired state from the live one when the program does not set it, if it is one", () => {
    expect(outputsFrom(builder, { name: "b", currentState: "RUNNING" }, { name: "b" }).state).toBe("RUNNING");
    expect(outputsFrom(builder, { name: "b", currentState: "PENDING" }, { name: "b" })).not.toHaveProperty("state");
  });

  it("counts as set only the inputs the program gave a value, without the engine's own", () => {
    const kept = outputsFrom(builder, { name: "b" }, { name: "b", imageName: undefined, __urn: "urn:x" });
    expect(kept.__inputKeys).toEqual(["name"]);
    expect(kept).not.toHaveProperty("imageName");
    expect(kept).not.toHaveProperty("__programValues");
  });

  it("keeps a secret object input as written, never among the program's object values", () => {
    const directory = loadSchema("appstream:DirectoryConfig");
    const credentials = { accountName: "CORP\\join", accountPassword: "s3cret" };
    const kept = outputsFrom(
      directory,
      { directoryName: "corp.example.com" },
      { directoryName: "corp.example.com", serviceAccountCredentials: credentials },
    );
    expect(kept.serviceAccountCredentials).toEqual(credentials);
    expect(kept).not.toHaveProperty("__programValues");
  });
});
