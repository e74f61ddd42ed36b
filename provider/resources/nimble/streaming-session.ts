// Generated from schema/nimble/streaming-session.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface StreamingSessionArgs {
  /** The studio the session runs in. */
  studioId: pulumi.Input<string>;
  /** The launch profile the session is launched with. */
  launchProfileId: pulumi.Input<string>;
  /** The EC2 instance type; the launch profile's first when omitted. */
  ec2InstanceType?: pulumi.Input<enums.StreamingSessionEc2InstanceType>;
  /** The IAM Identity Center user who owns the session and logs in to it. */
  ownedBy?: pulumi.Input<string>;
  /** The streaming image; the launch profile's first when omitted. */
  streamingImageId?: pulumi.Input<string>;
  /** Labels for the session. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** READY (the default after create) or STOPPED; reached with StartStreamingSession and StopStreamingSession. Stopping needs a launch profile that allows stopped sessions. */
  desiredState?: pulumi.Input<enums.StreamingSessionDesiredState>;
  /** The backup to restore when the session starts (ListStreamingSessionBackups lists them); ignored while it runs. */
  backupId?: pulumi.Input<string>;
  /** What a stop does with the session's volume, RETAIN (the service default) or DELETE. */
  volumeRetentionMode?: pulumi.Input<enums.StreamingSessionVolumeRetentionMode>;
  /** What `pulumi destroy` does: TERMINATE (the default) deletes the session and waits until it is DELETED, since it counts against the quota until then; STOP_RETAIN_VOLUME and STOP_DELETE_VOLUME stop it (keeping or deleting its volume) and leave it to its owner. A session already STOPPED is left as it is. */
  deleteBehaviour?: pulumi.Input<enums.StreamingSessionDeleteBehaviour>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.StreamingSessionTimeouts>;
}

/** A Nimble Studio streaming session: a virtual workstation launched from a launch profile, kept READY or STOPPED, restored from a backup when it starts, and on `pulumi destroy` either terminated or stopped and left for its owner. */
export class StreamingSession extends EucResource {
  /** The studio the session runs in. */
  declare readonly studioId: pulumi.Output<string>;
  /** The launch profile the session is launched with. */
  declare readonly launchProfileId: pulumi.Output<string>;
  /** The EC2 instance type; the launch profile's first when omitted. */
  declare readonly ec2InstanceType: pulumi.Output<enums.StreamingSessionEc2InstanceType | undefined>;
  /** The IAM Identity Center user who owns the session and logs in to it. */
  declare readonly ownedBy: pulumi.Output<string | undefined>;
  /** The streaming image; the launch profile's first when omitted. */
  declare readonly streamingImageId: pulumi.Output<string | undefined>;
  /** Labels for the session. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** READY (the default after create) or STOPPED; reached with StartStreamingSession and StopStreamingSession. Stopping needs a launch profile that allows stopped sessions. */
  declare readonly desiredState: pulumi.Output<enums.StreamingSessionDesiredState | undefined>;
  /** The backup to restore when the session starts (ListStreamingSessionBackups lists them); ignored while it runs. */
  declare readonly backupId: pulumi.Output<string | undefined>;
  /** What a stop does with the session's volume, RETAIN (the service default) or DELETE. */
  declare readonly volumeRetentionMode: pulumi.Output<enums.StreamingSessionVolumeRetentionMode | undefined>;
  /** What `pulumi destroy` does: TERMINATE (the default) deletes the session and waits until it is DELETED, since it counts against the quota until then; STOP_RETAIN_VOLUME and STOP_DELETE_VOLUME stop it (keeping or deleting its volume) and leave it to its owner. A session already STOPPED is left as it is. */
  declare readonly deleteBehaviour: pulumi.Output<enums.StreamingSessionDeleteBehaviour | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.StreamingSessionTimeouts | undefined>;
  /** The unique identifier of the session. */
  declare readonly sessionId: pulumi.Output<string>;
  /** The ARN of the session. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The current state. */
  declare readonly state: pulumi.Output<string | undefined>;
  /** The status code. */
  declare readonly statusCode: pulumi.Output<string | undefined>;
  /** The status message. */
  declare readonly statusMessage: pulumi.Output<string | undefined>;
  /** Whether the session has persistent storage, from its launch profile. */
  declare readonly sessionPersistenceMode: pulumi.Output<string | undefined>;
  /** Whether a long-stopped session is terminated, from its launch profile. */
  declare readonly automaticTerminationMode: pulumi.Output<string | undefined>;
  /** The session's backup setting, from its launch profile. */
  declare readonly backupMode: pulumi.Output<string | undefined>;
  /** How many backups the session keeps. */
  declare readonly maxBackupsToRetain: pulumi.Output<number | undefined>;
  /** The session's root volume. */
  declare readonly volumeConfiguration: pulumi.Output<outputs.StreamingSessionVolumeConfiguration | undefined>;
  /** The backup the session was last started from. */
  declare readonly startedFromBackupId: pulumi.Output<string | undefined>;
  /** When the session was created. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Who created the session. */
  declare readonly createdBy: pulumi.Output<string | undefined>;
  /** When the session last entered START_IN_PROGRESS. */
  declare readonly startedAt: pulumi.Output<string | undefined>;
  /** Who last started the session. */
  declare readonly startedBy: pulumi.Output<string | undefined>;
  /** When the session last entered STOP_IN_PROGRESS. */
  declare readonly stoppedAt: pulumi.Output<string | undefined>;
  /** Who last stopped the session. */
  declare readonly stoppedBy: pulumi.Output<string | undefined>;
  /** When the service stops the session unless someone stops it first. */
  declare readonly stopAt: pulumi.Output<string | undefined>;
  /** When the service terminates the session unless someone does first. */
  declare readonly terminateAt: pulumi.Output<string | undefined>;
  /** When the session was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** Who last updated the session. */
  declare readonly updatedBy: pulumi.Output<string | undefined>;

  constructor(name: string, args: StreamingSessionArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "nimble:StreamingSession",
      name,
      args,
      [
        "studioId",
        "launchProfileId",
        "ec2InstanceType",
        "ownedBy",
        "streamingImageId",
        "tags",
        "desiredState",
        "backupId",
        "volumeRetentionMode",
        "deleteBehaviour",
        "adoptId",
        "timeouts",
        "sessionId",
        "arn",
        "state",
        "statusCode",
        "statusMessage",
        "sessionPersistenceMode",
        "automaticTerminationMode",
        "backupMode",
        "maxBackupsToRetain",
        "volumeConfiguration",
        "startedFromBackupId",
        "createdAt",
        "createdBy",
        "startedAt",
        "startedBy",
        "stoppedAt",
        "stoppedBy",
        "stopAt",
        "terminateAt",
        "updatedAt",
        "updatedBy",
      ],
      [],
      opts,
      { sessionId: 1 },
    );
  }
}
