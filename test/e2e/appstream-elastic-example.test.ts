// examples/appstream-elastic as a user runs it: up, an unchanged preview, destroy leaving nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;
const kinds = [
  "appstream:AppBlock",
  "appstream:Application",
  "appstream:Fleet",
  "appstream:Stack",
  "appstream:Entitlement",
  "appstream:ApplicationFleetAssociation",
  "appstream:EntitledApplication",
  "appstream:Association",
  "appstream:User",
  "appstream:UserStackAssociation",
];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  program = await programStack("examples/appstream-elastic", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
}, 120_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("examples/appstream-elastic", () => {
  it("comes up: a RUNNING elastic fleet streaming the app block's application through the stack, entitled to designers and to a user pool user", async () => {
    const up = await program.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 11 });
    expect(up.outputs.appBlockState.value).toBe("ACTIVE");
    expect(up.outputs.applications.value).toEqual(["Sketch pad"]);
    expect((up.outputs.entitledApplications.value as string[]).length).toBe(1);
    const fleet = await emulator.control.resource("appstream:Fleet", up.outputs.fleetName.value as string);
    expect(fleet?.attributes).toMatchObject({ FleetType: "ELASTIC", State: "RUNNING", MaxConcurrentSessions: 20 });
    for (const kind of kinds) expect(await emulator.control.resources(kind), kind).toHaveLength(1);
  }, 300_000);

  it("previews unchanged", async () => {
    expect((await program.stack.preview()).changeSummary).toEqual({ same: 11 });
  }, 180_000);

  it("is destroyed and leaves nothing behind", async () => {
    await program.stack.destroy();
    for (const kind of kinds) expect(await emulator.control.resources(kind), kind).toEqual([]);
  }, 300_000);
});
