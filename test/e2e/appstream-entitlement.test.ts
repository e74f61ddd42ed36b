// appstream:Entitlement through the real CLI: create on its stack, an unchanged preview,
// UpdateEntitlement with only what changed, drift, a replacement for a new name, destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";

let s: AppsStack;
let stackName: string;
const entitlement = async (name: string) =>
  (await s.emulator.control.resource("appstream:Entitlement", `${stackName}/${name}`))?.attributes;

beforeAll(async () => {
  s = await appsStack({
    withEntitlement: "true",
    entitlementName: "designers",
    entitlementDescription: "Design department",
  });
}, 120_000);
afterAll(() => s?.close());

describe("appstream:Entitlement through the real CLI", () => {
  it("creates the entitlement on its stack", async () => {
    const up = await s.program.stack.up();
    stackName = up.outputs.stackName.value as string;
    expect([...(await s.mutations())].sort()).toEqual(["CreateAppBlock", "CreateEntitlement", "CreateStack"]);
    expect((await s.mutations()).filter((op) => op.includes("Entitlement"))).toEqual(["CreateEntitlement"]);
    expect(await entitlement("designers")).toMatchObject({
      AppVisibility: "ASSOCIATED",
      Attributes: [{ Name: "department", Value: "design" }],
      Description: "Design department",
    });
  }, 180_000);

  it("previews no change", async () => {
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 120_000);

  it("updates visibility and attributes in place with one UpdateEntitlement of what changed", async () => {
    await s.emulator.control.resetCalls();
    await s.set({
      appVisibility: "ALL",
      entitlementAttributes: [
        { name: "groups", value: "designers" },
        { name: "department", value: "design" },
      ],
    });
    const diffs = await s.previewDiffs();
    expect(Object.keys(diffs)).toEqual(["update Entitlement"]);
    expect([...diffs["update Entitlement"]].sort()).toEqual(["appVisibility", "attributes"]);
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["UpdateEntitlement"]);
    expect(await s.emulator.control.inputs("UpdateEntitlement")).toEqual([
      {
        Name: "designers",
        StackName: stackName,
        AppVisibility: "ALL",
        Attributes: [
          { Name: "groups", Value: "designers" },
          { Name: "department", Value: "design" },
        ],
      },
    ]);
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 180_000);

  it("clears a dropped description (UpdateEntitlement has no AttributesToDelete)", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ entitlementDescription: undefined });
    await s.program.stack.up();
    expect(await s.emulator.control.inputs("UpdateEntitlement")).toEqual([
      { Name: "designers", StackName: stackName, Description: "" },
    ]);
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 180_000);

  it("shows an out-of-band change in the drift command", async () => {
    await s.emulator.control.mutate("appstream:Entitlement", `${stackName}/designers`, { AppVisibility: "ASSOCIATED" });
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:Entitlement",
        properties: [expect.objectContaining({ property: "appVisibility", expected: "ALL", live: "ASSOCIATED" })],
      }),
    ]);
    await s.emulator.control.mutate("appstream:Entitlement", `${stackName}/designers`, { AppVisibility: "ALL" });
  }, 180_000);

  it("replaces it for a new name: the new one created, then the old one deleted", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ entitlementName: "artists" });
    expect(Object.keys(await s.previewDiffs())).toContain("replace Entitlement");
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["CreateEntitlement", "DeleteEntitlement"]);
    expect(await entitlement("designers")).toBeUndefined();
    expect(await entitlement("artists")).toMatchObject({ AppVisibility: "ALL" });
  }, 180_000);

  it("destroys it and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    expect((await s.mutations()).filter((op) => op.includes("Entitlement"))).toEqual(["DeleteEntitlement"]);
    expect(await s.emulator.control.resources("appstream:Entitlement")).toEqual([]);
    expect(await s.emulator.control.resources("appstream:Stack")).toEqual([]);
  }, 180_000);
});
