// appstream:ApplicationFleetAssociation through the real CLI: an application associated with an
// ELASTIC fleet, an unchanged preview, a replacement for another application (there is no update
// call), an out-of-band disassociation shown by the drift command, destroy in dependency order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";

let s: AppsStack;
const associated = async () =>
  (await s.emulator.control.resources("appstream:ApplicationFleetAssociation")).map((r) => r.attributes);

beforeAll(async () => {
  s = await appsStack({ withFleet: "true", applications: ["notepad", "paint"], fleetApplication: "notepad" });
}, 120_000);
afterAll(() => s?.close());

describe("appstream:ApplicationFleetAssociation through the real CLI", () => {
  let fleetName: string;
  let arns: string[];
  it("associates the application with the elastic fleet", async () => {
    const up = await s.program.stack.up();
    fleetName = up.outputs.fleetName.value as string;
    const names = up.outputs.applicationNames.value as string[];
    arns = await Promise.all(
      names.map(async (n) => String((await s.emulator.control.resource("appstream:Application", n))?.attributes.Arn)),
    );
    expect((await s.mutations()).filter((op) => op.includes("ApplicationFleet"))).toEqual([
      "AssociateApplicationFleet",
    ]);
    expect(await associated()).toEqual([{ FleetName: fleetName, ApplicationArn: arns[0] }]);
  }, 180_000);

  it("previews no change", async () => {
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 6 });
  }, 120_000);

  it("replaces it to associate another application: associate the new, then disassociate the old", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ fleetApplication: "paint" });
    expect(Object.keys(await s.previewDiffs())).toContain("replace ApplicationFleetAssociation");
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["AssociateApplicationFleet", "DisassociateApplicationFleet"]);
    expect(await s.emulator.control.inputs("DisassociateApplicationFleet")).toEqual([
      { FleetName: fleetName, ApplicationArn: arns[0] },
    ]);
    expect(await associated()).toEqual([{ FleetName: fleetName, ApplicationArn: arns[1] }]);
  }, 180_000);

  it("shows a disassociation made out of band as deleted in the drift command", async () => {
    await s.emulator.control.deleteResource("appstream:ApplicationFleetAssociation", `${fleetName}|${arns[1]}`);
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({ type: "appstream:ApplicationFleetAssociation", status: "deleted" }),
    ]);
    await s.emulator.control.resetCalls();
    await s.program.stack.up({ refresh: true });
    expect(await s.mutations()).toEqual(["AssociateApplicationFleet"]);
  }, 180_000);

  it("destroys the association before the fleet and the application, and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    const ops = await s.mutations();
    expect(ops.indexOf("DisassociateApplicationFleet")).toBeLessThan(ops.indexOf("DeleteFleet"));
    expect(ops.indexOf("DisassociateApplicationFleet")).toBeLessThan(ops.indexOf("DeleteApplication"));
    for (const kind of [
      "appstream:ApplicationFleetAssociation",
      "appstream:Application",
      "appstream:Fleet",
      "appstream:AppBlock",
    ]) {
      expect(await s.emulator.control.resources(kind), kind).toEqual([]);
    }
  }, 180_000);
});
