// appstream:AppBlock through the real CLI: create, an unchanged preview, tags in place, drift of a
// property the service has no update for, a replacement (deleted first: its name is unique), destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";

let s: AppsStack;
let name: string;
const block = async () => (await s.emulator.control.resource("appstream:AppBlock", name))?.attributes;

beforeAll(async () => {
  s = await appsStack({});
}, 120_000);
afterAll(() => s?.close());

describe("appstream:AppBlock through the real CLI", () => {
  it("creates a CUSTOM app block with its setup script and tags, in one call", async () => {
    const up = await s.program.stack.up();
    name = up.outputs.appBlockName.value as string;
    expect(await s.mutations()).toEqual(["CreateAppBlock"]);
    expect(await block()).toMatchObject({
      PackagingType: "CUSTOM",
      State: "ACTIVE",
      SourceS3Location: { S3Bucket: "euc-apps", S3Key: "blocks/tools.vhdx" },
    });
    expect((await s.emulator.control.inputs("CreateAppBlock"))[0]).toMatchObject({
      SetupScriptDetails: { ExecutablePath: expect.stringContaining("powershell.exe"), TimeoutInSeconds: 300 },
      Tags: { team: "design" },
    });
  }, 180_000);

  it("previews no change", async () => {
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 120_000);

  it("changes tags in place: one untag and one tag call, nothing else", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ blockTags: { owner: "studio" } });
    expect(await s.previewDiffs()).toEqual({ "update AppBlock": ["tags"] });
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["UntagResource", "TagResource"]);
    expect(await s.emulator.control.inputs("TagResource")).toEqual([
      { ResourceArn: expect.stringContaining(`app-block/${name}`), Tags: { owner: "studio" } },
    ]);
  }, 180_000);

  it("shows an out-of-band change in the drift command", async () => {
    await s.emulator.control.mutate("appstream:AppBlock", name, { DisplayName: "Renamed in the console" });
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:AppBlock",
        status: "changed",
        properties: [
          expect.objectContaining({
            property: "displayName",
            expected: "Design tools",
            live: "Renamed in the console",
          }),
        ],
      }),
    ]);
  }, 180_000);

  it("replaces it for a new source location: the old one deleted first (its name is unique), then a new one created", async () => {
    await s.emulator.control.mutate("appstream:AppBlock", name, { DisplayName: "Design tools" });
    await s.emulator.control.resetCalls();
    await s.set({ blockKey: "blocks/tools-v2.vhdx" });
    expect(Object.keys(await s.previewDiffs()).sort()).toEqual([
      "create-replacement AppBlock",
      "delete-replaced AppBlock",
      "replace AppBlock",
    ]);
    const up = await s.program.stack.up();
    const old = name;
    name = up.outputs.appBlockName.value as string;
    expect(await s.mutations()).toEqual(["DeleteAppBlock", "CreateAppBlock"]);
    expect(await s.emulator.control.resource("appstream:AppBlock", old)).toBeUndefined();
    expect((await block())?.SourceS3Location).toEqual({ S3Bucket: "euc-apps", S3Key: "blocks/tools-v2.vhdx" });
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 180_000);

  it("destroys it and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    expect(await s.mutations()).toEqual(["DeleteAppBlock"]);
    expect(await s.emulator.control.resources("appstream:AppBlock")).toEqual([]);
    expect(await s.emulator.control.resources("appstream:Tags")).toEqual([]);
  }, 180_000);
});
