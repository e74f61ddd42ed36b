// Thin Client through the real CLI against the local endpoint: an environment with a CUSTOM window
// and tags, a tag change that previews and applies as tags alone, an adopted device renamed and
// archived on destroy, a software set validated and restored, the activation code kept secret in
// state, and preview-time errors for the maintenance-window rules that call nothing.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { configValues, programStack, stateResource, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

const run = promisify(execFile);
const secretSignature = "4dabf18193072939515e22adb298388d";

/** Every file the file backend holds: stack states, their backups, the update history. */
function stateFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  program = await programStack("test/e2e/programs/thinclient-basic", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
    deviceId: "tcdevice0000000000000001",
    validatedSoftwareSetId: "softwareset-0002",
  });
}, 60_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

/** "update front-desk" -> the properties the preview says change. */
function changedProperties(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same" && m.type.includes("dynamic")) out[`${m.op} ${m.urn.split("::").pop()}`] = m.diffs ?? [];
  }
  return out;
}

async function mutatingCalls(): Promise<string[]> {
  return (await emulator.control.calls()).log.filter((entry) => entry.mutating).map((entry) => entry.operation);
}

const environmentRecord = async (id: string) =>
  (await emulator.control.resource("thinclient:Environment", id))?.attributes;
const deviceRecord = async () =>
  (await emulator.control.resource("thinclient:Device", "tcdevice0000000000000001"))?.attributes;
const validationStatus = async () =>
  (await emulator.control.resource("thinclient:SoftwareSet", "softwareset-0002"))?.attributes.validationStatus;

