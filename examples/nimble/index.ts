// Nimble Studio: a studio, a launch profile whose sessions keep their volume when stopped and back up
// on every stop, one artist's workstation, and the package's functions. Run against the local
// endpoint or real AWS (there, name your own subnets, component ids and streaming images).
import * as pulumi from "@pulumi/pulumi";
import { nimble } from "pulumi-aws-euc";

const config = new pulumi.Config();
const account = config.get("accountId") ?? "123456789012";
// Stop the workstation overnight with `pulumi config set workstationState STOPPED && pulumi up`;
// to restore a backup when it starts again, set `backupId` to one of the `backups` output.
const workstationState = config.get("workstationState") === "STOPPED" ? "STOPPED" : "READY";

const studio = new nimble.Studio("animation", {
  displayName: "Animation studio",
  adminRoleArn: `arn:aws:iam::${account}:role/NimbleStudioAdmin`,
  userRoleArn: `arn:aws:iam::${account}:role/NimbleStudioUser`,
  // If IAM Identity Center breaks for the studio, repair it on the next update.
  repairSsoConfiguration: true,
});

// The studio's components (shared storage here); this package does not manage them.
const componentIds = studio.studioId.apply(async (studioId) =>
  (await nimble.listStudioComponents({ studioId })).map((c) => c.studioComponentId ?? ""),
);

const animators = new nimble.LaunchProfile("animators", {
  studioId: studio.studioId,
  description: "Animation workstations",
  ec2SubnetIds: [config.get("subnetId") ?? "subnet-0a1b2c3d4e5f60001"],
  studioComponentIds: componentIds,
  streamConfiguration: {
    clipboardMode: "ENABLED",
    ec2InstanceTypes: ["g4dn.2xlarge", "g4dn.4xlarge"],
    streamingImageIds: [config.get("streamingImageId") ?? "al2-workstation"],
    maxSessionLengthInMinutes: 12 * 60,
    // Persistent sessions: stopped ones keep their volume for up to two days, then are terminated.
    sessionPersistenceMode: "ACTIVATED",
    automaticTerminationMode: "ACTIVATED",
    maxStoppedSessionLengthInMinutes: 2 * 24 * 60,
    volumeConfiguration: { size: 1000, iops: 4000, throughput: 250 },
    sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 3 },
    sessionStorage: { mode: ["UPLOAD"], root: { linux: "/home/artist/uploads" } },
  },
  tags: { team: "animation" },
});

const workstation = new nimble.StreamingSession("kim", {
  studioId: studio.studioId,
  launchProfileId: animators.launchProfileId,
  ec2InstanceType: "g4dn.2xlarge",
  ownedBy: config.get("artistUserId") ?? "artist-kim",
  desiredState: workstationState,
  volumeRetentionMode: "RETAIN",
  backupId: config.get("backupId"),
  // `pulumi destroy` stops the workstation and keeps its volume for its owner instead of terminating it.
  // (A stack that also owns the launch profile can then only be destroyed once the session is gone.)
  deleteBehaviour: config.getBoolean("keepWorkstation") ? "STOP_RETAIN_VOLUME" : "TERMINATE",
  tags: { artist: "kim" },
});

export const studioUrl = studio.studioUrl;
export const launchProfileId = animators.launchProfileId;
export const workstationId = workstation.sessionId;
export const workstationStatus = workstation.state;
// What a later `up` can restore from, oldest first.
export const backups = pulumi
  .all([workstation.studioId, workstation.sessionId])
  .apply(async ([studioId, sessionId]) =>
    (await nimble.listStreamingSessionBackups({ studioId, sessionId })).map((b) => b.backupId ?? ""),
  );
// The images the profile offers, by name.
export const streamingImages = pulumi
  .all([animators.studioId, animators.launchProfileId])
  .apply(async ([studioId, launchProfileId]) =>
    (await nimble.getLaunchProfileDetails({ studioId, launchProfileId })).streamingImages.map((i) => i.name ?? ""),
  );
// A DCV stream URL for the artist, a secret (`pulumi stack output streamUrl --show-secrets`). Each
// run with `stream` set makes a new one, valid for an hour.
export const streamUrl = config.getBoolean("stream")
  ? pulumi
      .all([workstation.studioId, workstation.sessionId])
      .apply(
        async ([studioId, sessionId]) =>
          (await nimble.createStreamingSessionStream({ studioId, sessionId, expirationInSeconds: 3600 })).url,
      )
  : undefined;
