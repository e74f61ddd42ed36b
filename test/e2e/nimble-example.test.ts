// examples/nimble through the real CLI: the functions run inside the program against the stack's
// endpoint (the studio's components, the profile's images, the session's backups, a secret stream URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 30 });
  program = await programStack("examples/nimble", { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
}, 60_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("examples/nimble", () => {
  it("creates the studio, the persistent launch profile and a running workstation, and then changes nothing", async () => {
    const up = await program.stack.up();
    expect(up.outputs.workstationStatus.value).toBe("READY");
    expect(up.outputs.streamingImages.value).toEqual(["Amazon Linux 2 workstation"]);
    expect(up.outputs.backups.value).toEqual([]);
    const profile = await emulator.control.resource("nimble:LaunchProfile", up.outputs.launchProfileId.value as string);
    expect(profile?.attributes.streamConfiguration).toMatchObject({
      automaticTerminationMode: "ACTIVATED",
      maxStoppedSessionLengthInMinutes: 2880,
      sessionStorage: { mode: ["UPLOAD"] },
    });
    expect((await program.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 240_000);

  it("stops the workstation overnight, leaving a backup to restore from", async () => {
    await program.stack.setConfig("workstationState", { value: "STOPPED" });
    const up = await program.stack.up();
    expect(up.outputs.workstationStatus.value).toBe("STOPPED");
    expect(up.outputs.backups.value).toHaveLength(1);
    await program.stack.removeConfig("workstationState");
    expect((await program.stack.up()).outputs.workstationStatus.value).toBe("READY");
  }, 240_000);

  it("exports a stream URL as a secret when asked to", async () => {
    await program.stack.setConfig("stream", { value: "true" });
    const up = await program.stack.up();
    expect(up.outputs.streamUrl.secret).toBe(true);
    expect(String(up.outputs.streamUrl.value)).toMatch(/^https:\/\//);
    await program.stack.removeConfig("stream");
  }, 240_000);

  it("destroys everything, the workstation terminated first", async () => {
    await program.stack.destroy();
    const alive = (kind: string) =>
      emulator.control.resources(kind).then((rs) => rs.filter((r) => r.attributes.state !== "DELETED"));
    expect(await alive("nimble:StreamingSession")).toEqual([]);
    expect(await alive("nimble:LaunchProfile")).toEqual([]);
    expect(await alive("nimble:Studio")).toEqual([]);
  }, 240_000);
});
