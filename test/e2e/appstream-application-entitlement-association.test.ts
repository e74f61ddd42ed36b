// appstream:ApplicationEntitlementAssociation through the real CLI: an application entitled on its
// stack's entitlement, an unchanged preview, a replacement for another application (there is no
// update call), an out-of-band removal shown by the drift command, destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";

let s: AppsStack;
const entitled = async () =>
  (await s.emulator.control.resources("appstream:EntitledApplication")).map((r) => r.attributes.ApplicationIdentifier);

beforeAll(async () => {
  s = await appsStack({ withEntitlement: "true", applications: ["notepad", "paint"], entitledApplication: "notepad" });
}, 120_000);
afterAll(() => s?.close());

describe("appstream:ApplicationEntitlementAssociation through the real CLI", () => {
  let names: string[];
  it("entitles the application", async () => {
    const up = await s.program.stack.up();
    names = up.outputs.applicationNames.value as string[];
    expect((await s.mutations()).filter((op) => op.includes("Entitlement"))).toEqual([
      "CreateEntitlement",
      "AssociateApplicationToEntitlement",
    ]);
    expect(await entitled()).toEqual([names[0]]);
  }, 180_000);

  it("previews no change", async () => {
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 7 });
  }, 120_000);

  it("replaces it to entitle another application: associate the new, then disassociate the old", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ entitledApplication: "paint" });
    expect(Object.keys(await s.previewDiffs())).toContain("replace ApplicationEntitlementAssociation");
    await s.program.stack.up();
    expect(await s.mutations()).toEqual([
      "AssociateApplicationToEntitlement",
      "DisassociateApplicationFromEntitlement",
    ]);
    expect(await s.emulator.control.inputs("DisassociateApplicationFromEntitlement")).toEqual([
      expect.objectContaining({ ApplicationIdentifier: names[0] }),
    ]);
    expect(await entitled()).toEqual([names[1]]);
  }, 180_000);

  it("shows an association removed out of band as deleted in the drift command", async () => {
    const [record] = await s.emulator.control.resources("appstream:EntitledApplication");
    await s.emulator.control.deleteResource("appstream:EntitledApplication", record.id);
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({ type: "appstream:ApplicationEntitlementAssociation", status: "deleted" }),
    ]);
    await s.emulator.control.resetCalls();
    await s.program.stack.up({ refresh: true });
    expect(await s.mutations()).toEqual(["AssociateApplicationToEntitlement"]);
  }, 180_000);

  it("destroys it and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    const ops = await s.mutations();
    expect(ops.indexOf("DisassociateApplicationFromEntitlement")).toBeLessThan(ops.indexOf("DeleteEntitlement"));
    expect(await s.emulator.control.resources("appstream:EntitledApplication")).toEqual([]);
    expect(await s.emulator.control.resources("appstream:Entitlement")).toEqual([]);
  }, 180_000);
});
