import type { OperationContext, ResourceRecord } from "../../core/types";
import { queryString, type Json } from "../shared/checks";
import { REMOVE, deletedRetentionMs, schedule } from "../shared/lifecycle";
import { childOf, page, read, requireSettled, requireState, stateOf, studioOf, view, write } from "./access";
import { conflict, validation } from "./errors";
import { profileOf } from "./launch-profiles";
import { CALLER, KIND, arn, now, timestamp } from "./model";
import { allowsStop } from "./stream-config";
import { runningDeadline, stoppedStep, whileRunning, whileStopped } from "./unattended";

export const sessionOf = (ctx: OperationContext, studioId: string, id: string) =>
  childOf(ctx, KIND.session, "Streaming session", studioId, id);

const backupOf = (ctx: OperationContext, studioId: string, id: string) =>
  childOf(ctx, KIND.backup, "Streaming session backup", studioId, id);

function configOf(ctx: OperationContext, session: ResourceRecord): Json {
  const profile = profileOf(ctx, session.parentId!, session.attributes.launchProfileId as string);
  return profile.attributes.streamConfiguration as Json;
}

/**
 * A persistent session keeps its files on an EBS volume of the launch profile's volumeConfiguration.
 * StopStreamingSession with volumeRetentionMode DELETE deletes it (RETAIN, the default, keeps it);
 * the next start attaches a new, empty one.
 */
function attachVolume(ctx: OperationContext, session: ResourceRecord): void {
  if (session.attributes.sessionPersistenceMode !== "ACTIVATED" || ctx.get(KIND.volume, session.id)) return;
  ctx.put({
    kind: KIND.volume,
    id: session.id,
    parentId: session.parentId,
    attributes: {
      sessionId: session.id,
      createdAt: now(ctx),
      ...structuredClone((session.attributes.volumeConfiguration as Json | undefined) ?? {}),
    },
  });
}

function detachVolume(ctx: OperationContext, session: ResourceRecord): void {
  if (ctx.get(KIND.volume, session.id)) ctx.remove(KIND.volume, session.id);
}

function create(ctx: OperationContext, studioId: string, body: Json): ResourceRecord {
  const {
    launchProfileId,
    ec2InstanceType: requestedType,
    ownedBy,
    streamingImageId: requestedImage,
  } = body as Record<string, string | undefined>;
  const tags = body.tags as Record<string, string> | undefined;

  requireState(studioOf(ctx, studioId), "Studio", ["READY"]);
  const profile = profileOf(ctx, studioId, launchProfileId!);
  requireState(profile, "Launch profile", ["READY"]);
  const config = profile.attributes.streamConfiguration as Json;
  const types = config.ec2InstanceTypes as string[];
  const images = config.streamingImageIds as string[];
  if (requestedType && !types.includes(requestedType)) {
    throw validation(`Launch profile ${profile.id} does not allow instance type ${requestedType}.`, {
      ec2InstanceType: requestedType,
    });
  }
  if (requestedImage && !images.includes(requestedImage)) {
    throw validation(`Launch profile ${profile.id} does not allow streaming image ${requestedImage}.`, {
      streamingImageId: requestedImage,
    });
  }

  const sessionId = ctx.nextId("ss-");
  const at = now(ctx);
  const persistent = config.sessionPersistenceMode === "ACTIVATED";
  const backup = config.sessionBackup as Json;
  const session: ResourceRecord = {
    kind: KIND.session,
    id: sessionId,
    parentId: studioId,
    attributes: {
      arn: arn(ctx, `streaming-session/${sessionId}`),
      backupMode: backup.mode,
      ...(backup.maxBackupsToRetain !== undefined ? { maxBackupsToRetain: backup.maxBackupsToRetain } : {}),
      createdAt: at,
      createdBy: CALLER,
      ec2InstanceType: requestedType ?? types[0],
      launchProfileId: profile.id,
      ownedBy: ownedBy ?? CALLER,
      sessionId,
      sessionPersistenceMode: config.sessionPersistenceMode,
      ...(persistent
        ? {
            automaticTerminationMode: config.automaticTerminationMode,
            volumeConfiguration: structuredClone(config.volumeConfiguration),
          }
        : {}),
      state: "CREATE_IN_PROGRESS",
      statusCode: "STREAMING_SESSION_CREATE_IN_PROGRESS",
      statusMessage: "",
      streamingImageId: requestedImage ?? images[0],
      tags: tags ?? {},
      updatedAt: at,
      updatedBy: CALLER,
      ...runningDeadline(ctx, config),
    },
  };
  ctx.put(session);
  attachVolume(ctx, session);
  const failure = ctx.takeCreateFailure(KIND.session);
  schedule(
    ctx,
    session,
    "state",
    failure
      ? [{ to: "CREATE_FAILED", patch: failure }]
      : [
          { to: "READY", patch: { statusCode: "STREAMING_SESSION_READY", statusMessage: "" } },
          ...whileRunning(ctx, config),
        ],
  );
  return session;
}

