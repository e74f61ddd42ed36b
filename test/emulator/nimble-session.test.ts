import {
  ConflictException,
  CreateStreamingSessionCommand,
  CreateStreamingSessionStreamCommand,
  DeleteStreamingSessionCommand,
  GetStreamingSessionBackupCommand,
  GetStreamingSessionCommand,
  GetStreamingSessionStreamCommand,
  ListStreamingSessionBackupsCommand,
  ListStreamingSessionsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  StartStreamingSessionCommand,
  StopStreamingSessionCommand,
  ValidationException,
} from "@aws-sdk/client-nimble";
import { beforeAll, describe, expect, it } from "vitest";
import { nimbleService } from "../../emulator/services/nimble";
import { rejection, useEmulator } from "./fixture";
import { readyProfile, readySession, readyStudio, stoppableConfig, streamConfig } from "./nimble-fixture";

const h = useEmulator([nimbleService]);
const nimble = () => h.clients.nimble;

let studioId: string;
/** Non-persistent: sessions cannot be stopped. */
let plainProfile: string;
/** Persistent, stoppable, AUTOMATIC backups keeping at most 2. */
let stoppableProfile: string;

beforeAll(async () => {
  studioId = await readyStudio(h);
  plainProfile = await readyProfile(h, studioId);
  stoppableProfile = await readyProfile(h, studioId, (image) => stoppableConfig(image));
});

const get = async (sessionId: string) =>
  (await nimble().send(new GetStreamingSessionCommand({ studioId, sessionId }))).session!;

async function stopped(sessionId: string, volumeRetentionMode?: "RETAIN" | "DELETE") {
  await nimble().send(new StopStreamingSessionCommand({ studioId, sessionId, volumeRetentionMode }));
  h.advance();
  expect((await get(sessionId)).state).toBe("STOPPED");
}

async function started(sessionId: string, backupId?: string) {
  await nimble().send(new StartStreamingSessionCommand({ studioId, sessionId, backupId }));
  h.advance();
  expect((await get(sessionId)).state).toBe("READY");
}

