// ELASTIC and multi-session appstream:Fleet through the real CLI: what each fleet type takes at
// create and in place, AttributesToDelete for a dropped session script, the stop and start around
// a change a RUNNING fleet does not take, drift, destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { appsStack, type AppsStack } from "../helpers/appstream-apps";
import { programStack } from "../helpers/pulumi-stack";

let s: AppsStack;
let name: string;
const fleet = async () => (await s.emulator.control.resource("appstream:Fleet", name))?.attributes;

beforeAll(async () => {
  s = await appsStack({ withFleet: "true", withSessionScript: "true", usbFilters: ["Yubikey,1050,*,*,*,*,0,1"] });
}, 120_000);
afterAll(() => s?.close());

describe("an ELASTIC appstream:Fleet through the real CLI", () => {
  it("creates it with no image or capacity: platform, maxConcurrentSessions, two subnets, session script, USB filters", async () => {
    const up = await s.program.stack.up();
    name = up.outputs.fleetName.value as string;
    expect((await s.mutations()).filter((op) => op.endsWith("Fleet"))).toEqual(["CreateFleet"]);
    const [request] = await s.emulator.control.inputs("CreateFleet");
    expect(request).toMatchObject({
      FleetType: "ELASTIC",
      Platform: "WINDOWS_SERVER_2019",
      MaxConcurrentSessions: 10,
      SessionScriptS3Location: { S3Bucket: "euc-apps", S3Key: "scripts/session.zip" },
      UsbDeviceFilterStrings: ["Yubikey,1050,*,*,*,*,0,1"],
    });
    expect(request).not.toHaveProperty("ComputeCapacity");
    expect(request).not.toHaveProperty("ImageName");
    expect((await s.program.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 180_000);

  it("changes maxConcurrentSessions of a STOPPED fleet with one UpdateFleet", async () => {
    await s.emulator.control.resetCalls();
    await s.set({ maxConcurrentSessions: "25" });
    expect(await s.previewDiffs()).toEqual({ "update Fleet": ["maxConcurrentSessions"] });
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["UpdateFleet"]);
    expect(await s.emulator.control.inputs("UpdateFleet")).toEqual([{ Name: name, MaxConcurrentSessions: 25 }]);
  }, 180_000);

  it("renames a RUNNING fleet in place, and stops it around dropping the session script (AttributesToDelete)", async () => {
    await s.set({ fleetState: "RUNNING" });
    await s.program.stack.up();
    await s.emulator.control.resetCalls();
    await s.set({ fleetDisplayName: "Elastic (renamed)" });
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["UpdateFleet"]);
    await s.emulator.control.resetCalls();
    await s.set({ withSessionScript: undefined });
    await s.program.stack.up();
    expect(await s.mutations()).toEqual(["StopFleet", "UpdateFleet", "StartFleet"]);
    expect(await s.emulator.control.inputs("UpdateFleet")).toEqual([
      { Name: name, AttributesToDelete: ["SESSION_SCRIPT_S3_LOCATION"] },
    ]);
    const live = await fleet();
    expect(live).toMatchObject({ State: "RUNNING", DisplayName: "Elastic (renamed)" });
    expect(live).not.toHaveProperty("SessionScriptS3Location");
  }, 240_000);

  it("shows an out-of-band change of maxConcurrentSessions in the drift command", async () => {
    await s.emulator.control.mutate("appstream:Fleet", name, { MaxConcurrentSessions: 3 });
    const { code, report } = await s.drift();
    expect(code).toBe(2);
    expect(report.stacks[0].drifted).toEqual([
      expect.objectContaining({
        type: "appstream:Fleet",
        properties: [expect.objectContaining({ property: "maxConcurrentSessions", expected: 25, live: 3 })],
      }),
    ]);
  }, 180_000);

  it("destroys it and leaves nothing behind", async () => {
    await s.emulator.control.resetCalls();
    await s.program.stack.destroy();
    expect((await s.mutations()).filter((op) => op.endsWith("Fleet"))).toEqual(["StopFleet", "DeleteFleet"]);
    expect(await s.emulator.control.resources("appstream:Fleet")).toEqual([]);
  }, 180_000);
});

describe("a multi-session appstream:Fleet through the real CLI", () => {
  let emulator: RunningEmulator;
  afterAll(() => emulator?.close());

  it("creates it with maxSessionsPerInstance and desiredSessions, changes desiredSessions while RUNNING in place, and destroys it", async () => {
    emulator = await startEmulator({ port: 0, transitionMs: 20 });
    const program = await programStack("test/e2e/programs/appstream-fleet", {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
      fleetState: "RUNNING",
      maxSessionsPerInstance: "4",
      desiredSessions: "8",
    });
    try {
      const up = await program.stack.up();
      const fleetName = up.outputs.fleetName.value as string;
      expect((await emulator.control.inputs("CreateFleet"))[0]).toMatchObject({
        MaxSessionsPerInstance: 4,
        ComputeCapacity: { DesiredSessions: 8 },
      });
      expect((await program.stack.preview()).changeSummary).toEqual({ same: 2 });
      await emulator.control.resetCalls();
      await program.stack.setConfig("desiredSessions", { value: "12" });
      await program.stack.up();
      const mutating = (await emulator.control.calls()).log.filter((e) => e.mutating).map((e) => e.operation);
      expect(mutating).toEqual(["UpdateFleet"]);
      expect(await emulator.control.inputs("UpdateFleet")).toEqual([
        { Name: fleetName, ComputeCapacity: { DesiredSessions: 12 } },
      ]);
      expect((await program.stack.preview()).changeSummary).toEqual({ same: 2 });
      await program.stack.destroy();
      expect(await emulator.control.resources("appstream:Fleet")).toEqual([]);
    } finally {
      await program.cleanup();
    }
  }, 300_000);
});
