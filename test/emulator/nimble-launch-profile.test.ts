import {
  ConflictException,
  CreateLaunchProfileCommand,
  CreateStreamingSessionCommand,
  DeleteLaunchProfileCommand,
  DeleteStreamingSessionCommand,
  GetLaunchProfileCommand,
  GetLaunchProfileDetailsCommand,
  ListLaunchProfilesCommand,
  ResourceNotFoundException,
  UpdateLaunchProfileCommand,
  ValidationException,
  type StreamConfigurationCreate,
} from "@aws-sdk/client-nimble";
import { beforeAll, describe, expect, it } from "vitest";
import { nimbleService } from "../../emulator/services/nimble";
import { rejection, useEmulator } from "./fixture";
import {
  catalog,
  profileInput,
  readyProfile,
  readySession,
  readyStudio,
  stoppableConfig,
  streamConfig,
} from "./nimble-fixture";

const h = useEmulator([nimbleService]);
const nimble = () => h.clients.nimble;

let studioId: string;
let imageId: string;
let componentId: string;

beforeAll(async () => {
  studioId = await readyStudio(h);
  ({ imageId, componentId } = await catalog(h, studioId));
});

const create = (config: StreamConfigurationCreate) =>
  nimble().send(new CreateLaunchProfileCommand(profileInput(studioId, componentId, config)));

/** The ValidationException a stream configuration earns, with the member its context names. */
async function refused(config: StreamConfigurationCreate, member: string) {
  const err = await rejection(() => create(config));
  expect(err).toBeInstanceOf(ValidationException);
  // A list member's problem is named down to the item: "streamConfiguration.ec2InstanceTypes[0]".
  const path = `streamConfiguration.${member}`;
  expect(Object.keys(err.context as object).some((k) => k === path || k.startsWith(`${path}[`))).toBe(true);
  return err;
}