/**
 * A stopping session with backupMode AUTOMATIC leaves a backup behind; beyond maxBackupsToRetain
 * "the oldest backup is deleted" (seed 000).
 */
function backUp(ctx: OperationContext, session: ResourceRecord): void {
  const backupId = ctx.nextId("bk-");
  const backup: ResourceRecord = {
    kind: KIND.backup,
    id: backupId,
    parentId: session.parentId,
    attributes: {
      arn: arn(ctx, `streaming-session-backup/${backupId}`),
      backupId,
      createdAt: now(ctx),
      launchProfileId: session.attributes.launchProfileId,
      ownedBy: session.attributes.ownedBy,
      sessionId: session.id,
      state: "CREATE_IN_PROGRESS",
      statusCode: "STREAMING_SESSION_CREATE_IN_PROGRESS",
      statusMessage: "",
      tags: structuredClone(session.attributes.tags ?? {}),
    },
  };
  ctx.put(backup);
  schedule(ctx, backup, "state", [
    { to: "READY", patch: { statusCode: "STREAMING_SESSION_READY", statusMessage: "" } },
  ]);
  const limit = session.attributes.maxBackupsToRetain as number | undefined;
  if (limit === undefined) return;
  const backups = ctx
    .list(KIND.backup)
    .filter((b) => b.attributes.sessionId === session.id && b.parentId === session.parentId);
  for (const old of backups.slice(0, Math.max(0, backups.length - limit))) ctx.remove(KIND.backup, old.id);
}

function stop(ctx: OperationContext, session: ResourceRecord, body: Json): void {
  const retention = body.volumeRetentionMode as string | undefined;
  requireState(session, "Streaming session", ["READY"]);
  const config = configOf(ctx, session);
  // Seed 000: with maxStoppedSessionLengthInMinutes 0 "your sessions can't be STOPPED. If you then
  // call StopStreamingSession, the session fails." The call is refused and the session keeps running.
  if (!allowsStop(config)) {
    throw validation(
      `Streaming session ${session.id} cannot be stopped: its launch profile ${session.attributes.launchProfileId as string} does not allow stopped sessions.`,
      { sessionId: session.id, launchProfileId: session.attributes.launchProfileId as string },
    );
  }
  const stoppedAt = ctx.clock.now();
  delete session.attributes.stopAt;
  Object.assign(session.attributes, {
    state: "STOP_IN_PROGRESS",
    statusCode: "STREAMING_SESSION_STOP_IN_PROGRESS",
    statusMessage: "",
    stoppedAt: timestamp(stoppedAt),
    stoppedBy: CALLER,
    updatedAt: timestamp(stoppedAt),
    updatedBy: CALLER,
    volumeRetentionMode: retention ?? "RETAIN",
  });
  schedule(ctx, session, "state", [stoppedStep(config, stoppedAt), ...whileStopped(ctx, config)]);
  if (retention === "DELETE") detachVolume(ctx, session);
  if (session.attributes.backupMode === "AUTOMATIC") backUp(ctx, session);
}

