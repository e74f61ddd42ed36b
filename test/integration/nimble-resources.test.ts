// The Nimble resource types through the engine, against the local endpoint over HTTP with the real
// SDK: launch profiles updated in place, sessions stopped, restored and destroyed as the program says,
// studios that refuse to go while launch profiles remain, and the opt-in SSO repair.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource, checkResourceWithService, diffResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { type Outputs } from "../../provider/engine/state";
import { updateResource } from "../../provider/engine/update";

let emulator: RunningEmulator;
let sequence = 0;
const urn = (type: string) => `urn:pulumi:test::nimble::pulumi-nodejs:dynamic/${type}::r${++sequence}`;

function checked(type: string, inputs: Record<string, unknown>) {
  const result = checkResource(type, {}, { __urn: urn(type), ...inputs });
  expect(result.failures).toEqual([]);
  return result.inputs;
}

async function calls(operation: string): Promise<number> {
  return (await emulator.control.calls()).counts[`nimble:${operation}`] ?? 0;
}

async function newStudio(): Promise<{ id: string; outs: Outputs }> {
  return createResource(
    "nimble:Studio",
    checked("nimble:Studio", {
      displayName: "Resources test",
      adminRoleArn: "arn:aws:iam::123456789012:role/admin",
      userRoleArn: "arn:aws:iam::123456789012:role/user",
    }),
  );
}

async function componentOf(studioId: string): Promise<string> {
  const component = (await emulator.control.resources("nimble:StudioComponent")).find((c) => c.parentId === studioId);
  return component!.id;
}

const persistentConfiguration = {
  clipboardMode: "ENABLED",
  ec2InstanceTypes: ["g4dn.xlarge", "g4dn.2xlarge"],
  streamingImageIds: ["al2-workstation"],
  sessionPersistenceMode: "ACTIVATED",
  volumeConfiguration: { size: 600 },
  sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 3 },
};

async function newProfile(studioId: string, streamConfiguration: Record<string, unknown> = persistentConfiguration) {
  const inputs = checked("nimble:LaunchProfile", {
    studioId,
    ec2SubnetIds: ["subnet-0123456789abcdef0"],
    studioComponentIds: [await componentOf(studioId)],
    streamConfiguration,
  });
  return { inputs, ...(await createResource("nimble:LaunchProfile", inputs)) };
}

