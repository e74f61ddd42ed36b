// What the Nimble hooks do that a user notices, through the provider's entry points against the local
// endpoint: which stops a preview refuses (and that it asks the service only when a stop is asked
// for), the SSO repair call and its wait, the protocol version a launch profile is created with, and
// a destroy that waits out dependents being deleted before refusing or going ahead.
import { unknownValue } from "../../provider/engine/unknowns";
import { describe, expect, it } from "vitest";
import { nimbleService } from "../../emulator/services/nimble";
import {
  checked,
  create,
  destroy,
  destroyError,
  failuresOf,
  providerEndpoint,
  update,
} from "../helpers/provider-calls";

type Props = Record<string, unknown>;

const endpoint = providerEndpoint([nimbleService]);

async function calls(operation: string): Promise<number> {
  return (await endpoint().control.calls()).counts[`nimble:${operation}`] ?? 0;
}

async function newStudio(extra: Props = {}) {
  const inputs = await checked("nimble:Studio", {
    displayName: "Hooks test",
    adminRoleArn: "arn:aws:iam::123456789012:role/admin",
    userRoleArn: "arn:aws:iam::123456789012:role/user",
    ...extra,
  });
  return { inputs, ...(await create(inputs)) };
}

const base = { clipboardMode: "ENABLED", ec2InstanceTypes: ["g4dn.xlarge"], streamingImageIds: ["al2-workstation"] };

async function newProfile(studioId: string, streamConfiguration: Props, extra: Props = {}) {
  const component = (await endpoint().control.resources("nimble:StudioComponent")).find((c) => c.parentId === studioId);
  const inputs = await checked("nimble:LaunchProfile", {
    studioId,
    ec2SubnetIds: ["subnet-0123456789abcdef0"],
    studioComponentIds: [component!.id],
    streamConfiguration: { ...base, ...streamConfiguration },
    ...extra,
  });
  return { inputs, ...(await create(inputs)) };
}

/** A running session of a fresh profile with this stream configuration. */
async function newSession(streamConfiguration: Props, extra: Props = {}) {
  const studio = await newStudio();
  const profile = await newProfile(studio.id, streamConfiguration);
  const launchProfileId = String(profile.outs.launchProfileId);
  const inputs = await checked("nimble:StreamingSession", { studioId: studio.id, launchProfileId, ...extra });
  return { studio, profile, launchProfileId, inputs, ...(await create(inputs)) };
}

const persistent = { sessionPersistenceMode: "ACTIVATED", volumeConfiguration: { size: 300 } };

describe("stopping a session its launch profile does not let stop, refused at preview", () => {
  it.each([
    ["an explicit maxStoppedSessionLengthInMinutes 0", { maxStoppedSessionLengthInMinutes: 0 }],
    ["the default maxStoppedSessionLengthInMinutes", {}],
  ])("with automatic termination ACTIVATED and %s", async (_, stopLength) => {
    const session = await newSession({ ...persistent, automaticTerminationMode: "ACTIVATED", ...stopLength });
    const name = String(session.profile.inputs.name);
    expect(await failuresOf({ ...session.inputs, desiredState: "STOPPED" }, session.inputs)).toEqual([
      {
        property: "desiredState",
        reason: `desiredState STOPPED stops the session, but its launch profile ${name} (${session.launchProfileId}) does not allow stopped sessions: its automaticTerminationMode is ACTIVATED with maxStoppedSessionLengthInMinutes 0`,
      },
    ]);
  });

  it("when the live profile says nothing of maxStoppedSessionLengthInMinutes (its default, 0, applies)", async () => {
    const session = await newSession({ ...persistent, automaticTerminationMode: "ACTIVATED" });
    const live = (await endpoint().control.resource("nimble:LaunchProfile", session.launchProfileId))!.attributes
      .streamConfiguration as Props;
    const { maxStoppedSessionLengthInMinutes: _dropped, ...withoutLength } = live;
    await endpoint().control.mutate("nimble:LaunchProfile", session.launchProfileId, {
      streamConfiguration: withoutLength,
    });
    const failures = await failuresOf({ ...session.inputs, desiredState: "STOPPED" }, session.inputs);
    expect(failures.map((f) => f.reason.replace(/.*: /, ""))).toEqual([
      "its automaticTerminationMode is ACTIVATED with maxStoppedSessionLengthInMinutes 0",
    ]);
  });

  it("names a stop on destroy by its deleteBehaviour, and the profile by id alone when it has no name", async () => {
    const session = await newSession({});
    await endpoint().control.mutate("nimble:LaunchProfile", session.launchProfileId, { name: null });
    expect(await failuresOf({ ...session.inputs, deleteBehaviour: "STOP_DELETE_VOLUME" }, session.inputs)).toEqual([
      {
        property: "deleteBehaviour",
        reason: `deleteBehaviour STOP_DELETE_VOLUME stops the session, but its launch profile ${session.launchProfileId} does not allow stopped sessions: its sessionPersistenceMode is not ACTIVATED`,
      },
    ]);
  });
});

