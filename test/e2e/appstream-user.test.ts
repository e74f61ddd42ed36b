// appstream:User through the real CLI: create, `enabled` reached with DisableUser / EnableUser (the
// only change the service takes), replacement for the rest (deleted first: the email address is the
// user's identity), drift after someone enables the user in the console, and destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { EnableUserCommand } from "@aws-sdk/client-appstream";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import { diffs, driftCheck, mutations } from "../helpers/appstream-e2e";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

const userOps = ["CreateUser", "EnableUser", "DisableUser", "DeleteUser"];
let emulator: RunningEmulator;
let main: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  main = await programStack("test/e2e/programs/appstream-users", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

const jane = async () => (await emulator.control.resource("appstream:User", "jane@example.com"))?.attributes;

describe("appstream:User through the real CLI", () => {
  it("creates the user with one CreateUser, enabled, and the describeUsers function lists it", async () => {
    const up = await main.stack.up();
    expect(await mutations(emulator, userOps)).toEqual(["CreateUser"]);
    const [sent] = await emulator.control.inputs("CreateUser");
    expect(sent).toEqual({
      UserName: await emulator.control.redacted("jane@example.com"),
      AuthenticationType: "USERPOOL",
      FirstName: await emulator.control.redacted("Jane"),
      LastName: await emulator.control.redacted("Doe"),
      MessageAction: "SUPPRESS",
    });
    expect(await jane()).toMatchObject({ Enabled: true, FirstName: "Jane", Status: "FORCE_CHANGE_PASSWORD" });
    expect(up.outputs.userStatus.value).toBe("FORCE_CHANGE_PASSWORD");
    expect(up.outputs.users.value).toEqual([
      expect.objectContaining({ userName: "jane@example.com", enabled: true, authenticationType: "USERPOOL" }),
    ]);
  }, 180_000);

  it("previews no change when nothing changed", async () => {
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 120_000);

  it("disables the user in place with exactly one DisableUser", async () => {
    await emulator.control.resetCalls();
    await main.stack.setConfig("enabled", { value: "false" });
    const events: EngineEvent[] = [];
    await main.stack.up({ onEvent: (e) => events.push(e) });
    expect(diffs(events)).toEqual({ "update User": ["enabled"] });
    expect(await mutations(emulator)).toEqual(["DisableUser"]);
    expect(await emulator.control.inputs("DisableUser")).toEqual([
      { UserName: await emulator.control.redacted("jane@example.com"), AuthenticationType: "USERPOOL" },
    ]);
    expect((await jane())?.Enabled).toBe(false);
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 180_000);

  it("shows a user enabled in the console as drift of enabled, and up --refresh disables it again", async () => {
    await createAwsClients({ endpoint: emulator.url }).appstream.send(
      new EnableUserCommand({ UserName: "jane@example.com", AuthenticationType: "USERPOOL" }),
    );
    const { code, report } = await driftCheck(main);
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:User",
        status: "changed",
        properties: [{ property: "enabled", expected: false, live: true }],
      }),
    ]);
    await emulator.control.resetCalls();
    await main.stack.up({ refresh: true });
    expect(await mutations(emulator)).toEqual(["DisableUser"]);
    expect((await driftCheck(main)).code).toBe(0);
  }, 240_000);

  it("replaces the user for a new first name (the model has no update): deleted first, created again, disabled as asked", async () => {
    await emulator.control.resetCalls();
    await main.stack.setConfig("firstName", { value: "Janet" });
    const events: EngineEvent[] = [];
    await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(Object.keys(diffs(events))).toEqual(["delete-replaced User", "replace User", "create-replacement User"]);
    await main.stack.up();
    expect(await mutations(emulator)).toEqual(["DeleteUser", "CreateUser", "DisableUser"]);
    expect(await jane()).toMatchObject({ FirstName: "Janet", Enabled: false });
  }, 180_000);

  it("destroys the user, leaving nothing behind", async () => {
    await emulator.control.resetCalls();
    await main.stack.destroy();
    expect(await mutations(emulator, userOps)).toEqual(["DeleteUser"]);
    expect(await emulator.control.resources("appstream:User")).toEqual([]);
    expect(await emulator.control.resources("appstream:Stack")).toEqual([]);
  }, 180_000);
});