describe("Nimble streaming sessions over the SDK", () => {
  it("creates CREATE_IN_PROGRESS then READY, inheriting the launch profile's settings", async () => {
    const { session } = await nimble().send(
      new CreateStreamingSessionCommand({
        studioId,
        launchProfileId: stoppableProfile,
        ownedBy: "artist-7",
        ec2InstanceType: "g4dn.2xlarge",
        tags: { shot: "010" },
      }),
    );
    expect(session).toMatchObject({
      state: "CREATE_IN_PROGRESS",
      statusCode: "STREAMING_SESSION_CREATE_IN_PROGRESS",
      launchProfileId: stoppableProfile,
      ownedBy: "artist-7",
      ec2InstanceType: "g4dn.2xlarge",
      sessionPersistenceMode: "ACTIVATED",
      automaticTerminationMode: "ACTIVATED",
      backupMode: "AUTOMATIC",
      maxBackupsToRetain: 2,
      volumeConfiguration: { size: 300, iops: 3000, throughput: 125 },
      tags: { shot: "010" },
    });
    expect(session!.createdAt).toBeInstanceOf(Date);
    expect(session!.stopAt).toBeInstanceOf(Date);
    expect(session!.streamingImageId).toBeTruthy();
    h.advance();
    expect(await get(session!.sessionId!)).toMatchObject({ state: "READY", statusCode: "STREAMING_SESSION_READY" });
    const tags = await nimble().send(new ListTagsForResourceCommand({ resourceArn: session!.arn }));
    expect(tags.tags).toEqual({ shot: "010" });
  });

  it("refuses an instance type or image the launch profile does not offer, and an unknown profile", async () => {
    const type = await rejection(() =>
      nimble().send(
        new CreateStreamingSessionCommand({ studioId, launchProfileId: plainProfile, ec2InstanceType: "g5.16xlarge" }),
      ),
    );
    expect(type).toBeInstanceOf(ValidationException);
    const image = await rejection(() =>
      nimble().send(
        new CreateStreamingSessionCommand({
          studioId,
          launchProfileId: plainProfile,
          streamingImageId: "streamingimage-other",
        }),
      ),
    );
    expect(image).toBeInstanceOf(ValidationException);
    const badEnum = await rejection(() =>
      nimble().send(
        new CreateStreamingSessionCommand({
          studioId,
          launchProfileId: plainProfile,
          ec2InstanceType: "m5.large" as never,
        }),
      ),
    );
    expect(badEnum).toBeInstanceOf(ValidationException);
    const missing = await rejection(() => nimble().send(new CreateStreamingSessionCommand({ studioId } as never)));
    expect(missing).toBeInstanceOf(ValidationException);
    expect(missing.context).toHaveProperty("launchProfileId");
    const unknown = await rejection(() =>
      nimble().send(new CreateStreamingSessionCommand({ studioId, launchProfileId: "lp-nope" })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });

  it("replays a reused client token and refuses it with different parameters", async () => {
    const first = await nimble().send(
      new CreateStreamingSessionCommand({ studioId, launchProfileId: plainProfile, clientToken: "session-tok" }),
    );
    const again = await nimble().send(
      new CreateStreamingSessionCommand({ studioId, launchProfileId: plainProfile, clientToken: "session-tok" }),
    );
    expect(again.session!.sessionId).toBe(first.session!.sessionId);
    const other = await rejection(() =>
      nimble().send(
        new CreateStreamingSessionCommand({ studioId, launchProfileId: stoppableProfile, clientToken: "session-tok" }),
      ),
    );
    expect(other).toBeInstanceOf(ValidationException);
  });

  it("refuses to stop a session whose launch profile does not allow stopped sessions", async () => {
    const sessionId = await readySession(h, studioId, plainProfile);
    const err = await rejection(() => nimble().send(new StopStreamingSessionCommand({ studioId, sessionId })));
    expect(err).toBeInstanceOf(ValidationException);
    expect((await get(sessionId)).state).toBe("READY");

    const zeroProfile = await readyProfile(h, studioId, (image) =>
      stoppableConfig(image, { maxStoppedSessionLengthInMinutes: 0 }),
    );
    const zeroSession = await readySession(h, studioId, zeroProfile);
    expect(
      await rejection(() => nimble().send(new StopStreamingSessionCommand({ studioId, sessionId: zeroSession }))),
    ).toBeInstanceOf(ValidationException);
  });

  it("stops persistent sessions without automatic termination, which may stay stopped indefinitely", async () => {
    const profile = await readyProfile(h, studioId, (image) =>
      streamConfig(image, { sessionPersistenceMode: "ACTIVATED" }),
    );
    const sessionId = await readySession(h, studioId, profile);
    await stopped(sessionId);
    expect((await get(sessionId)).terminateAt).toBeUndefined();
  });

  it("stops through STOP_IN_PROGRESS, backs up, and starts from the backup through START_IN_PROGRESS", async () => {
    const sessionId = await readySession(h, studioId, stoppableProfile);
    const stop = await nimble().send(
      new StopStreamingSessionCommand({ studioId, sessionId, volumeRetentionMode: "DELETE" }),
    );
    expect(stop.session).toMatchObject({
      state: "STOP_IN_PROGRESS",
      statusCode: "STREAMING_SESSION_STOP_IN_PROGRESS",
      volumeRetentionMode: "DELETE",
    });
    expect(stop.session!.stoppedAt).toBeInstanceOf(Date);

    const backups = await nimble().send(new ListStreamingSessionBackupsCommand({ studioId }));
    const backup = backups.streamingSessionBackups!.find((b) => b.sessionId === sessionId)!;
    expect(backup).toMatchObject({
      state: "CREATE_IN_PROGRESS",
      launchProfileId: stoppableProfile,
      ownedBy: "artist-1",
    });
    expect(backup.createdAt).toBeInstanceOf(Date);

    h.advance();
    const after = await get(sessionId);
    expect(after).toMatchObject({ state: "STOPPED", statusCode: "STREAMING_SESSION_STOPPED" });
    // automaticTerminationMode ACTIVATED: terminated maxStoppedSessionLengthInMinutes after stopping.
    expect(after.terminateAt!.getTime() - after.stoppedAt!.getTime()).toBe(1440 * 60_000);
    const ready = await nimble().send(new GetStreamingSessionBackupCommand({ studioId, backupId: backup.backupId }));
    expect(ready.streamingSessionBackup).toMatchObject({ backupId: backup.backupId, state: "READY", sessionId });

    const start = await nimble().send(
      new StartStreamingSessionCommand({ studioId, sessionId, backupId: backup.backupId }),
    );
    expect(start.session).toMatchObject({
      state: "START_IN_PROGRESS",
      statusCode: "STREAMING_SESSION_START_IN_PROGRESS",
      startedFromBackupId: backup.backupId,
    });
    expect(start.session!.startedAt).toBeInstanceOf(Date);
    h.advance();
    expect(await get(sessionId)).toMatchObject({ state: "READY", statusCode: "STREAMING_SESSION_STARTED" });
  });

  it("keeps at most maxBackupsToRetain backups per session, dropping the oldest", async () => {
    const sessionId = await readySession(h, studioId, stoppableProfile);
    const backupsOf = async () =>
      (await nimble().send(new ListStreamingSessionBackupsCommand({ studioId, ownedBy: "artist-1" })))
        .streamingSessionBackups!.filter((b) => b.sessionId === sessionId)
        .map((b) => b.backupId!);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      await stopped(sessionId);
      made.push(...(await backupsOf()).filter((id) => !made.includes(id)));
      await started(sessionId);
    }
    expect(made).toHaveLength(3);
    expect(await backupsOf()).toEqual(made.slice(1));
  });

  it("refuses start and stop from the wrong state, and a backup of another session", async () => {
    const a = await readySession(h, studioId, stoppableProfile);
    const b = await readySession(h, studioId, stoppableProfile);
    expect(
      await rejection(() => nimble().send(new StartStreamingSessionCommand({ studioId, sessionId: a }))),
    ).toBeInstanceOf(ConflictException);
    await stopped(a);
    expect(
      await rejection(() => nimble().send(new StopStreamingSessionCommand({ studioId, sessionId: a }))),
    ).toBeInstanceOf(ConflictException);
    const badMode = await rejection(() =>
      nimble().send(new StopStreamingSessionCommand({ studioId, sessionId: b, volumeRetentionMode: "KEEP" as never })),
    );
    expect(badMode).toBeInstanceOf(ValidationException);
    await stopped(b);
    const backupOfA = (
      await nimble().send(new ListStreamingSessionBackupsCommand({ studioId }))
    ).streamingSessionBackups!.find((x) => x.sessionId === a)!;
    const foreign = await rejection(() =>
      nimble().send(new StartStreamingSessionCommand({ studioId, sessionId: b, backupId: backupOfA.backupId })),
    );
    expect(foreign).toBeInstanceOf(ValidationException);
    const unknown = await rejection(() =>
      nimble().send(new GetStreamingSessionBackupCommand({ studioId, backupId: "bk-nope" })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });

  it("creates a stream CREATE_IN_PROGRESS that becomes READY with a url, only on a READY session", async () => {
    const sessionId = await readySession(h, studioId, stoppableProfile);
    const { stream } = await nimble().send(
      new CreateStreamingSessionStreamCommand({ studioId, sessionId, expirationInSeconds: 600 }),
    );
    expect(stream).toMatchObject({
      state: "CREATE_IN_PROGRESS",
      statusCode: "STREAM_CREATE_IN_PROGRESS",
      ownedBy: "artist-1",
    });
    expect(stream!.url).toBeUndefined();
    expect(stream!.expiresAt!.getTime() - stream!.createdAt!.getTime()).toBe(600_000);
    h.advance();
    const got = await nimble().send(
      new GetStreamingSessionStreamCommand({ studioId, sessionId, streamId: stream!.streamId }),
    );
    expect(got.stream).toMatchObject({ state: "READY", statusCode: "STREAM_READY", streamId: stream!.streamId });
    expect(got.stream!.url).toMatch(/^https:\/\//);

    const tooLong = await rejection(() =>
      nimble().send(new CreateStreamingSessionStreamCommand({ studioId, sessionId, expirationInSeconds: 3601 })),
    );
    expect(tooLong).toBeInstanceOf(ValidationException);
    await stopped(sessionId);
    expect(
      await rejection(() => nimble().send(new CreateStreamingSessionStreamCommand({ studioId, sessionId }))),
    ).toBeInstanceOf(ConflictException);
    const unknown = await rejection(() =>
      nimble().send(new GetStreamingSessionStreamCommand({ studioId, sessionId, streamId: "str-nope" })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });

  it("deletes through DELETE_IN_PROGRESS to DELETED", async () => {
    const sessionId = await readySession(h, studioId, plainProfile);
    const { session } = await nimble().send(new DeleteStreamingSessionCommand({ studioId, sessionId }));
    expect(session).toMatchObject({ state: "DELETE_IN_PROGRESS", statusCode: "STREAMING_SESSION_DELETE_IN_PROGRESS" });
    h.advance();
    expect(await get(sessionId)).toMatchObject({ state: "DELETED", statusCode: "STREAMING_SESSION_DELETED" });
    h.advance(20);
    expect(await rejection(() => get(sessionId))).toBeInstanceOf(ResourceNotFoundException);
  });

  it("lists sessions filtered by owner and ids, refusing an unknown token", async () => {
    const a = await readySession(h, studioId, plainProfile);
    const b = await readySession(h, studioId, plainProfile);
    const byIds = await nimble().send(new ListStreamingSessionsCommand({ studioId, sessionIds: `${a},${b}` }));
    expect(byIds.sessions!.map((s) => s.sessionId).sort()).toEqual([a, b].sort());
    const byOwner = await nimble().send(new ListStreamingSessionsCommand({ studioId, ownedBy: "nobody" }));
    expect(byOwner.sessions).toEqual([]);
    const stale = await rejection(() =>
      nimble().send(new ListStreamingSessionsCommand({ studioId, nextToken: "expired" })),
    );
    expect(stale).toBeInstanceOf(ValidationException);
    const staleBackups = await rejection(() =>
      nimble().send(new ListStreamingSessionBackupsCommand({ studioId, nextToken: "expired" })),
    );
    expect(staleBackups).toBeInstanceOf(ValidationException);
  });

  it("stays in a transitional state while the control API holds it stuck", async () => {
    const { session } = await nimble().send(
      new CreateStreamingSessionCommand({ studioId, launchProfileId: plainProfile }),
    );
    await h.emulator.control.stuck("nimble:StreamingSession", session!.sessionId!);
    h.advance(5);
    expect((await get(session!.sessionId!)).state).toBe("CREATE_IN_PROGRESS");
    await h.emulator.control.release("nimble:StreamingSession", session!.sessionId!);
    expect((await get(session!.sessionId!)).state).toBe("READY");
  });

  describe("sessions left alone (seed 000)", () => {
    const MINUTE = 60_000;

    it("terminates a session that cannot be stopped once maxSessionLengthInMinutes has passed", async () => {
      const sessionId = await readySession(h, studioId, plainProfile);
      const { terminateAt, createdAt } = await get(sessionId);
      expect(terminateAt!.getTime() - createdAt!.getTime()).toBe(690 * MINUTE);
      h.clock.set(terminateAt!.getTime() - 1);
      expect((await get(sessionId)).state).toBe("READY");
      h.clock.set(terminateAt!.getTime());
      expect(await get(sessionId)).toMatchObject({
        state: "DELETE_IN_PROGRESS",
        statusCode: "STREAMING_SESSION_DELETE_IN_PROGRESS",
      });
      h.advance();
      expect((await get(sessionId)).state).toBe("DELETED");
    });

    it("stops a stoppable session at stopAt, then terminates it maxStoppedSessionLengthInMinutes later", async () => {
      const sessionId = await readySession(h, studioId, stoppableProfile);
      const { stopAt } = await get(sessionId);
      h.clock.set(stopAt!.getTime());
      const stopping = await get(sessionId);
      expect(stopping).toMatchObject({ state: "STOP_IN_PROGRESS", volumeRetentionMode: "RETAIN" });
      expect(stopping.stoppedAt!.getTime()).toBe(stopAt!.getTime());
      h.advance();
      const stoppedSession = await get(sessionId);
      expect(stoppedSession.state).toBe("STOPPED");
      expect(stoppedSession.terminateAt!.getTime()).toBe(stopAt!.getTime() + 1440 * MINUTE);
      h.clock.set(stoppedSession.terminateAt!.getTime());
      expect((await get(sessionId)).state).toBe("DELETE_IN_PROGRESS");
    });

    it("forgets the schedule when the user stops the session first", async () => {
      const sessionId = await readySession(h, studioId, stoppableProfile);
      const { stopAt } = await get(sessionId);
      await stopped(sessionId);
      await started(sessionId);
      const restarted = await get(sessionId);
      expect(restarted.stopAt!.getTime()).toBeGreaterThan(stopAt!.getTime());
      h.clock.set(stopAt!.getTime());
      expect((await get(sessionId)).state).toBe("READY");
    });
  });
});