describe("stops a preview lets through", () => {
  it.each([
    ["persistent sessions without automatic termination", persistent],
    [
      "automatic termination after a stopped time",
      { ...persistent, automaticTerminationMode: "ACTIVATED", maxStoppedSessionLengthInMinutes: 60 },
    ],
  ])("%s: the preview passes and the stop succeeds", async (_, configuration) => {
    const session = await newSession(configuration);
    const stopping = { ...session.inputs, desiredState: "STOPPED" };
    expect(await failuresOf(stopping, session.inputs)).toEqual([]);
    expect(await failuresOf({ ...session.inputs, deleteBehaviour: "STOP_RETAIN_VOLUME" }, session.inputs)).toEqual([]);
    const stopped = await update(session.id, session.outs, stopping);
    expect(stopped.outs.state).toBe("STOPPED");
  });

  it("asks the service nothing when no stop is asked for, or when the ids are not known yet", async () => {
    const session = await newSession({});
    await endpoint().control.resetCalls();
    expect(await failuresOf({ ...session.inputs, tags: { artist: "kim" } }, session.inputs)).toEqual([]);
    // In a preview, ids of resources not created yet reach check as unknowns.
    const stopping = { ...session.inputs, desiredState: "STOPPED" };
    expect(await failuresOf({ ...stopping, studioId: unknownValue }, {})).toEqual([]);
    expect(await failuresOf({ ...stopping, launchProfileId: unknownValue }, {})).toEqual([]);
    expect(await calls("GetLaunchProfile")).toBe(0);
    // Asked for a stop with both known, it reads the profile.
    await failuresOf({ ...session.inputs, desiredState: "STOPPED" }, session.inputs);
    expect(await calls("GetLaunchProfile")).toBe(1);
  });

  it("cannot tell, and says nothing, when the launch profile cannot be read or has no stream configuration", async () => {
    const session = await newSession({});
    const stopping = { ...session.inputs, desiredState: "STOPPED" };
    expect(await failuresOf({ ...stopping, launchProfileId: "lp-doesnotexist" }, session.inputs)).toEqual([]);
    await endpoint().control.mutate("nimble:LaunchProfile", session.launchProfileId, { streamConfiguration: null });
    expect(await failuresOf(stopping, session.inputs)).toEqual([]);
  });
});

describe("nimble:LaunchProfile create", () => {
  it("sends the only protocol version when the program names none, and the program's own otherwise", async () => {
    const studio = await newStudio();
    await newProfile(studio.id, {});
    await newProfile(studio.id, {}, { launchProfileProtocolVersions: ["2021-03-31"] });
    expect(
      (await endpoint().control.inputs("CreateLaunchProfile")).map((i) => i.launchProfileProtocolVersions),
    ).toEqual([["2021-03-31"], ["2021-03-31"]]);
  });
});

