// examples/thinclient through the real CLI: the functions run inside the program against the stack's
// endpoint (the newest software set pinned, the environment's devices listed on every update), and
// destroy archives the adopted device and restores the software set's status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  program = await programStack("examples/thinclient", { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
}, 60_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

const attributes = async (kind: string, id: string) => (await emulator.control.resource(kind, id))?.attributes;

describe("examples/thinclient", () => {
  it("pins the environment to the newest software set, validated, and adopts the reception device", async () => {
    const up = await program.stack.up();
    expect(up.outputs.pinnedSoftwareSet.value).toBe("softwareset-0003 (2025.03.1)");
    expect(up.outputs.activationCode.secret).toBe(true);
    expect(up.outputs.receptionStatus.value).toBe("REGISTERED");
    expect(up.outputs.registeredDevices.value).toEqual([]);
    const env = await attributes("thinclient:Environment", up.outputs.environmentId.value as string);
    expect(env).toMatchObject({
      softwareSetUpdateMode: "USE_DESIRED",
      desiredSoftwareSetId: "softwareset-0003",
      maintenanceWindow: { type: "CUSTOM", startTimeHour: 22 },
    });
    expect(await attributes("thinclient:SoftwareSet", "softwareset-0003")).toMatchObject({
      validationStatus: "VALIDATED",
    });
    expect(await attributes("thinclient:Device", "tcdevice0000000000000002")).toMatchObject({
      name: "branch-reception",
      desiredSoftwareSetId: "softwareset-0003",
    });
  }, 240_000);

  it("lists the devices that registered with the activation code since, and changes no resource for it", async () => {
    const outputs = await program.stack.outputs();
    const activationCode = outputs.activationCode.value as string;
    const joined: string[] = [];
    for (const serialNumber of ["G4B0000000000001", "G4B0000000000002"]) {
      const { device } = await emulator.control.serviceControl<{ device: { id: string } }>("register-device", {
        activationCode,
        serialNumber,
      });
      joined.push(`${device.id} ${serialNumber}`);
    }
    const up = await program.stack.up();
    expect(up.summary.resourceChanges).not.toHaveProperty("update");
    expect([...(up.outputs.registeredDevices.value as string[])].sort()).toEqual(joined.sort());
    const env = await attributes("thinclient:Environment", outputs.environmentId.value as string);
    expect(env?.deviceCreationTags).toEqual({ site: "branch" });
  }, 240_000);

  it("archives the adopted device and restores the software set on destroy", async () => {
    await program.stack.destroy();
    expect(await attributes("thinclient:Device", "tcdevice0000000000000002")).toMatchObject({ status: "ARCHIVED" });
    expect(await attributes("thinclient:SoftwareSet", "softwareset-0003")).toMatchObject({
      validationStatus: "NOT_VALIDATED",
    });
    expect(await emulator.control.resources("thinclient:Environment")).toEqual([]);
  }, 240_000);
});
