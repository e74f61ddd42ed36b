// appstream:UserStackAssociation through the real CLI: BatchAssociateUserStack after the user and the
// stack exist, a refused item (a 200 answer with errors) failing the up with the service's code and
// message, replacement (the model has no update), drift when the association is removed in the
// console, and destroy before the user and the stack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { diffs, driftCheck, mutations } from "../helpers/appstream-e2e";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let main: ProgramStack;
const associations = async () =>
  (await emulator.control.resources("appstream:UserStackAssociation")).map((r) => r.attributes);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  main = await programStack("test/e2e/programs/appstream-users", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
    associate: "true",
    notify: "true",
  });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

describe("appstream:UserStackAssociation through the real CLI", () => {
  it("fails the up with the service's per-item error when the stack does not exist, and records nothing", async () => {
    await main.stack.setConfig("associationStack", { value: "no-such-stack" });
    await expect(main.stack.up()).rejects.toThrow(
      "BatchAssociateUserStack failed: STACK_NOT_FOUND: Stack no-such-stack not found.",
    );
    const { deployment } = await main.stack.exportStack();
    expect((deployment as { resources: { type: string }[] }).resources.map((r) => r.type)).not.toContain(
      "pulumi-nodejs:dynamic/appstream:UserStackAssociation",
    );
    expect(await associations()).toEqual([]);
    await main.stack.removeConfig("associationStack");
  }, 180_000);

  it("associates the user with the stack in one call, after both exist", async () => {
    await emulator.control.resetCalls();
    const up = await main.stack.up();
    const stackName = up.outputs.stackName.value as string;
    expect(await mutations(emulator, ["BatchAssociateUserStack"])).toEqual(["BatchAssociateUserStack"]);
    const [sent] = await emulator.control.inputs("BatchAssociateUserStack");
    expect(sent).toEqual({
      UserStackAssociations: [
        {
          StackName: stackName,
          UserName: await emulator.control.redacted("jane@example.com"),
          AuthenticationType: "USERPOOL",
          SendEmailNotification: true,
        },
      ],
    });
    expect(await associations()).toEqual([
      { StackName: stackName, UserName: "jane@example.com", AuthenticationType: "USERPOOL" },
    ]);
  }, 180_000);

  it("previews no change when nothing changed", async () => {
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 120_000);

  it("replaces the association for a new sendEmailNotification (no update call): disassociated, then associated again", async () => {
    await emulator.control.resetCalls();
    await main.stack.setConfig("notify", { value: "false" });
    const events: EngineEvent[] = [];
    await main.stack.up({ onEvent: (e) => events.push(e) });
    expect(Object.keys(diffs(events))).toEqual([
      "delete-replaced UserStackAssociation",
      "replace UserStackAssociation",
      "create-replacement UserStackAssociation",
    ]);
    expect(await mutations(emulator)).toEqual(["BatchDisassociateUserStack", "BatchAssociateUserStack"]);
    expect((await emulator.control.inputs("BatchAssociateUserStack"))[0].UserStackAssociations).toEqual([
      expect.objectContaining({ SendEmailNotification: false }),
    ]);
    expect(await associations()).toHaveLength(1);
  }, 180_000);

  it("shows an association removed in the console as deleted, and up --refresh makes it again", async () => {
    const [record] = await emulator.control.resources("appstream:UserStackAssociation");
    await emulator.control.deleteResource("appstream:UserStackAssociation", record.id);
    const { code, report } = await driftCheck(main);
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({ type: "appstream:UserStackAssociation", status: "deleted" }),
    ]);
    await emulator.control.resetCalls();
    await main.stack.up({ refresh: true });
    expect(await mutations(emulator)).toEqual(["BatchAssociateUserStack"]);
    expect((await driftCheck(main)).code).toBe(0);
  }, 240_000);

  it("destroys the association before the user and the stack, leaving nothing behind", async () => {
    await emulator.control.resetCalls();
    await main.stack.destroy();
    const order = await mutations(emulator);
    expect(order.indexOf("BatchDisassociateUserStack")).toBe(0);
    expect(order.slice(1).sort()).toEqual(["DeleteStack", "DeleteUser"]);
    expect(await associations()).toEqual([]);
    expect(await emulator.control.resources("appstream:User")).toEqual([]);
  }, 180_000);
});
