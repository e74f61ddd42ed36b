// The requests a hook builds through its context (HookContext.request and callRequest), as the
// engine builds its own: which input properties a call's `inputs` selects (all, the updatable ones,
// the changed ones, a list), the tags only where the create takes them, never the desired state,
// templated params over the inputs, nothing undefined, and a client token only where the call takes one.
import { describe, expect, it } from "vitest";
import { contextFor } from "../../provider/engine/resource-context";
import { loadSchema } from "../../provider/engine/schema-loader";
import { clientToken } from "../../provider/engine/wire";

const urn = "urn:pulumi:test::requests::pulumi-nodejs:dynamic/thinclient:Environment::lobby";
const environment = contextFor("thinclient:Environment", { __urn: urn });
const inputs = {
  __urn: urn,
  name: "lobby",
  desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
  kmsKeyArn: "arn:aws:kms:us-west-2:123456789012:key/k",
  tags: { team: "euc" },
  timeouts: { create: 5 },
};

describe("a hook's request", () => {
  it("takes every service input for `all`, and the updatable ones for `updatable`", () => {
    expect(environment.request({ operation: "CreateEnvironment", inputs: "all" }, {}, inputs)).toEqual({
      name: "lobby",
      desktopArn: inputs.desktopArn,
      kmsKeyArn: inputs.kmsKeyArn,
      tags: { team: "euc" },
    });
    // A new KMS key replaces the environment: it is not among the updatable inputs.
    expect(environment.request({ operation: "UpdateEnvironment", inputs: "updatable" }, {}, inputs)).toEqual({
      name: "lobby",
      desktopArn: inputs.desktopArn,
      tags: { team: "euc" },
    });
  });

  it("takes the named properties for `changed`, a given list, or none", () => {
    const spec = { operation: "UpdateEnvironment", inputs: "changed" as const, params: { id: "{environmentId}" } };
    expect(environment.request(spec, { environmentId: "env-1" }, inputs, ["name"])).toEqual({
      id: "env-1",
      name: "lobby",
    });
    expect(environment.request(spec, { environmentId: "env-1" }, inputs)).toEqual({ id: "env-1" });
    expect(environment.request({ operation: "UpdateEnvironment", inputs: ["desktopArn"] }, {}, inputs)).toEqual({
      desktopArn: inputs.desktopArn,
    });
    expect(environment.request({ operation: "GetEnvironment" }, {}, inputs)).toEqual({});
  });

  it("leaves out tags the create does not take, the desired state, and what is undefined", () => {
    const device = contextFor("thinclient:Device", {});
    expect(
      device.request(
        { operation: "UpdateDevice", inputs: "all" },
        {},
        { name: "kiosk", tags: { a: "b" }, softwareSetUpdateSchedule: undefined },
      ),
    ).toEqual({ name: "kiosk" });
    const fleet = contextFor("appstream:Fleet", {});
    expect(
      fleet.request(
        { operation: "CreateFleet", inputs: "all" },
        {},
        { name: "f", instanceType: "stream.standard.medium", state: "RUNNING" },
      ),
    ).toEqual({ Name: "f", InstanceType: "stream.standard.medium" });
    expect(environment.request({ operation: "GetEnvironment", params: { id: "{environmentId}" } }, {}, {})).toEqual({});
  });

  it("resolves templated params from the scope over the inputs", () => {
    expect(
      environment.request(
        { operation: "UpdateEnvironment", inputs: ["name"], params: { id: "{environmentId}" } },
        { environmentId: "env-2" },
        { ...inputs, environmentId: "env-old" },
      ),
    ).toEqual({ id: "env-2", name: "lobby" });
  });

  it("adds a client token derived from the call and what was observed, only where the call takes one", () => {
    const spec = { operation: "DeleteEnvironment", params: { id: "{environmentId}" }, clientToken: "clientToken" };
    const scope = { ...inputs, environmentId: "env-3" };
    const request = environment.callRequest(spec, scope, "before");
    expect(request).toEqual({
      id: "env-3",
      clientToken: clientToken(loadSchema("thinclient:Environment"), "DeleteEnvironment:before", scope),
    });
    expect(environment.callRequest(spec, scope, "after").clientToken).not.toBe(request.clientToken);
    expect(
      environment.callRequest({ operation: "DeleteEnvironment", params: { id: "{environmentId}" } }, scope, "before"),
    ).toEqual({
      id: "env-3",
    });
  });
});