function start(ctx: OperationContext, session: ResourceRecord, body: Json): void {
  const backupId = body.backupId as string | undefined;
  requireState(session, "Streaming session", ["STOPPED"]);
  if (backupId !== undefined) {
    const backup = backupOf(ctx, session.parentId!, backupId);
    if (backup.attributes.sessionId !== session.id) {
      throw validation(
        `Backup ${backupId} belongs to session ${backup.attributes.sessionId as string}, not ${session.id}.`,
        { backupId },
      );
    }
    if (stateOf(backup) !== "READY")
      throw conflict(`Backup ${backupId} is ${stateOf(backup)}, not READY.`, { backupId });
  }
  const config = configOf(ctx, session);
  const at = now(ctx);
  delete session.attributes.terminateAt;
  delete session.attributes.startedFromBackupId;
  Object.assign(session.attributes, {
    state: "START_IN_PROGRESS",
    statusCode: "STREAMING_SESSION_START_IN_PROGRESS",
    statusMessage: "",
    startedAt: at,
    startedBy: CALLER,
    ...(backupId !== undefined ? { startedFromBackupId: backupId } : {}),
    updatedAt: at,
    updatedBy: CALLER,
    ...runningDeadline(ctx, config),
  });
  attachVolume(ctx, session);
  schedule(ctx, session, "state", [
    { to: "READY", patch: { statusCode: "STREAMING_SESSION_STARTED", statusMessage: "" } },
    ...whileRunning(ctx, config),
  ]);
}

function remove(ctx: OperationContext, session: ResourceRecord): void {
  requireSettled(session, "Streaming session");
  Object.assign(session.attributes, {
    state: "DELETE_IN_PROGRESS",
    statusCode: "STREAMING_SESSION_DELETE_IN_PROGRESS",
    statusMessage: "",
    updatedAt: now(ctx),
    updatedBy: CALLER,
  });
  const steps = [
    { to: "DELETED", patch: { statusCode: "STREAMING_SESSION_DELETED", statusMessage: "" } },
    { to: REMOVE, afterMs: deletedRetentionMs(ctx) },
  ];
  schedule(ctx, session, "state", steps);
  detachVolume(ctx, session);
  for (const stream of ctx.list(KIND.stream).filter((s) => s.parentId === session.id))
    ctx.remove(KIND.stream, stream.id);
}

function sessionWrite(name: string, act: (ctx: OperationContext, s: ResourceRecord, body: Json) => void) {
  return write(name, (req, ctx) => {
    const session = sessionOf(ctx, req.params.studioId, req.params.sessionId);
    act(ctx, session, req.body);
    return { body: { session: view(session) } };
  });
}

export const sessionOperations = [
  write("CreateStreamingSession", (req, ctx) => ({
    body: { session: view(create(ctx, req.params.studioId, req.body)) },
  })),

  read("GetStreamingSession", (req, ctx) => ({
    body: { session: view(sessionOf(ctx, req.params.studioId, req.params.sessionId)) },
  })),

  read("ListStreamingSessions", (req, ctx) => {
    const { studioId } = req.params;
    studioOf(ctx, studioId);
    const createdBy = queryString(req.query.createdBy);
    const ownedBy = queryString(req.query.ownedBy);
    // sessionIds is one string on the wire: a comma-separated list.
    const sessionIds = queryString(req.query.sessionIds)
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const sessions = ctx
      .list(KIND.session)
      .filter(
        (s) =>
          s.parentId === studioId &&
          (createdBy === undefined || s.attributes.createdBy === createdBy) &&
          (ownedBy === undefined || s.attributes.ownedBy === ownedBy) &&
          (!sessionIds || sessionIds.includes(s.id)),
      );
    const result = page(
      ctx,
      ["ListStreamingSessions", studioId, createdBy, ownedBy, sessionIds],
      sessions,
      req.query.nextToken,
    );
    return { body: { sessions: result.items, nextToken: result.nextToken } };
  }),

  sessionWrite("StopStreamingSession", stop),
  sessionWrite("StartStreamingSession", start),
  sessionWrite("DeleteStreamingSession", remove),

  read("GetStreamingSessionBackup", (req, ctx) => ({
    body: { streamingSessionBackup: view(backupOf(ctx, req.params.studioId, req.params.backupId)) },
  })),

  read("ListStreamingSessionBackups", (req, ctx) => {
    const { studioId } = req.params;
    studioOf(ctx, studioId);
    const ownedBy = queryString(req.query.ownedBy);
    const backups = ctx
      .list(KIND.backup)
      .filter((b) => b.parentId === studioId && (ownedBy === undefined || b.attributes.ownedBy === ownedBy));
    const result = page(ctx, ["ListStreamingSessionBackups", studioId, ownedBy], backups, req.query.nextToken);
    return { body: { streamingSessionBackups: result.items, nextToken: result.nextToken } };
  }),
];
