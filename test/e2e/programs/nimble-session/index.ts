import * as pulumi from "@pulumi/pulumi";
import { nimble } from "pulumi-aws-euc";

const config = new pulumi.Config();

function oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
  const value = config.get(key);
  if (value !== undefined && !(values as readonly string[]).includes(value))
    throw new Error(`config ${key} must be one of ${values.join(", ")}`);
  return value as T | undefined;
}

// "studioId/launchProfileId" of a profile another stack owns: this stack then holds only a session.
const existing = config.get("launchProfile");

function studioAndProfile(): { studioId: pulumi.Input<string>; launchProfileId: pulumi.Input<string> } {
  if (existing) {
    const [studioId, launchProfileId] = existing.split("/");
    return { studioId, launchProfileId };
  }
  const studio = new nimble.Studio("studio", {
    displayName: "Session studio",
    adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
    userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
  });
  const components = studio.studioId.apply(async (studioId) =>
    (await nimble.listStudioComponents({ studioId })).map((c) => c.studioComponentId ?? ""),
  );
  const profile = new nimble.LaunchProfile("artists", {
    studioId: studio.studioId,
    description: config.get("profileDescription") ?? "Lighting artists",
    ec2SubnetIds: [config.get("subnet") ?? "subnet-0a1b2c3d4e5f60001"],
    studioComponentIds: components,
    streamConfiguration: {
      clipboardMode: "ENABLED",
      ec2InstanceTypes: ["g4dn.xlarge", "g4dn.2xlarge"],
      streamingImageIds: ["al2-workstation"],
      maxSessionLengthInMinutes: config.getNumber("maxSessionMinutes") ?? 480,
      sessionPersistenceMode: "ACTIVATED",
      volumeConfiguration: { size: 600 },
      sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 2 },
      // Tests add what a rule forbids here, to see the preview refuse it.
      ...(config.getObject<Record<string, unknown>>("streamExtra") ?? {}),
    },
  });
  return { studioId: studio.studioId, launchProfileId: profile.launchProfileId };
}

const { studioId, launchProfileId } = studioAndProfile();

const session = new nimble.StreamingSession("workstation", {
  studioId,
  launchProfileId,
  ec2InstanceType: "g4dn.xlarge",
  ownedBy: "artist-1",
  desiredState: oneOf("sessionState", ["READY", "STOPPED"] as const),
  backupId: config.get("backupId"),
  volumeRetentionMode: oneOf("volumeRetentionMode", ["RETAIN", "DELETE"] as const),
  deleteBehaviour: oneOf("deleteBehaviour", ["TERMINATE", "STOP_RETAIN_VOLUME", "STOP_DELETE_VOLUME"] as const),
  tags: { round: config.get("round") ?? "1" },
});

export const sessionStudioId = session.studioId;
export const sessionLaunchProfileId = session.launchProfileId;
export const sessionId = session.sessionId;
export const sessionState = session.state;
export const startedFromBackupId = session.startedFromBackupId;
// The backups a stop left, newest last: what a program would restore from.
export const backupIds = pulumi
  .all([session.studioId, session.sessionId])
  .apply(async ([studio, id]) =>
    (await nimble.listStreamingSessionBackups({ studioId: studio, sessionId: id })).map((b) => b.backupId ?? ""),
  );
export const streamUrl = config.getBoolean("stream")
  ? pulumi
      .all([session.studioId, session.sessionId])
      .apply(
        async ([studio, id]) => (await nimble.createStreamingSessionStream({ studioId: studio, sessionId: id })).url,
      )
  : undefined;
