// appstream:AppBlockBuilder through the real CLI: created STOPPED by the service, its app block
// associated, then started; an unchanged preview; a display name in place while RUNNING; an instance
// type that needs it STOPPED; drift of its display name and of an app block associated in the
// console; app blocks swapped while RUNNING (stopped, swapped, started again); destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssociateAppBlockBuilderAppBlockCommand } from "@aws-sdk/client-appstream";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import { diffs, driftCheck, mutations } from "../helpers/appstream-e2e";
import { configValues, programStack, type ProgramStack } from "../helpers/pulumi-stack";
import type { EngineEvent } from "@pulumi/pulumi/automation";

const builderOps = [
  "CreateAppBlockBuilder",
  "UpdateAppBlockBuilder",
  "StartAppBlockBuilder",
  "StopAppBlockBuilder",
  "DeleteAppBlockBuilder",
  "AssociateAppBlockBuilderAppBlock",
  "DisassociateAppBlockBuilderAppBlock",
];
let emulator: RunningEmulator;
let main: ProgramStack;
let name: string;
let toolsArn: string;
let viewersArn: string;

const builder = async () => (await emulator.control.resource("appstream:AppBlockBuilder", name))?.attributes;
const associated = async () =>
  (await emulator.control.resources("appstream:AppBlockBuilderAppBlockAssociation")).map(
    (a) => a.attributes.AppBlockArn,
  );
const set = (values: Record<string, unknown>) => main.stack.setAllConfig(configValues(values));
const previewDiffs = async () => {
  const events: EngineEvent[] = [];
  await main.stack.preview({ onEvent: (e) => events.push(e) });
  return diffs(events);
};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  main = await programStack("test/e2e/programs/appstream-app-block-builder", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
}, 120_000);
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

describe("appstream:AppBlockBuilder through the real CLI", () => {
  it("creates the builder, associates its app block while it is STOPPED, then starts it", async () => {
    const up = await main.stack.up();
    name = up.outputs.builderName.value as string;
    toolsArn = up.outputs.toolsArn.value as string;
    viewersArn = up.outputs.viewersArn.value as string;
    expect(await mutations(emulator, builderOps)).toEqual([
      "CreateAppBlockBuilder",
      "AssociateAppBlockBuilderAppBlock",
      "StartAppBlockBuilder",
    ]);
    const [created] = await emulator.control.inputs("CreateAppBlockBuilder");
    expect(created).not.toHaveProperty("AppBlockArns");
    expect(created).toMatchObject({
      Platform: "WINDOWS_SERVER_2019",
      InstanceType: "stream.standard.medium",
      Tags: { team: "packaging" },
    });
    expect(await builder()).toMatchObject({ State: "RUNNING", DisplayName: "Packager" });
    expect(await associated()).toEqual([toolsArn]);
    expect(up.outputs.builderState.value).toBe("RUNNING");
  }, 240_000);

  it("previews no change", async () => {
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 120_000);

  it("changes the display name in place while RUNNING: one UpdateAppBlockBuilder, no stop", async () => {
    await emulator.control.resetCalls();
    await set({ displayName: "Packager v2" });
    expect(await previewDiffs()).toEqual({ "update AppBlockBuilder": ["displayName"] });
    await main.stack.up();
    expect(await mutations(emulator)).toEqual(["UpdateAppBlockBuilder"]);
    expect(await emulator.control.inputs("UpdateAppBlockBuilder")).toEqual([
      { Name: name, DisplayName: "Packager v2" },
    ]);
    expect(await builder()).toMatchObject({ State: "RUNNING", DisplayName: "Packager v2" });
  }, 180_000);

  it("stops it and changes its instance type: StopAppBlockBuilder, then UpdateAppBlockBuilder", async () => {
    await emulator.control.resetCalls();
    await set({ state: "STOPPED", instanceType: "stream.standard.large" });
    expect((await previewDiffs())["update AppBlockBuilder"]?.sort()).toEqual(["instanceType", "state"]);
    await main.stack.up();
    expect(await mutations(emulator)).toEqual(["StopAppBlockBuilder", "UpdateAppBlockBuilder"]);
    expect(await emulator.control.inputs("UpdateAppBlockBuilder")).toEqual([
      { Name: name, InstanceType: "stream.standard.large" },
    ]);
    expect(await builder()).toMatchObject({ State: "STOPPED", InstanceType: "stream.standard.large" });
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 180_000);

  it("shows a display name changed and an app block associated out of band in the drift command", async () => {
    await emulator.control.mutate("appstream:AppBlockBuilder", name, { DisplayName: "Renamed in the console" });
    const client = createAwsClients({ endpoint: emulator.url }).appstream;
    await client.send(
      new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: name, AppBlockArn: viewersArn }),
    );
    const { code, report } = await driftCheck(main);
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:AppBlockBuilder",
        status: "changed",
        properties: expect.arrayContaining([
          expect.objectContaining({ property: "displayName", expected: "Packager v2", live: "Renamed in the console" }),
          expect.objectContaining({ property: "appBlockArns" }),
        ]),
      }),
    ]);
  }, 180_000);

  it("puts it back with a refreshing up: the extra app block disassociated, the display name updated", async () => {
    await emulator.control.resetCalls();
    await main.stack.up({ refresh: true });
    expect(await mutations(emulator)).toEqual(["DisassociateAppBlockBuilderAppBlock", "UpdateAppBlockBuilder"]);
    expect(await emulator.control.inputs("DisassociateAppBlockBuilderAppBlock")).toEqual([
      { AppBlockBuilderName: name, AppBlockArn: viewersArn },
    ]);
    expect(await associated()).toEqual([toolsArn]);
    expect(await builder()).toMatchObject({ State: "STOPPED", DisplayName: "Packager v2" });
  }, 180_000);

  it("swaps its app block while RUNNING: stopped, disassociated, associated, started again", async () => {
    await set({ state: "RUNNING" });
    await main.stack.up();
    await emulator.control.resetCalls();
    await set({ appBlocks: ["viewers"] });
    expect(await previewDiffs()).toEqual({ "update AppBlockBuilder": ["appBlockArns"] });
    await main.stack.up();
    expect(await mutations(emulator)).toEqual([
      "StopAppBlockBuilder",
      "DisassociateAppBlockBuilderAppBlock",
      "AssociateAppBlockBuilderAppBlock",
      "StartAppBlockBuilder",
    ]);
    expect(await associated()).toEqual([viewersArn]);
    expect(await builder()).toMatchObject({ State: "RUNNING" });
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 240_000);

  it("destroys it (stopped and its app block disassociated first) and leaves nothing behind", async () => {
    await emulator.control.resetCalls();
    await main.stack.destroy();
    expect(await mutations(emulator, builderOps)).toEqual([
      "StopAppBlockBuilder",
      "DisassociateAppBlockBuilderAppBlock",
      "DeleteAppBlockBuilder",
    ]);
    expect(await emulator.control.resources("appstream:AppBlockBuilder")).toEqual([]);
    expect(await emulator.control.resources("appstream:AppBlockBuilderAppBlockAssociation")).toEqual([]);
    expect(await emulator.control.resources("appstream:AppBlock")).toEqual([]);
    expect(await emulator.control.resources("appstream:Tags")).toEqual([]);
  }, 180_000);
});