describe("nimble:Studio SSO repair", () => {
  const broken = { state: "READY", statusCode: "AWS_SSO_ACCESS_DENIED" };

  it("asks for the repair of this studio with a client token, and for a repair needed again with a new one", async () => {
    const studio = await newStudio({ repairSsoConfiguration: true });
    let outs = studio.outs;
    for (let round = 0; round < 2; round++) {
      await endpoint().control.mutate("nimble:Studio", studio.id, broken);
      outs = (await update(studio.id, outs, { ...studio.inputs, repairSsoConfiguration: true })).outs;
      expect(outs).toMatchObject({ state: "READY", statusCode: "AWS_SSO_CONFIGURATION_REPAIRED" });
    }
    const repairs = await endpoint().control.inputs("StartStudioSSOConfigurationRepair");
    expect(repairs).toEqual([
      { studioId: studio.id, clientToken: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { studioId: studio.id, clientToken: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(repairs[0].clientToken).not.toBe(repairs[1].clientToken);
    // Nothing else changed, so the update made no UpdateStudio call.
    expect(await calls("UpdateStudio")).toBe(0);
  });

  it("fails the update with the service's status when the repair fails", async () => {
    const studio = await newStudio();
    await endpoint().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await endpoint().control.mutate("nimble:Studio", studio.id, broken);
      const updating = update(studio.id, studio.outs, { ...studio.inputs, repairSsoConfiguration: true });
      // The repair is under way (UPDATE_IN_PROGRESS, which the wait sees first); then the service fails it.
      await endpoint().control.waitFor(
        () => calls("GetStudio"),
        (n) => n >= 1,
      );
      expect(await calls("StartStudioSSOConfigurationRepair")).toBe(1);
      await endpoint().control.mutate("nimble:Studio", studio.id, {
        state: "UPDATE_FAILED",
        statusCode: "AWS_SSO_ACCESS_DENIED",
        statusMessage: "The Identity Center instance denies access",
      });
      await expect(updating).rejects.toThrow(
        /^nimble:Studio .* is UPDATE_FAILED after [\d.]+s: AWS_SSO_ACCESS_DENIED; The Identity Center instance denies access$/,
      );
    } finally {
      await endpoint().control.updateSettings({ transitionMs: 20 });
    }
  });
});

describe("a destroy with dependents being deleted", () => {
  it("waits until the launch profiles being deleted are gone, then deletes the studio", async () => {
    const studio = await newStudio();
    const profile = await newProfile(studio.id, {});
    const profileId = String(profile.outs.launchProfileId);
    await endpoint().control.updateSettings({ transitionMs: 3_600_000 });
    try {
      await endpoint().control.resetCalls();
      const deletingProfile = destroy(profile.id, profile.outs);
      await endpoint().control.waitFor(
        () => calls("DeleteLaunchProfile"),
        (n) => n === 1,
      );
      const deletingStudio = destroy(studio.id, studio.outs);
      // The studio's destroy looks at its launch profiles again while one is DELETE_IN_PROGRESS.
      await endpoint().control.waitFor(
        () => calls("ListLaunchProfiles"),
        (n) => n >= 2,
      );
      expect(await calls("DeleteStudio")).toBe(0);
      await endpoint().control.advance(3_600_000);
      await deletingProfile;
      await endpoint().control.updateSettings({ transitionMs: 20 });
      await endpoint().control.waitFor(
        () => calls("DeleteStudio"),
        (n) => n === 1,
      );
      // Its deletion may have been scheduled at the long pace: bring it due.
      await endpoint().control.advance(3_600_000);
      await deletingStudio;
    } finally {
      await endpoint().control.updateSettings({ transitionMs: 20 });
    }
    expect(await calls("DeleteStudio")).toBe(1);
    expect((await endpoint().control.resource("nimble:LaunchProfile", profileId))?.attributes.state ?? "DELETED").toBe(
      "DELETED",
    );
    expect((await endpoint().control.resource("nimble:Studio", studio.id))?.attributes.state ?? "DELETED").toBe(
      "DELETED",
    );
  });

  it("refuses, naming them as they are, when they are still being deleted at its timeout", async () => {
    const studio = await newStudio({ timeouts: { delete: 0.002 } });
    const profile = await newProfile(studio.id, {});
    const profileId = String(profile.outs.launchProfileId);
    await endpoint().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETE_IN_PROGRESS" });
    await endpoint().control.resetCalls();
    const error = await destroyError(studio.id, { ...studio.outs, timeouts: { delete: 0.002 } });
    expect(error?.message).toMatch(
      new RegExp(
        `still has launch profiles, .*: ${String(profile.inputs.name)} \\(${profileId}, DELETE_IN_PROGRESS\\)\\.`,
      ),
    );
    expect(await calls("DeleteStudio")).toBe(0);
  });

  it("counts only the launch profile's own sessions, and none terminated", async () => {
    const studio = await newStudio();
    const first = await newProfile(studio.id, {});
    const second = await newProfile(studio.id, {});
    const session = async (profile: { outs: Props }) =>
      create(
        await checked("nimble:StreamingSession", {
          studioId: studio.id,
          launchProfileId: String(profile.outs.launchProfileId),
          ownedBy: "artist-kim",
        }),
      );
    const onFirst = await session(first);
    const onSecond = await session(second);
    // A terminated session the service still lists for a while.
    const terminated = await session(second);
    await endpoint().control.mutate("nimble:StreamingSession", String(terminated.outs.sessionId), { state: "DELETED" });

    const error = await destroyError(first.id, first.outs);
    expect(error?.message).toContain(
      `still has streaming sessions, so it cannot be deleted (the service would leave it DELETE_FAILED with LAUNCH_PROFILE_WITH_STREAM_SESSIONS_NOT_DELETED): ${String(onFirst.outs.sessionId)} (READY, owned by artist-kim). `,
    );

    await destroy(onSecond.id, onSecond.outs);
    await endpoint().control.resetCalls();
    await destroy(second.id, second.outs);
    expect(await endpoint().control.inputs("DeleteLaunchProfile")).toEqual([
      expect.objectContaining({ studioId: studio.id, launchProfileId: second.outs.launchProfileId }),
    ]);
  });
});
