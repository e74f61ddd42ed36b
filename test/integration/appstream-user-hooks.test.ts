// What the appstream:User and appstream:UserStackAssociation hooks do that a user notices, through the
// provider's entry points against the local endpoint: `enabled` reached with DisableUser / EnableUser
// (the user's only change the service takes), and a batch association the service answers 200 but
// refuses item by item failing the up or the destroy with the service's code and message.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { checked, create, destroy, destroyError, providerEndpoint, update } from "../helpers/provider-calls";

const endpoint = providerEndpoint([appstreamService], "world");

/** The user management calls the endpoint received, in order. */
async function userCalls(): Promise<string[]> {
  const { log } = await endpoint().control.calls();
  return log.map((e) => e.operation).filter((op) => /^(Create|Enable|Disable|Delete)User$/.test(op));
}

const live = async (userName: string) => (await endpoint().control.resource("appstream:User", userName))?.attributes;

async function theUserPayload(userName: string) {
  return { UserName: await endpoint().control.redacted(userName), AuthenticationType: "USERPOOL" };
}

describe("appstream:User enabled", () => {
  it("creates a user asked to be disabled, then disables it with one DisableUser, and records it disabled", async () => {
    const inputs = await checked("appstream:User", {
      userName: "ann@example.com",
      authenticationType: "USERPOOL",
      enabled: false,
    });
    const user = await create(inputs);
    expect(await userCalls()).toEqual(["CreateUser", "DisableUser"]);
    expect(await endpoint().control.inputs("DisableUser")).toEqual([await theUserPayload("ann@example.com")]);
    expect((await live("ann@example.com"))?.Enabled).toBe(false);
    expect(user.outs.enabled).toBe(false);
  });

  it.each([
    ["left out", {}],
    ["true", { enabled: true }],
  ])("creates a user with enabled %s with CreateUser alone, enabled", async (_, enabled) => {
    const user = await create(
      await checked("appstream:User", { userName: "bob@example.com", authenticationType: "USERPOOL", ...enabled }),
    );
    expect(await userCalls()).toEqual(["CreateUser"]);
    expect((await live("bob@example.com"))?.Enabled).toBe(true);
    expect(user.outs.enabled).toBe(true);
  });

  it("disables, then enables again (enabled left out), each with one call naming the user", async () => {
    const inputs = await checked("appstream:User", { userName: "cy@example.com", authenticationType: "USERPOOL" });
    const user = await create(inputs);
    await endpoint().control.resetCalls();

    const disabled = await update(user.id, user.outs, { ...inputs, enabled: false });
    expect(await userCalls()).toEqual(["DisableUser"]);
    expect(await endpoint().control.inputs("DisableUser")).toEqual([await theUserPayload("cy@example.com")]);
    expect((await live("cy@example.com"))?.Enabled).toBe(false);
    expect(disabled.outs.enabled).toBe(false);

    await endpoint().control.resetCalls();
    const enabled = await update(user.id, disabled.outs, inputs);
    expect(await userCalls()).toEqual(["EnableUser"]);
    expect(await endpoint().control.inputs("EnableUser")).toEqual([await theUserPayload("cy@example.com")]);
    expect((await live("cy@example.com"))?.Enabled).toBe(true);
    expect(enabled.outs.enabled).toBe(true);
  });

  it("changes nothing at the service when only messageAction changed (it acts on create only)", async () => {
    const inputs = await checked("appstream:User", {
      userName: "di@example.com",
      authenticationType: "USERPOOL",
      enabled: false,
    });
    const user = await create(inputs);
    await endpoint().control.resetCalls();
    const updated = await update(user.id, user.outs, { ...inputs, messageAction: "SUPPRESS" });
    expect(await userCalls()).toEqual([]);
    expect((await endpoint().control.calls()).log.filter((e) => e.mutating)).toEqual([]);
    expect(updated.outs.enabled).toBe(false);
    expect((await live("di@example.com"))?.Enabled).toBe(false);
  });
});

describe("appstream:UserStackAssociation", () => {
  async function userAndStack(userName: string, stackName: string): Promise<void> {
    await create(await checked("appstream:User", { userName, authenticationType: "USERPOOL" }));
    await create(await checked("appstream:Stack", { name: stackName }));
  }
  const associations = async () =>
    (await endpoint().control.resources("appstream:UserStackAssociation")).map((r) => r.attributes);

  it("associates the user with the stack and takes the association away on destroy", async () => {
    await userAndStack("eve@example.com", "desk");
    const association = await create(
      await checked("appstream:UserStackAssociation", {
        stackName: "desk",
        userName: "eve@example.com",
        authenticationType: "USERPOOL",
      }),
    );
    expect(await associations()).toEqual([
      { StackName: "desk", UserName: "eve@example.com", AuthenticationType: "USERPOOL" },
    ]);
    await endpoint().control.resetCalls();
    await destroy(association.id, association.outs);
    expect(await associations()).toEqual([]);
    const { log } = await endpoint().control.calls();
    expect(log.filter((e) => e.operation === "BatchDisassociateUserStack").map((e) => e.outcome)).toEqual(["ok"]);
  });

  it("fails the up with the service's code and message when it refuses the association (a 200 answer)", async () => {
    await userAndStack("fay@example.com", "desk");
    const inputs = await checked("appstream:UserStackAssociation", {
      stackName: "no-such-stack",
      userName: "fay@example.com",
      authenticationType: "USERPOOL",
    });
    await expect(create(inputs)).rejects.toThrow(
      "BatchAssociateUserStack failed: STACK_NOT_FOUND: Stack no-such-stack not found.",
    );
    expect(await associations()).toEqual([]);
  });

  it("fails the destroy with the service's code and message when it refuses the disassociation", async () => {
    await userAndStack("gus@example.com", "desk");
    const association = await create(
      await checked("appstream:UserStackAssociation", {
        stackName: "desk",
        userName: "gus@example.com",
        authenticationType: "USERPOOL",
      }),
    );
    // The stack is gone behind the program's back: the service refuses the item, answering 200.
    await endpoint().control.deleteResource("appstream:Stack", "desk");
    const error = await destroyError(association.id, association.outs);
    expect(error?.message).toContain("BatchDisassociateUserStack failed: STACK_NOT_FOUND: Stack desk not found.");
  });
});