describe("Thin Client through the real CLI", () => {
  it("creates an environment with a CUSTOM window and tags, adopts a device and validates a software set", async () => {
    const up = await program.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 4 });
    const env = await environmentRecord(up.outputs.environmentId.value as string);
    expect(env).toMatchObject({
      name: "Front desk",
      maintenanceWindow: {
        type: "CUSTOM",
        startTimeHour: 1,
        startTimeMinute: 30,
        endTimeHour: 4,
        endTimeMinute: 0,
        daysOfTheWeek: ["SATURDAY", "SUNDAY"],
        applyTimeOf: "DEVICE",
      },
      tags: { team: "euc", owner: "alice" },
    });
    expect(await deviceRecord()).toMatchObject({ name: "lobby-1", status: "REGISTERED" });
    expect(up.outputs.deviceStatus.value).toBe("REGISTERED");
    expect(await validationStatus()).toBe("VALIDATED");
    expect(up.outputs.previousValidationStatus.value).toBe("NOT_VALIDATED");
  }, 240_000);

  it("keeps the activation code a secret: ciphertext in the exported stack, never the plain value", async () => {
    const outputs = await program.stack.outputs();
    expect(outputs.activationCode.secret).toBe(true);
    const plain = (await environmentRecord(outputs.environmentId.value as string))?.activationCode as string;
    expect(plain).toMatch(/^[a-z0-9]{8}$/);
    // The Automation API's exportStack asks for --show-secrets; a plain `pulumi stack export`, and the
    // state file at rest on the backend, are what must hold only ciphertext.
    const marked = await stateResource(program.stack, "pulumi-nodejs:dynamic/thinclient:Environment");
    expect(marked?.outputs?.activationCode).toEqual({
      [secretSignature]: "1b47061264138c4ac30d75fd1eb44270",
      plaintext: JSON.stringify(plain),
    });
    expect(marked?.additionalSecretOutputs).toContain("activationCode");

    const exported = await run("pulumi", ["stack", "export", "--stack", "e2e"], {
      cwd: program.programDir,
      env: { ...process.env, ...program.env },
    });
    const state = JSON.parse(exported.stdout) as {
      deployment: { resources: Array<{ type: string; outputs: Record<string, unknown> }> };
    };
    const environment = state.deployment.resources.find(
      (r) => r.type === "pulumi-nodejs:dynamic/thinclient:Environment",
    );
    expect(environment?.outputs.activationCode).toEqual({
      [secretSignature]: "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: expect.any(String),
    });
    expect(exported.stdout).not.toContain(plain);
    const atRest = stateFiles(program.backendDir).map((file) => fs.readFileSync(file, "utf8"));
    expect(atRest.length).toBeGreaterThan(0);
    for (const text of atRest) expect(text).not.toContain(plain);
  }, 120_000);

  it("previews a changed tag as a change of tags alone, and applies it with one TagResource and one UntagResource", async () => {
    await program.stack.setConfig("tags", { value: JSON.stringify({ team: "euc", costCenter: "4410" }) });
    await emulator.control.resetCalls();
    const events: EngineEvent[] = [];
    const preview = await program.stack.preview({ onEvent: (e) => events.push(e) });
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    expect(changedProperties(events)).toEqual({ "update front-desk": ["tags"] });
    expect(await mutatingCalls()).toEqual([]);

    await emulator.control.resetCalls();
    const up = await program.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    const counts = (await emulator.control.calls()).counts;
    expect(counts["thinclient:TagResource"]).toBe(1);
    expect(counts["thinclient:UntagResource"]).toBe(1);
    expect(await mutatingCalls()).toEqual(["UntagResource", "TagResource"]);
    expect((await environmentRecord(up.outputs.environmentId.value as string))?.tags).toEqual({
      team: "euc",
      costCenter: "4410",
    });
  }, 240_000);

  it("renames the adopted device in place", async () => {
    await program.stack.setConfig("deviceName", { value: "lobby-2" });
    const events: EngineEvent[] = [];
    await program.stack.preview({ onEvent: (e) => events.push(e) });
    expect(changedProperties(events)).toEqual({ "update lobby": ["name"] });
    await emulator.control.resetCalls();
    await program.stack.up();
    expect(await mutatingCalls()).toEqual(["UpdateDevice"]);
    expect(await deviceRecord()).toMatchObject({ name: "lobby-2", status: "REGISTERED" });
  }, 240_000);

  it.each([
    [
      "an hour past 23",
      {
        maintenanceWindow: {
          type: "CUSTOM",
          startTimeHour: 24,
          startTimeMinute: 0,
          endTimeHour: 2,
          endTimeMinute: 0,
          daysOfTheWeek: ["MONDAY"],
        },
      },
      "maintenanceWindow.startTimeHour must be <= 23 (got 24)",
    ],
    [
      "a minute past 59",
      {
        maintenanceWindow: {
          type: "CUSTOM",
          startTimeHour: 1,
          startTimeMinute: 0,
          endTimeHour: 2,
          endTimeMinute: 75,
          daysOfTheWeek: ["MONDAY"],
        },
      },
      "maintenanceWindow.endTimeMinute must be <= 59 (got 75)",
    ],
    [
      "a CUSTOM window without days",
      { maintenanceWindow: { type: "CUSTOM", startTimeHour: 1, startTimeMinute: 0, endTimeHour: 2, endTimeMinute: 0 } },
      "maintenanceWindow of type CUSTOM needs startTimeHour, startTimeMinute, endTimeHour, endTimeMinute and daysOfTheWeek",
    ],
    [
      "a desired software set with USE_LATEST",
      { softwareSetUpdateMode: "USE_LATEST", desiredSoftwareSetId: "softwareset-0003" },
      "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED",
    ],
  ])(
    "fails the preview for %s, in plain words, with no mutating call",
    async (_what, settings, reason) => {
      const keys = Object.keys(settings);
      await program.stack.setAllConfig(configValues(settings));
      await emulator.control.resetCalls();
      try {
        const failure = await program.stack.preview().then(
          () => undefined,
          (e: Error) => e,
        );
        expect(failure).toBeInstanceOf(Error);
        expect(String(failure?.message)).toContain(reason);
        expect(await mutatingCalls()).toEqual([]);
      } finally {
        await program.stack.removeAllConfig(keys);
      }
    },
    120_000,
  );

  it("archives the device on destroy, waiting for ARCHIVED, and restores the software set's status", async () => {
    await program.stack.setConfig("deviceDeleteBehaviour", { value: "ARCHIVE" });
    const up = await program.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    await emulator.control.resetCalls();
    await program.stack.destroy();
    expect(await deviceRecord()).toMatchObject({ status: "ARCHIVED", name: "lobby-2" });
    expect(await validationStatus()).toBe("NOT_VALIDATED");
    // The software set lets go of the tag that kept its original status for the destroy.
    expect((await mutatingCalls()).sort()).toEqual([
      "DeleteEnvironment",
      "DeregisterDevice",
      "UntagResource",
      "UpdateSoftwareSet",
    ]);
    expect(await emulator.control.resources("thinclient:Environment")).toEqual([]);
  }, 240_000);

  it("fails the up with a clear error when the device to adopt does not exist", async () => {
    await program.stack.setConfig("deviceId", { value: "tcdevice0000000000009999" });
    const failure = await program.stack.up().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(String(failure?.message)).toContain(
      'adoptId: thinclient:Device "tcdevice0000000000009999" does not exist, so there is nothing to take over',
    );
  }, 240_000);
});