describe("Nimble launch profiles over the SDK", () => {
  it("creates CREATE_IN_PROGRESS then READY, echoing the configuration with its documented defaults", async () => {
    const { launchProfile } = await create(streamConfig(imageId));
    expect(launchProfile).toMatchObject({
      state: "CREATE_IN_PROGRESS",
      statusCode: "LAUNCH_PROFILE_CREATE_IN_PROGRESS",
      name: "artists",
      ec2SubnetIds: ["subnet-0123456789abcdef0"],
      launchProfileProtocolVersions: ["2021-03-31"],
      studioComponentIds: [componentId],
      streamConfiguration: {
        clipboardMode: "ENABLED",
        maxSessionLengthInMinutes: 690,
        sessionPersistenceMode: "DEACTIVATED",
        sessionBackup: { mode: "DEACTIVATED" },
        streamingImageIds: [imageId],
      },
    });
    // Persistence members appear only when persistence is ACTIVATED.
    expect(launchProfile!.streamConfiguration).not.toHaveProperty("automaticTerminationMode");
    expect(launchProfile!.streamConfiguration).not.toHaveProperty("volumeConfiguration");
    expect(launchProfile!.createdAt).toBeInstanceOf(Date);
    expect(launchProfile!.arn).toContain(`launch-profile/${launchProfile!.launchProfileId}`);

    h.advance();
    const got = await nimble().send(
      new GetLaunchProfileCommand({ studioId, launchProfileId: launchProfile!.launchProfileId }),
    );
    expect(got.launchProfile).toMatchObject({ state: "READY", statusCode: "LAUNCH_PROFILE_CREATED" });
    expect(got.launchProfile!.validationResults!.every((r) => r.state === "VALIDATION_SUCCESS")).toBe(true);
  });

  it("fills the persistence defaults when sessionPersistenceMode is ACTIVATED", async () => {
    const { launchProfile } = await create(
      streamConfig(imageId, { sessionPersistenceMode: "ACTIVATED", volumeConfiguration: { size: 200 } }),
    );
    expect(launchProfile!.streamConfiguration).toMatchObject({
      sessionPersistenceMode: "ACTIVATED",
      automaticTerminationMode: "DEACTIVATED",
      volumeConfiguration: { size: 200, iops: 3000, throughput: 125 },
    });
    expect(launchProfile!.streamConfiguration).not.toHaveProperty("maxStoppedSessionLengthInMinutes");
  });

  describe("sessionPersistenceMode rules (seed 000)", () => {
    it("refuses automaticTerminationMode without persistence", async () => {
      await refused(streamConfig(imageId, { automaticTerminationMode: "ACTIVATED" }), "automaticTerminationMode");
    });
    it("refuses volumeConfiguration without persistence", async () => {
      await refused(
        streamConfig(imageId, { sessionPersistenceMode: "DEACTIVATED", volumeConfiguration: { size: 500 } }),
        "volumeConfiguration",
      );
    });
    it("refuses maxStoppedSessionLengthInMinutes without persistence", async () => {
      await refused(
        streamConfig(imageId, { maxStoppedSessionLengthInMinutes: 60 }),
        "maxStoppedSessionLengthInMinutes",
      );
    });
    it("refuses maxStoppedSessionLengthInMinutes when automatic termination is DEACTIVATED", async () => {
      await refused(
        streamConfig(imageId, {
          sessionPersistenceMode: "ACTIVATED",
          automaticTerminationMode: "DEACTIVATED",
          maxStoppedSessionLengthInMinutes: 60,
        }),
        "maxStoppedSessionLengthInMinutes",
      );
    });
    it("bounds maxStoppedSessionLengthInMinutes to 0..5760 and maxSessionLengthInMinutes to 30 days", async () => {
      await refused(
        stoppableConfig(imageId, { maxStoppedSessionLengthInMinutes: 5761 }),
        "maxStoppedSessionLengthInMinutes",
      );
      await refused(
        stoppableConfig(imageId, { maxStoppedSessionLengthInMinutes: -1 }),
        "maxStoppedSessionLengthInMinutes",
      );
      await refused(streamConfig(imageId, { maxSessionLengthInMinutes: 0 }), "maxSessionLengthInMinutes");
      await refused(streamConfig(imageId, { maxSessionLengthInMinutes: 43201 }), "maxSessionLengthInMinutes");
      const ok = await create(stoppableConfig(imageId, { maxStoppedSessionLengthInMinutes: 5760 }));
      expect(ok.launchProfile!.streamConfiguration!.maxStoppedSessionLengthInMinutes).toBe(5760);
    });
    it("reports every violated rule at once", async () => {
      const err = await refused(
        streamConfig(imageId, {
          automaticTerminationMode: "ACTIVATED",
          volumeConfiguration: { size: 100 },
          maxStoppedSessionLengthInMinutes: 5,
        }),
        "automaticTerminationMode",
      );
      expect(Object.keys(err.context as object)).toEqual(
        expect.arrayContaining([
          "streamConfiguration.volumeConfiguration",
          "streamConfiguration.maxStoppedSessionLengthInMinutes",
        ]),
      );
    });
  });

  it("refuses bad enums, missing required members and the wrong protocol version", async () => {
    await refused(streamConfig(imageId, { clipboardMode: "SOMETIMES" as never }), "clipboardMode");
    await refused(streamConfig(imageId, { ec2InstanceTypes: ["t2.micro" as never] }), "ec2InstanceTypes");
    await refused(streamConfig(imageId, { sessionPersistenceMode: "MAYBE" as never }), "sessionPersistenceMode");
    await refused({ ...streamConfig(imageId), clipboardMode: undefined }, "clipboardMode");
    await refused(stoppableConfig(imageId, { volumeConfiguration: { size: 50 } }), "volumeConfiguration.size");
    await refused(
      stoppableConfig(imageId, { sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 11 } }),
      "sessionBackup.maxBackupsToRetain",
    );
    await refused(streamConfig(imageId, { sessionStorage: { mode: ["DOWNLOAD" as never] } }), "sessionStorage.mode");

    const noConfig = await rejection(() =>
      nimble().send(
        new CreateLaunchProfileCommand({
          ...profileInput(studioId, componentId, streamConfig(imageId)),
          streamConfiguration: undefined,
        }),
      ),
    );
    expect(noConfig).toBeInstanceOf(ValidationException);
    expect(noConfig.context).toHaveProperty("streamConfiguration");

    const oldProtocol = await rejection(() =>
      nimble().send(
        new CreateLaunchProfileCommand({
          ...profileInput(studioId, componentId, streamConfig(imageId)),
          launchProfileProtocolVersions: ["2020-01-01"],
        }),
      ),
    );
    expect(oldProtocol).toBeInstanceOf(ValidationException);

    const strangerComponent = await rejection(() =>
      nimble().send(new CreateLaunchProfileCommand({ ...profileInput(studioId, "sc-nope", streamConfig(imageId)) })),
    );
    expect(strangerComponent).toBeInstanceOf(ValidationException);
  });

  it("ends CREATE_FAILED with STREAMING_IMAGE_NOT_FOUND for an image the studio does not have", async () => {
    const { launchProfile } = await create(streamConfig("streamingimage-missing"));
    h.advance();
    const got = await nimble().send(
      new GetLaunchProfileCommand({ studioId, launchProfileId: launchProfile!.launchProfileId }),
    );
    expect(got.launchProfile).toMatchObject({ state: "CREATE_FAILED", statusCode: "STREAMING_IMAGE_NOT_FOUND" });
  });

  it("returns the details: profile, its streaming images and component summaries", async () => {
    const launchProfileId = await readyProfile(h, studioId);
    const details = await nimble().send(new GetLaunchProfileDetailsCommand({ studioId, launchProfileId }));
    expect(details.launchProfile!.launchProfileId).toBe(launchProfileId);
    expect(details.streamingImages!.map((i) => i.streamingImageId)).toEqual([imageId]);
    expect(details.studioComponentSummaries).toHaveLength(1);
    expect(details.studioComponentSummaries![0]).toMatchObject({
      studioComponentId: componentId,
      type: "SHARED_FILE_SYSTEM",
    });
    expect(details.studioComponentSummaries![0].createdAt).toBeInstanceOf(Date);
  });

  it("pages with maxResults and refuses stale, foreign and filter-changed tokens", async () => {
    const pagedStudio = await readyStudio(h);
    for (let i = 0; i < 3; i++) await readyProfile(h, pagedStudio);
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const out = await nimble().send(
        new ListLaunchProfilesCommand({ studioId: pagedStudio, maxResults: 1, nextToken }),
      );
      seen.push(...out.launchProfiles!.map((p) => p.launchProfileId!));
      nextToken = out.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(3);

    const first = await nimble().send(new ListLaunchProfilesCommand({ studioId: pagedStudio, maxResults: 1 }));
    const foreign = await rejection(() =>
      nimble().send(new ListLaunchProfilesCommand({ studioId, maxResults: 1, nextToken: first.nextToken })),
    );
    expect(foreign).toBeInstanceOf(ValidationException);
    const filtered = await rejection(() =>
      nimble().send(
        new ListLaunchProfilesCommand({ studioId: pagedStudio, states: ["READY"], nextToken: first.nextToken }),
      ),
    );
    expect(filtered).toBeInstanceOf(ValidationException);
    const unknown = await rejection(() =>
      nimble().send(new ListLaunchProfilesCommand({ studioId: pagedStudio, nextToken: "stale" })),
    );
    expect(unknown).toBeInstanceOf(ValidationException);
    const badMax = await rejection(() =>
      nimble().send(new ListLaunchProfilesCommand({ studioId: pagedStudio, maxResults: 0 })),
    );
    expect(badMax).toBeInstanceOf(ValidationException);

    const ready = await nimble().send(
      new ListLaunchProfilesCommand({ studioId: pagedStudio, states: ["CREATE_IN_PROGRESS"] }),
    );
    expect(ready.launchProfiles).toEqual([]);
  });

  it("updates through UPDATE_IN_PROGRESS, validating the new configuration", async () => {
    const launchProfileId = await readyProfile(h, studioId);
    const bad = await rejection(() =>
      nimble().send(
        new UpdateLaunchProfileCommand({
          studioId,
          launchProfileId,
          streamConfiguration: streamConfig(imageId, { automaticTerminationMode: "ACTIVATED" }),
        }),
      ),
    );
    expect(bad).toBeInstanceOf(ValidationException);

    const { launchProfile } = await nimble().send(
      new UpdateLaunchProfileCommand({
        studioId,
        launchProfileId,
        name: "renamed",
        streamConfiguration: stoppableConfig(imageId),
      }),
    );
    expect(launchProfile).toMatchObject({
      state: "UPDATE_IN_PROGRESS",
      statusCode: "LAUNCH_PROFILE_UPDATE_IN_PROGRESS",
      name: "renamed",
    });
    const busy = await rejection(() =>
      nimble().send(new UpdateLaunchProfileCommand({ studioId, launchProfileId, name: "again" })),
    );
    expect(busy).toBeInstanceOf(ConflictException);
    h.advance();
    const got = await nimble().send(new GetLaunchProfileCommand({ studioId, launchProfileId }));
    expect(got.launchProfile).toMatchObject({
      state: "READY",
      statusCode: "LAUNCH_PROFILE_UPDATED",
      streamConfiguration: { sessionPersistenceMode: "ACTIVATED", maxStoppedSessionLengthInMinutes: 1440 },
    });
  });

  it("ends DELETE_FAILED while sessions remain, and deletes once they are gone", async () => {
    const launchProfileId = await readyProfile(h, studioId);
    const sessionId = await readySession(h, studioId, launchProfileId);
    const first = await nimble().send(new DeleteLaunchProfileCommand({ studioId, launchProfileId }));
    expect(first.launchProfile).toMatchObject({
      state: "DELETE_IN_PROGRESS",
      statusCode: "LAUNCH_PROFILE_DELETE_IN_PROGRESS",
    });
    h.advance();
    const blocked = await nimble().send(new GetLaunchProfileCommand({ studioId, launchProfileId }));
    expect(blocked.launchProfile).toMatchObject({
      state: "DELETE_FAILED",
      statusCode: "LAUNCH_PROFILE_WITH_STREAM_SESSIONS_NOT_DELETED",
    });

    await nimble().send(new DeleteStreamingSessionCommand({ studioId, sessionId }));
    h.advance();
    await nimble().send(new DeleteLaunchProfileCommand({ studioId, launchProfileId }));
    h.advance();
    const deleted = await nimble().send(new GetLaunchProfileCommand({ studioId, launchProfileId }));
    expect(deleted.launchProfile).toMatchObject({ state: "DELETED", statusCode: "LAUNCH_PROFILE_DELETED" });
    const again = await rejection(() => nimble().send(new DeleteLaunchProfileCommand({ studioId, launchProfileId })));
    expect(again).toBeInstanceOf(ResourceNotFoundException);
    const session = await rejection(() =>
      nimble().send(new CreateStreamingSessionCommand({ studioId, launchProfileId })),
    );
    expect(session).toBeInstanceOf(ResourceNotFoundException);
  });
});
