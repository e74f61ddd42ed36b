// Nimble Studio through the real CLI (issue 5's acceptance): a studio, a persistent launch profile
// with automatic backups and a session; stop retaining the volume, start again from the backup;
// the profile updated in place and a replacement shown by preview; destroy as each delete behaviour
// says; every documented streamConfiguration rule, and a stop the launch profile forbids, refused at
// preview with nothing created; and a studio that launch profiles still hold refusing to go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { CreateLaunchProfileCommand } from "@aws-sdk/client-nimble";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import { configValues, programStack, stateResource, type ProgramStack } from "../helpers/pulumi-stack";

const program = "test/e2e/programs/nimble-session";
let emulator: RunningEmulator;
let main: ProgramStack;
/** A launch profile made outside any stack, in the stack's studio. */
let outsideProfileId: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 30 });
  main = await programStack(program, { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

async function counts(): Promise<Record<string, number>> {
  return (await emulator.control.calls()).counts;
}

/** The mutating Nimble calls since the last reset, in order. */
async function mutations(): Promise<string[]> {
  return (await emulator.control.calls()).log
    .filter((e) => e.mutating && e.service === "nimble")
    .map((e) => e.operation);
}

async function set(stack: ProgramStack, values: Record<string, string>): Promise<void> {
  await stack.stack.setAllConfig(configValues(values));
}

async function live(kind: string, id: string) {
  return (await emulator.control.resource(`nimble:${kind}`, id))?.attributes;
}

/** Each planned step and the properties behind it (for a replacement, those that force it). */
function steps(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same" && m.type.includes("dynamic"))
      out[`${m.op} ${m.urn.split("::").pop()}`] = (m.op === "replace" ? m.keys : m.diffs) ?? [];
  }
  return out;
}

describe("nimble studio, launch profile and session through the real CLI", () => {
  it.each([
    [
      "volumeConfiguration without persistence",
      { sessionPersistenceMode: "DEACTIVATED" },
      "streamConfiguration.volumeConfiguration is only allowed when sessionPersistenceMode is ACTIVATED",
    ],
    [
      "automaticTerminationMode without persistence",
      { sessionPersistenceMode: "DEACTIVATED", volumeConfiguration: undefined, automaticTerminationMode: "ACTIVATED" },
      "streamConfiguration.automaticTerminationMode is only allowed when sessionPersistenceMode is ACTIVATED",
    ],
    [
      "maxStoppedSessionLengthInMinutes without automatic termination",
      { maxStoppedSessionLengthInMinutes: 60 },
      "streamConfiguration.maxStoppedSessionLengthInMinutes is only allowed when sessionPersistenceMode is ACTIVATED and automaticTerminationMode is ACTIVATED",
    ],
    [
      "maxStoppedSessionLengthInMinutes over 5760",
      { automaticTerminationMode: "ACTIVATED", maxStoppedSessionLengthInMinutes: 5761 },
      "streamConfiguration.maxStoppedSessionLengthInMinutes must be <= 5760 (got 5761)",
    ],
    [
      "a session longer than 30 days",
      { maxSessionLengthInMinutes: 43201 },
      "streamConfiguration.maxSessionLengthInMinutes must be <= 43200 (got 43201)",
    ],
  ])(
    "refuses %s at preview and creates nothing",
    async (_, extra, message) => {
      await emulator.control.resetCalls();
      await set(main, { streamExtra: JSON.stringify(extra) });
      const preview = await main.stack.preview().catch((e: Error) => e);
      expect(preview).toBeInstanceOf(Error);
      expect(String((preview as Error).message)).toContain(message);
      expect(await mutations()).toEqual([]);
      expect(await emulator.control.resources("nimble:Studio")).toEqual([]);
      await main.stack.removeConfig("streamExtra");
    },
    120_000,
  );

  it("creates the studio, a persistent profile with automatic backups, and a READY session", async () => {
    await emulator.control.resetCalls();
    const up = await main.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 4 });
    expect(up.outputs.sessionState.value).toBe("READY");
    const profile = await live("LaunchProfile", up.outputs.sessionLaunchProfileId.value as string);
    expect(profile?.streamConfiguration).toMatchObject({
      sessionPersistenceMode: "ACTIVATED",
      sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 2 },
      volumeConfiguration: { size: 600 },
    });
    expect(await mutations()).toEqual(["CreateStudio", "CreateLaunchProfile", "CreateStreamingSession"]);
    // Nothing drifts: the service's defaults (iops, throughput, ...) are not differences.
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 240_000);

  it("stops the session retaining its volume, then starts it again from the backup the stop made", async () => {
    const sessionId = (await main.stack.outputs()).sessionId.value as string;
    await emulator.control.resetCalls();
    await set(main, { sessionState: "STOPPED", volumeRetentionMode: "RETAIN" });
    const stopped = await main.stack.up();
    expect(stopped.outputs.sessionState.value).toBe("STOPPED");
    expect(await mutations()).toEqual(["StopStreamingSession"]);
    expect(await live("StreamingSession", sessionId)).toMatchObject({
      state: "STOPPED",
      volumeRetentionMode: "RETAIN",
    });
    const backups = stopped.outputs.backupIds.value as string[];
    expect(backups).toHaveLength(1);

    await emulator.control.resetCalls();
    await set(main, { sessionState: "READY", backupId: backups[0] });
    const started = await main.stack.up();
    expect(started.outputs.sessionState.value).toBe("READY");
    expect(started.outputs.startedFromBackupId.value).toBe(backups[0]);
    expect(await mutations()).toEqual(["StartStreamingSession"]);
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 4 });
  }, 240_000);

  it("exports a stream URL as a secret", async () => {
    await set(main, { stream: "true" });
    const up = await main.stack.up();
    expect(up.outputs.streamUrl.secret).toBe(true);
    expect(String(up.outputs.streamUrl.value)).toMatch(/^https:\/\//);
    // Stored as a secret: the export decrypts it, but keeps the secret's signature.
    const stackOutputs = (await stateResource(main.stack, "pulumi:pulumi:Stack"))?.outputs;
    expect(stackOutputs?.streamUrl).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    });
    await main.stack.removeConfig("stream");
  }, 240_000);

  it("updates the launch profile in place", async () => {
    const before = (await main.stack.outputs()).sessionLaunchProfileId.value as string;
    await emulator.control.resetCalls();
    await set(main, { profileDescription: "Lighting and comp artists", maxSessionMinutes: "600" });
    const events: EngineEvent[] = [];
    await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(steps(events)).toEqual({ "update artists": ["description", "streamConfiguration"] });
    const up = await main.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(up.outputs.sessionLaunchProfileId.value).toBe(before);
    expect(await mutations()).toEqual(["UpdateLaunchProfile"]);
    expect(await live("LaunchProfile", before)).toMatchObject({
      description: "Lighting and comp artists",
      streamConfiguration: { maxSessionLengthInMinutes: 600 },
    });
  }, 240_000);

  it("shows in preview that new subnets replace the launch profile (and the session on it)", async () => {
    await emulator.control.resetCalls();
    await set(main, { subnet: "subnet-0a1b2c3d4e5f69999" });
    const events: EngineEvent[] = [];
    const preview = await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(preview.changeSummary).toMatchObject({ replace: 2 });
    expect(steps(events)["replace artists"]).toEqual(["ec2SubnetIds"]);
    expect(Object.keys(steps(events))).toContain("replace workstation");
    expect(await mutations()).toEqual([]);
    await main.stack.removeConfig("subnet");
  }, 240_000);

  it("refuses at preview to stop a session whose existing launch profile does not allow it, and creates nothing", async () => {
    const outputs = await main.stack.outputs();
    const studioId = outputs.sessionStudioId.value as string;
    const component = (await emulator.control.resources("nimble:StudioComponent")).find(
      (c) => c.parentId === studioId,
    )!;
    // A profile without persistence, made outside any stack: its sessions cannot be stopped.
    const { launchProfile } = await createAwsClients({ endpoint: emulator.url }).nimble.send(
      new CreateLaunchProfileCommand({
        studioId,
        name: "ephemeral",
        ec2SubnetIds: ["subnet-0a1b2c3d4e5f60001"],
        launchProfileProtocolVersions: ["2021-03-31"],
        studioComponentIds: [component.id],
        streamConfiguration: {
          clipboardMode: "ENABLED",
          ec2InstanceTypes: ["g4dn.xlarge"],
          streamingImageIds: ["al2-workstation"],
        },
      }),
    );
    const profileId = (outsideProfileId = launchProfile!.launchProfileId!);
    await emulator.control.waitFor(
      () => live("LaunchProfile", profileId),
      (p) => p?.state === "READY",
    );
    const stopping = await programStack(program, {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
      launchProfile: `${studioId}/${profileId}`,
      sessionState: "STOPPED",
    });
    try {
      await emulator.control.resetCalls();
      const preview = await stopping.stack.preview().catch((e: Error) => e);
      expect(String((preview as Error).message)).toContain(
        `desiredState STOPPED stops the session, but its launch profile ephemeral (${profileId}) does not allow stopped sessions: its sessionPersistenceMode is not ACTIVATED`,
      );
      await expect(stopping.stack.up()).rejects.toThrow(/does not allow stopped sessions/);
      expect(await mutations()).toEqual([]);
    } finally {
      await stopping.cleanup();
    }
  }, 240_000);

  it.each([
    ["STOP_RETAIN_VOLUME", "RETAIN"],
    ["STOP_DELETE_VOLUME", "DELETE"],
  ])(
    "destroy with %s stops the session and leaves it",
    async (deleteBehaviour, volumeRetentionMode) => {
      const outputs = await main.stack.outputs();
      const kept = await programStack(program, {
        "aws-euc:endpoint": emulator.url,
        "aws:region": "us-west-2",
        launchProfile: `${outputs.sessionStudioId.value}/${outputs.sessionLaunchProfileId.value}`,
        deleteBehaviour,
        round: deleteBehaviour,
      });
      try {
        const up = await kept.stack.up();
        const sessionId = up.outputs.sessionId.value as string;
        expect(up.outputs.sessionState.value).toBe("READY");
        await emulator.control.resetCalls();
        await kept.stack.destroy();
        expect(await mutations()).toEqual(["StopStreamingSession"]);
        expect((await counts())["nimble:DeleteStreamingSession"]).toBeUndefined();
        expect(await live("StreamingSession", sessionId)).toMatchObject({ state: "STOPPED", volumeRetentionMode });
        // The stack let it go; its owner (here, the test) deletes it when done.
        await emulator.control.deleteResource("nimble:StreamingSession", sessionId);
      } finally {
        await kept.cleanup();
      }
    },
    240_000,
  );

  it("destroy terminates the session by default and waits until it is DELETED; the studio goes once no launch profile is left", async () => {
    const outputs = await main.stack.outputs();
    await emulator.control.resetCalls();
    // The profile made outside the stack keeps the studio: the destroy says so and leaves it usable.
    const blocked = await main.stack.destroy().catch((e: Error) => e);
    expect(String((blocked as Error).message)).toContain(`still has launch profiles, so it cannot be deleted`);
    expect(String((blocked as Error).message)).toContain(`ephemeral (${outsideProfileId}, READY)`);
    expect(await mutations()).toEqual(["DeleteStreamingSession", "DeleteLaunchProfile"]);
    expect(await live("Studio", outputs.sessionStudioId.value as string)).toMatchObject({ state: "READY" });

    await emulator.control.deleteResource("nimble:LaunchProfile", outsideProfileId);
    await main.stack.destroy();
    expect(await mutations()).toEqual(["DeleteStreamingSession", "DeleteLaunchProfile", "DeleteStudio"]);
    const ids: Array<[string, string]> = [
      ["StreamingSession", outputs.sessionId.value as string],
      ["LaunchProfile", outputs.sessionLaunchProfileId.value as string],
      ["Studio", outputs.sessionStudioId.value as string],
    ];
    for (const [kind, id] of ids) {
      expect((await live(kind, id))?.state ?? "DELETED").toBe("DELETED");
    }
  }, 240_000);
});
