// appstream:Application through the real CLI: create with its app block, an unchanged preview,
// UpdateApplication with AttributesToDelete worked out from the diff, drift, a replacement for new
// platforms, destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";

let s: AppsStack;
let name: string;
const application = async () => (await s.emulator.control.resource("appstream:Application", name))?.attributes;

beforeAll(async () => {
  s = await appsStack({ applications: ["notepad"], notepadLaunchParameters: "-multiInst" });
}, 120_000);
afterAll(() => s?.close());

describe("appstream:Application through the real CLI", () => {
  it("creates the application in its app block", async () => {
    const up = await s.program.stack.up();
    name = (up.outputs.applicationNames.value as string[])[0];
    expect(await s.mutations()).toEqual(["CreateAppBlock", "CreateApplication"]);
    const block = await s.emulator.control.resource("appstream:AppBlock", up.outputs.appBlockName.value as string);
    expect(await application()).toMatchObject({
      AppBlockArn: block?.attributes.Arn,
      LaunchParameters: "-multiInst",
      Platforms: ["WINDOWS_SERVER_2019"],
      Enabled: true,
    });
  }, 180_000);

  it("previews no change", async () => {
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 120_000);

  it("renames it and drops its launch parameters in one UpdateApplication with AttributesToDelete", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ notepadDisplayName: "Notepad++", notepadLaunchParameters: undefined });
    const diffs = await s.previewDiffs();
    expect(Object.keys(diffs)).toEqual(["update Application"]);
    expect([...diffs["update Application"]].sort()).toEqual(["displayName", "launchParameters"]);
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["UpdateApplication"]);
    expect(await s.emulator.control.inputs("UpdateApplication")).toEqual([
      { Name: name, DisplayName: "Notepad++", AttributesToDelete: ["LAUNCH_PARAMETERS"] },
    ]);
    const live = await application();
    expect(live?.DisplayName).toBe("Notepad++");
    expect(live).not.toHaveProperty("LaunchParameters");
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 180_000);

  it("shows an out-of-band change in the drift command", async () => {
    await s.emulator.control.mutate("appstream:Application", name, { LaunchPath: "C:\\other\\notepad.exe" });
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:Application",
        properties: [expect.objectContaining({ property: "launchPath", live: "C:\\other\\notepad.exe" })],
      }),
    ]);
    // `up --refresh` puts it back with one update.
    await s.emulator.control.resetCalls();
    await s.program.stack.up({ refresh: true });
    expect(await s.mutations()).toEqual(["UpdateApplication"]);
    expect((await application())?.LaunchPath).toBe("C:\\apps\\notepad.exe");
  }, 180_000);

  it("replaces it for other platforms, which UpdateApplication does not take: deleted first (its name is unique), then created anew", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ notepadPlatforms: ["WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022"] });
    expect(Object.keys(await s.previewDiffs())).toContain("replace Application");
    const up = await s.program.stack.up();
    const old = name;
    name = (up.outputs.applicationNames.value as string[])[0];
    expect(await s.mutations()).toEqual(["DeleteApplication", "CreateApplication"]);
    expect(await s.emulator.control.resource("appstream:Application", old)).toBeUndefined();
    expect((await application())?.Platforms).toEqual(["WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022"]);
  }, 180_000);

  it("destroys the application before its app block and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    expect(await s.mutations()).toEqual(["DeleteApplication", "DeleteAppBlock"]);
    expect(await s.emulator.control.resources("appstream:Application")).toEqual([]);
    expect(await s.emulator.control.resources("appstream:AppBlock")).toEqual([]);
  }, 180_000);
});