beforeAll(async () => {
  emulator = await startEmulatorWith([nimbleService], { port: 0, transitionMs: 20 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("nimble:LaunchProfile", () => {
  it("creates with the only protocol version when the program names none, and reads back without a diff", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    expect(profile.id).toBe(`${studio.id}/${profile.outs.launchProfileId as string}`);
    expect(profile.outs).toMatchObject({ state: "READY", launchProfileProtocolVersions: ["2021-03-31"] });
    // The service fills in defaults (690 minutes, volume iops and throughput, ...): no diff for them.
    expect(diffResource("nimble:LaunchProfile", profile.outs, profile.inputs)).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  it("refreshes to the program's own streamConfiguration, not the defaults the service filled in, so the next preview shows no drift", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    const live = (await emulator.control.resource("nimble:LaunchProfile", String(profile.outs.launchProfileId)))
      ?.attributes.streamConfiguration as Record<string, unknown>;
    // The service's defaults are there to drift from: the volume's iops and throughput, the session length.
    expect(live).toMatchObject({
      volumeConfiguration: { size: 600, iops: 3000, throughput: 125 },
      maxSessionLengthInMinutes: 690,
    });
    const refreshed = await readResource("nimble:LaunchProfile", profile.id, profile.outs);
    expect(refreshed.inputs?.streamConfiguration).toEqual(persistentConfiguration);
    expect(diffResource("nimble:LaunchProfile", refreshed.props!, profile.inputs)).toMatchObject({
      changes: false,
      replaces: [],
    });
    // A value someone changed is drift all the same.
    await emulator.control.mutate("nimble:LaunchProfile", String(profile.outs.launchProfileId), {
      streamConfiguration: { ...live, volumeConfiguration: { size: 800, iops: 3000, throughput: 125 } },
    });
    const drifted = await readResource("nimble:LaunchProfile", profile.id, refreshed.props!);
    expect(drifted.inputs?.streamConfiguration).toEqual({
      ...persistentConfiguration,
      volumeConfiguration: { size: 800 },
    });
    expect(diffResource("nimble:LaunchProfile", drifted.props!, profile.inputs).changes).toBeUndefined();
  });

  it("updates streamConfiguration and description in place, and replaces for new subnets", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    const news = {
      ...profile.inputs,
      description: "Lighting",
      streamConfiguration: { ...persistentConfiguration, maxSessionLengthInMinutes: 120 },
    };
    expect(diffResource("nimble:LaunchProfile", profile.outs, news)).toMatchObject({ replaces: [] });
    const updated = await updateResource("nimble:LaunchProfile", profile.id, profile.outs, news);
    expect(updated.outs).toMatchObject({
      description: "Lighting",
      state: "READY",
      streamConfiguration: { maxSessionLengthInMinutes: 120 },
    });
    expect(await calls("UpdateLaunchProfile")).toBe(1);
    expect(
      diffResource("nimble:LaunchProfile", updated.outs, { ...news, ec2SubnetIds: ["subnet-0fedcba9876543210"] }),
    ).toMatchObject({ changes: true, replaces: ["ec2SubnetIds"] });
  });

  it("applies a change made before again after it was undone (a fresh client token each time)", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    let outs = profile.outs;
    for (const description of ["First", "Second", "First", "Second"]) {
      outs = (await updateResource("nimble:LaunchProfile", profile.id, outs, { ...profile.inputs, description })).outs;
      expect(
        (await emulator.control.resource("nimble:LaunchProfile", String(profile.outs.launchProfileId)))?.attributes
          .description,
      ).toBe(description);
    }
  });

  it.each([
    [
      "volumeConfiguration without persistence",
      { volumeConfiguration: { size: 200 } },
      "streamConfiguration.volumeConfiguration is only allowed when sessionPersistenceMode is ACTIVATED",
    ],
    [
      "automaticTerminationMode without persistence",
      { sessionPersistenceMode: "DEACTIVATED", automaticTerminationMode: "ACTIVATED" },
      "streamConfiguration.automaticTerminationMode is only allowed when sessionPersistenceMode is ACTIVATED",
    ],
    [
      "maxStoppedSessionLengthInMinutes without automatic termination",
      { sessionPersistenceMode: "ACTIVATED", maxStoppedSessionLengthInMinutes: 60 },
      "streamConfiguration.maxStoppedSessionLengthInMinutes is only allowed when sessionPersistenceMode is ACTIVATED and automaticTerminationMode is ACTIVATED",
    ],
    [
      "maxStoppedSessionLengthInMinutes over 5760",
      {
        sessionPersistenceMode: "ACTIVATED",
        automaticTerminationMode: "ACTIVATED",
        maxStoppedSessionLengthInMinutes: 5761,
      },
      "streamConfiguration.maxStoppedSessionLengthInMinutes must be <= 5760 (got 5761)",
    ],
    [
      "a session longer than 30 days",
      { maxSessionLengthInMinutes: 43201 },
      "streamConfiguration.maxSessionLengthInMinutes must be <= 43200 (got 43201)",
    ],
    [
      "session storage other than UPLOAD",
      { sessionStorage: { mode: ["DOWNLOAD"] } },
      'streamConfiguration.sessionStorage.mode[0] must be one of UPLOAD (got "DOWNLOAD")',
    ],
  ])("refuses %s at check", (_, extra, reason) => {
    const { failures } = checkResource(
      "nimble:LaunchProfile",
      {},
      {
        __urn: urn("nimble:LaunchProfile"),
        studioId: "st-1",
        ec2SubnetIds: ["subnet-1"],
        studioComponentIds: ["sc-1"],
        streamConfiguration: {
          clipboardMode: "ENABLED",
          ec2InstanceTypes: ["g4dn.xlarge"],
          streamingImageIds: ["img"],
          ...extra,
        },
      },
    );
    expect(failures.map((f) => f.reason)).toEqual([reason]);
  });
});

describe("nimble:StreamingSession", () => {
  async function newSession(extra: Record<string, unknown> = {}, configuration?: Record<string, unknown>) {
    const studio = await newStudio();
    const profile = await newProfile(studio.id, configuration);
    const inputs = checked("nimble:StreamingSession", {
      studioId: studio.id,
      launchProfileId: profile.outs.launchProfileId,
      tags: { artist: "kim" },
      ...extra,
    });
    return { studio, profile, inputs, ...(await createResource("nimble:StreamingSession", inputs)) };
  }

  it("stops retaining the volume, then starts again from the backup the stop made", async () => {
    const session = await newSession();
    expect(session.outs).toMatchObject({
      state: "READY",
      desiredState: "READY",
      sessionPersistenceMode: "ACTIVATED",
      backupMode: "AUTOMATIC",
    });
    const stopped = await updateResource("nimble:StreamingSession", session.id, session.outs, {
      ...session.inputs,
      desiredState: "STOPPED",
      volumeRetentionMode: "RETAIN",
    });
    expect(stopped.outs).toMatchObject({ state: "STOPPED", desiredState: "STOPPED" });
    const live = await emulator.control.resource("nimble:StreamingSession", String(session.outs.sessionId));
    expect(live?.attributes.volumeRetentionMode).toBe("RETAIN");
    const backup = (await emulator.control.resources("nimble:StreamingSessionBackup")).find(
      (b) => b.attributes.sessionId === session.outs.sessionId,
    );
    expect(backup).toBeDefined();
    const started = await updateResource("nimble:StreamingSession", session.id, stopped.outs, {
      ...session.inputs,
      desiredState: "READY",
      backupId: backup!.id,
    });
    expect(started.outs).toMatchObject({ state: "READY", startedFromBackupId: backup!.id });
    expect([await calls("StopStreamingSession"), await calls("StartStreamingSession")]).toEqual([1, 1]);
  });

  it("stops with volumeRetentionMode DELETE: the stop asks for it and the session's volume is gone", async () => {
    const session = await newSession();
    const sessionId = String(session.outs.sessionId);
    expect(await emulator.control.resource("nimble:StreamingSessionVolume", sessionId)).toMatchObject({
      attributes: { size: 600 },
    });
    const stopped = await updateResource("nimble:StreamingSession", session.id, session.outs, {
      ...session.inputs,
      desiredState: "STOPPED",
      volumeRetentionMode: "DELETE",
    });
    expect(stopped.outs).toMatchObject({ state: "STOPPED" });
    expect(await emulator.control.inputs("StopStreamingSession")).toEqual([
      {
        studioId: session.studio.id,
        sessionId,
        volumeRetentionMode: "DELETE",
        clientToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(
      (await emulator.control.resource("nimble:StreamingSession", sessionId))?.attributes.volumeRetentionMode,
    ).toBe("DELETE");
    expect(await emulator.control.resource("nimble:StreamingSessionVolume", sessionId)).toBeUndefined();
  });

  it("keeps the volume of a session stopped with RETAIN", async () => {
    const session = await newSession();
    const sessionId = String(session.outs.sessionId);
    await updateResource("nimble:StreamingSession", session.id, session.outs, {
      ...session.inputs,
      desiredState: "STOPPED",
      volumeRetentionMode: "RETAIN",
    });
    expect((await emulator.control.inputs("StopStreamingSession"))[0]).toMatchObject({ volumeRetentionMode: "RETAIN" });
    expect(await emulator.control.resource("nimble:StreamingSessionVolume", sessionId)).toBeDefined();
  });

  it("sends a fresh client token for the same transition made again", async () => {
    const session = await newSession();
    let outs = session.outs;
    for (const desiredState of ["STOPPED", "READY", "STOPPED"]) {
      outs = (await updateResource("nimble:StreamingSession", session.id, outs, { ...session.inputs, desiredState }))
        .outs;
      expect(outs.state).toBe(desiredState);
    }
    expect(await calls("StopStreamingSession")).toBe(2);
  });

  it.each([
    ["TERMINATE", "DeleteStreamingSession", "DELETED"],
    ["STOP_RETAIN_VOLUME", "StopStreamingSession", "STOPPED"],
    ["STOP_DELETE_VOLUME", "StopStreamingSession", "STOPPED"],
  ])("destroys with deleteBehaviour %s", async (deleteBehaviour, operation, finalState) => {
    const session = await newSession({ deleteBehaviour });
    await emulator.control.resetCalls();
    await deleteResource("nimble:StreamingSession", session.id, session.outs);
    const counts = (await emulator.control.calls()).counts;
    const mutating = Object.keys(counts).filter((k) => /:(Delete|Stop|Start)StreamingSession$/.test(k));
    expect(mutating).toEqual([`nimble:${operation}`]);
    const live = await emulator.control.resource("nimble:StreamingSession", String(session.outs.sessionId));
    // A terminated session is dropped by the service some time after DELETED.
    expect(live?.attributes.state ?? "DELETED").toBe(finalState);
    if (deleteBehaviour !== "TERMINATE") {
      const retention = deleteBehaviour === "STOP_RETAIN_VOLUME" ? "RETAIN" : "DELETE";
      expect(live?.attributes.volumeRetentionMode).toBe(retention);
      expect((await emulator.control.inputs("StopStreamingSession"))[0]).toMatchObject({
        volumeRetentionMode: retention,
      });
    }
    // Only a stop that keeps the volume leaves it; terminating the session deletes it too.
    expect(await emulator.control.resource("nimble:StreamingSessionVolume", String(session.outs.sessionId))).toEqual(
      deleteBehaviour === "STOP_RETAIN_VOLUME" ? expect.objectContaining({ id: session.outs.sessionId }) : undefined,
    );
  });

  it("refuses at check to stop a session whose launch profile does not allow it, naming the profile", async () => {
    const session = await newSession(
      {},
      { clipboardMode: "ENABLED", ec2InstanceTypes: ["g4dn.xlarge"], streamingImageIds: ["al2-workstation"] },
    );
    const { failures } = await checkResourceWithService("nimble:StreamingSession", session.inputs, {
      ...session.inputs,
      desiredState: "STOPPED",
      deleteBehaviour: "STOP_RETAIN_VOLUME",
    });
    expect(failures.map((f) => f.property)).toEqual(["desiredState", "deleteBehaviour"]);
    expect(failures[0].reason).toMatch(
      /^desiredState STOPPED stops the session, but its launch profile .* \(lp-[^)]+\) does not allow stopped sessions: its sessionPersistenceMode is not ACTIVATED$/,
    );
    // What the last update already asked for is not judged again.
    const asked = { ...session.inputs, desiredState: "STOPPED" };
    expect((await checkResourceWithService("nimble:StreamingSession", asked, asked)).failures).toEqual([]);
    // And the service says so too, when the check could not tell (the profile did not exist yet).
    await expect(
      updateResource("nimble:StreamingSession", session.id, session.outs, {
        ...session.inputs,
        desiredState: "STOPPED",
      }),
    ).rejects.toThrow(/StopStreamingSession failed: ValidationException: .*does not allow stopped sessions/);
  });
});

describe("nimble:LaunchProfile delete", () => {
  it("refuses while a session kept by a stop-and-keep destroy remains, naming it, and leaves the profile usable", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    const inputs = checked("nimble:StreamingSession", {
      studioId: studio.id,
      launchProfileId: profile.outs.launchProfileId,
      ownedBy: "artist-kim",
      deleteBehaviour: "STOP_RETAIN_VOLUME",
    });
    const session = await createResource("nimble:StreamingSession", inputs);
    await deleteResource("nimble:StreamingSession", session.id, session.outs);
    await emulator.control.resetCalls();
    await expect(deleteResource("nimble:LaunchProfile", profile.id, profile.outs)).rejects.toThrow(
      new RegExp(`still has streaming sessions.*${String(session.outs.sessionId)} \\(STOPPED, owned by artist-kim\\)`),
    );
    expect(await calls("DeleteLaunchProfile")).toBe(0);
    expect(
      (await emulator.control.resource("nimble:LaunchProfile", String(profile.outs.launchProfileId)))?.attributes.state,
    ).toBe("READY");
  });
});

describe("nimble:Studio", () => {
  it("refuses to delete a studio with launch profiles, naming them, and leaves the studio usable", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id);
    await expect(deleteResource("nimble:Studio", studio.id, studio.outs)).rejects.toThrow(
      new RegExp(
        `still has launch profiles.*${String(profile.inputs.name)} \\(${String(profile.outs.launchProfileId)}, READY\\)`,
      ),
    );
    expect(await calls("DeleteStudio")).toBe(0);
    expect((await emulator.control.resource("nimble:Studio", studio.id))?.attributes.state).toBe("READY");
    await deleteResource("nimble:LaunchProfile", profile.id, profile.outs);
    await deleteResource("nimble:Studio", studio.id, studio.outs);
    expect((await emulator.control.resource("nimble:Studio", studio.id))?.attributes.state ?? "DELETED").toBe(
      "DELETED",
    );
  });

  it("repairs a studio whose create failed on IAM Identity Center, when asked to", async () => {
    const inputs = {
      displayName: "SSO",
      adminRoleArn: "arn:aws:iam::123456789012:role/admin",
      userRoleArn: "arn:aws:iam::123456789012:role/user",
    };
    await emulator.control.failNextCreate("nimble:Studio", "AWS_SSO_NOT_ENABLED", "IAM Identity Center is not enabled");
    const repaired = await createResource(
      "nimble:Studio",
      checked("nimble:Studio", { ...inputs, repairSsoConfiguration: true }),
    );
    expect(repaired.outs).toMatchObject({ state: "READY", statusCode: "AWS_SSO_CONFIGURATION_REPAIRED" });
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(1);
    // Not asked to: the failure stands, naming the status code.
    await emulator.control.failNextCreate("nimble:Studio", "AWS_SSO_NOT_ENABLED", "IAM Identity Center is not enabled");
    await expect(createResource("nimble:Studio", checked("nimble:Studio", inputs))).rejects.toThrow(
      /CREATE_FAILED.*AWS_SSO_NOT_ENABLED/,
    );
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(1);
  });

  it("shows a broken SSO configuration found by refresh as a pending repair, which the next update runs", async () => {
    const inputs = checked("nimble:Studio", {
      displayName: "SSO",
      adminRoleArn: "arn:aws:iam::123456789012:role/admin",
      userRoleArn: "arn:aws:iam::123456789012:role/user",
      repairSsoConfiguration: true,
    });
    const studio = await createResource("nimble:Studio", inputs);
    expect((await readResource("nimble:Studio", studio.id, studio.outs)).inputs?.repairSsoConfiguration).toBe(true);
    await emulator.control.mutate("nimble:Studio", studio.id, { statusCode: "AWS_SSO_ACCESS_DENIED" });
    const refreshed = await readResource("nimble:Studio", studio.id, studio.outs);
    expect(refreshed.inputs?.repairSsoConfiguration).toBe(false);
    expect(diffResource("nimble:Studio", refreshed.props!, inputs).changes).toBeUndefined();
    const repaired = await updateResource("nimble:Studio", studio.id, refreshed.props!, inputs);
    expect(repaired.outs).toMatchObject({ statusCode: "AWS_SSO_CONFIGURATION_REPAIRED", repairSsoConfiguration: true });
  });

  it("repairs the SSO configuration when asked to and the studio reports AWS_SSO_*", async () => {
    const studio = await newStudio();
    const inputs = checked("nimble:Studio", {
      displayName: "Resources test",
      adminRoleArn: studio.outs.adminRoleArn,
      userRoleArn: studio.outs.userRoleArn,
      studioName: studio.outs.studioName,
    });
    await emulator.control.mutate("nimble:Studio", studio.id, { statusCode: "AWS_SSO_ACCESS_DENIED" });
    const left = await updateResource("nimble:Studio", studio.id, studio.outs, { ...inputs, tags: { opted: "out" } });
    expect(left.outs.statusCode).toBe("AWS_SSO_ACCESS_DENIED");
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(0);
    const repaired = await updateResource("nimble:Studio", studio.id, left.outs, {
      ...inputs,
      tags: { opted: "out" },
      repairSsoConfiguration: true,
    });
    expect(repaired.outs).toMatchObject({ state: "READY", statusCode: "AWS_SSO_CONFIGURATION_REPAIRED" });
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(1);
  });
});
