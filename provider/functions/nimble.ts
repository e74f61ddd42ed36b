// Nimble Studio functions for programs: session backups (to restore a session from), a launch
// profile's details, and stream URLs for the DCV client.
import * as pulumi from "@pulumi/pulumi";
import type {
  LaunchProfile as LaunchProfileDescription,
  StreamingImage,
  StreamingSessionBackup,
  StreamingSessionStream as SdkStream,
  StudioComponent,
  StudioComponentSummary,
} from "@aws-sdk/client-nimble";
import { WaitError, waitFor } from "../engine/waiter";
import { invoke, invokeAll } from "./invoke";
import { isPreview, unknownOutput } from "./preview";

export type {
  StreamingSessionBackup,
  LaunchProfileDescription,
  StreamingImage,
  StudioComponent,
  StudioComponentSummary,
};

export interface ListStreamingSessionBackupsArgs {
  studioId: string;
  /** Only the backups of sessions this user owns. */
  ownedBy?: string;
  /** Only the backups of this session (filtered here: the service has no such filter). */
  sessionId?: string;
}

/** Every backup in the studio (all pages), oldest first as the service lists them. */
export async function listStreamingSessionBackups(
  args: ListStreamingSessionBackupsArgs,
): Promise<StreamingSessionBackup[]> {
  const request = { studioId: args.studioId, ownedBy: args.ownedBy };
  const backups = await invokeAll<StreamingSessionBackup>(
    "nimble",
    "ListStreamingSessionBackups",
    request,
    "streamingSessionBackups",
  );
  return args.sessionId === undefined ? backups : backups.filter((b) => b.sessionId === args.sessionId);
}

export async function getStreamingSessionBackup(args: {
  studioId: string;
  backupId: string;
}): Promise<StreamingSessionBackup> {
  const response = await invoke("nimble", "GetStreamingSessionBackup", {
    studioId: args.studioId,
    backupId: args.backupId,
  });
  return response.streamingSessionBackup as StreamingSessionBackup;
}

/**
 * The studio's components (shared storage, license servers, ...), all pages: a launch profile names
 * the ones it uses, and this package does not manage them.
 */
export async function listStudioComponents(args: { studioId: string }): Promise<StudioComponent[]> {
  return invokeAll<StudioComponent>("nimble", "ListStudioComponents", { studioId: args.studioId }, "studioComponents");
}

export interface LaunchProfileDetails {
  launchProfile: LaunchProfileDescription;
  /** The streaming images sessions of this profile can use. */
  streamingImages: StreamingImage[];
  /** The studio components the profile uses. */
  studioComponentSummaries: StudioComponentSummary[];
}

export async function getLaunchProfileDetails(args: {
  studioId: string;
  launchProfileId: string;
}): Promise<LaunchProfileDetails> {
  const response = await invoke("nimble", "GetLaunchProfileDetails", {
    studioId: args.studioId,
    launchProfileId: args.launchProfileId,
  });
  return {
    launchProfile: response.launchProfile as LaunchProfileDescription,
    streamingImages: (response.streamingImages as StreamingImage[] | undefined) ?? [],
    studioComponentSummaries: (response.studioComponentSummaries as StudioComponentSummary[] | undefined) ?? [],
  };
}

/**
 * A stream of a streaming session. The URL lets whoever holds it into the workstation, so it is a
 * secret Output: exported or passed on, it stays encrypted in state and masked in logs.
 */
export interface StreamingSessionStream extends Omit<SdkStream, "url"> {
  url: pulumi.Output<string>;
}

export interface CreateStreamingSessionStreamArgs {
  studioId: string;
  sessionId: string;
  /** How long the stream may be connected to, 60 to 3600 seconds (the service's default is 120). */
  expirationInSeconds?: number;
  /** How long to wait for the stream to become READY, in seconds (300 by default). */
  timeoutSeconds?: number;
}

function withSecretUrl(stream: SdkStream): StreamingSessionStream {
  const { url, ...rest } = stream;
  return { ...rest, url: pulumi.secret(url ?? "") };
}

async function readStream(args: { studioId: string; sessionId: string; streamId: string }): Promise<SdkStream> {
  const response = await invoke("nimble", "GetStreamingSessionStream", {
    studioId: args.studioId,
    sessionId: args.sessionId,
    streamId: args.streamId,
  });
  return response.stream as SdkStream;
}

/**
 * Creates a stream for a READY session and waits until it is READY, when its URL exists. Each `up`
 * creates a new stream; streams expire on their own. A preview creates none: it answers with the URL
 * unknown (shown as output<string>) and no other field.
 */
export async function createStreamingSessionStream(
  args: CreateStreamingSessionStreamArgs,
): Promise<StreamingSessionStream> {
  if (isPreview()) return { url: pulumi.secret(unknownOutput<string>()) };
  const created = await invoke("nimble", "CreateStreamingSessionStream", {
    studioId: args.studioId,
    sessionId: args.sessionId,
    expirationInSeconds: args.expirationInSeconds,
  });
  let stream = created.stream as SdkStream;
  const streamId = String(stream.streamId);
  const observeStream = (found: SdkStream) => ({
    gone: false,
    state: found.state,
    statusCode: found.statusCode,
    errors: [],
    outputs: {},
  });
  try {
    await waitFor({
      subject: `the stream ${streamId} of streaming session ${args.sessionId}`,
      pending: ["CREATE_IN_PROGRESS"],
      target: ["READY"],
      failed: ["CREATE_FAILED", "DELETE_IN_PROGRESS", "DELETED", "DELETE_FAILED"],
      timeoutMs: (args.timeoutSeconds ?? 300) * 1000,
      initial: observeStream(stream),
      observe: async () => observeStream((stream = await readStream({ ...args, streamId }))),
    });
  } catch (error) {
    if (!(error instanceof WaitError)) throw error;
    const why = [stream.statusCode, stream.state].filter(Boolean).join(", ");
    throw new Error(`the stream ${streamId} of streaming session ${args.sessionId} did not become READY (${why})`);
  }
  return withSecretUrl(stream);
}

export async function getStreamingSessionStream(args: {
  studioId: string;
  sessionId: string;
  streamId: string;
}): Promise<StreamingSessionStream> {
  return withSecretUrl(await readStream(args));
}
