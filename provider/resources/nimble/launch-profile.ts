// Generated from schema/nimble/launch-profile.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";

/** How streaming sessions launched with this profile run, persist, back up and end. */
export type LaunchProfileStreamConfiguration = {
  /** Allows or deactivates the clipboard between the streaming session and the streaming client. */
  clipboardMode: "ENABLED" | "DISABLED";
  /** The EC2 instance types users can choose from; the first is used when a session names none. */
  ec2InstanceTypes: Array<"g4dn.xlarge" | "g4dn.2xlarge" | "g4dn.4xlarge" | "g4dn.8xlarge" | "g4dn.12xlarge" | "g4dn.16xlarge" | "g3.4xlarge" | "g3s.xlarge" | "g5.xlarge" | "g5.2xlarge" | "g5.4xlarge" | "g5.8xlarge" | "g5.16xlarge">;
  /** The streaming images users can choose from; the first is used when a session names none. */
  streamingImageIds: string[];
  /** How long a session may stay READY before it is stopped or terminated; 690 minutes when omitted, at most 30 days. */
  maxSessionLengthInMinutes?: number;
  /** Whether sessions launched with this profile may have persistent storage (volumeConfiguration, automaticTerminationMode). */
  sessionPersistenceMode?: "DEACTIVATED" | "ACTIVATED";
  /** ACTIVATED terminates a session that stayed STOPPED for maxStoppedSessionLengthInMinutes; DEACTIVATED (the default) lets it stay STOPPED indefinitely. Only with sessionPersistenceMode ACTIVATED. */
  automaticTerminationMode?: "DEACTIVATED" | "ACTIVATED";
  /** How long a session may stay STOPPED (0, the default, means sessions cannot be stopped). Only with sessionPersistenceMode and automaticTerminationMode ACTIVATED. */
  maxStoppedSessionLengthInMinutes?: number;
  /** The root volume of each session. Only with sessionPersistenceMode ACTIVATED. */
  volumeConfiguration?: {
    /** Size in GiB (500 when omitted). */
    size?: number;
    /** I/O operations per second (3000 when omitted). */
    iops?: number;
    /** Throughput in MiB/s (125 when omitted). */
    throughput?: number;
  };
  /** How sessions launched with this profile are backed up; DEACTIVATED when omitted. */
  sessionBackup?: {
    /** AUTOMATIC backs a session up each time it stops. */
    mode?: "AUTOMATIC" | "DEACTIVATED";
    /** How many backups each session keeps; the oldest goes first. */
    maxBackupsToRetain?: number;
  };
  /** Upload storage on the streaming workstations. */
  sessionStorage?: {
    /** UPLOAD, the only valid option, lets artists upload files to their workstations. */
    mode: "UPLOAD"[];
    /** The folders where uploaded files land. */
    root?: {
      /** The folder on Linux workstations. */
      linux?: string;
      /** The folder on Windows workstations. */
      windows?: string;
    };
  };
};

/** How long to wait, in minutes, for the service to finish each kind of change. */
export type LaunchProfileTimeouts = {
  create?: number;
  update?: number;
  delete?: number;
};

/** The results of the launch profile's validations (subnets, network ACLs, security groups, Active Directory). */
export type LaunchProfileValidationResults = {
  type?: string;
  state?: string;
  statusCode?: string;
  statusMessage?: string;
}[];

export interface LaunchProfileArgs {
  /** The studio the launch profile belongs to. */
  studioId: pulumi.Input<string>;
  /** The name of the launch profile; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The description. */
  description?: pulumi.Input<string>;
  /** The EC2 subnets where streaming sessions will be accessible from; UpdateLaunchProfile does not take them, so a change replaces the launch profile. */
  ec2SubnetIds: pulumi.Input<string[]>;
  /** The protocol versions of the launch profile; "2021-03-31", the only valid version, when omitted. */
  launchProfileProtocolVersions?: pulumi.Input<"2021-03-31"[]>;
  /** The studio components that can be used with this launch profile. */
  studioComponentIds: pulumi.Input<string[]>;
  /** How streaming sessions launched with this profile run, persist, back up and end. */
  streamConfiguration: pulumi.Input<LaunchProfileStreamConfiguration>;
  /** Labels for the launch profile. */
  tags?: pulumi.Input<Record<string, string>>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<LaunchProfileTimeouts>;
}

/** A Nimble Studio launch profile: which instance types, streaming images, subnets and studio components a studio's users may launch streaming sessions with, and how those sessions persist, back up and end. */
export class LaunchProfile extends EucResource {
  /** The studio the launch profile belongs to. */
  declare readonly studioId: pulumi.Output<string>;
  /** The name of the launch profile; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string | undefined>;
  /** The description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The EC2 subnets where streaming sessions will be accessible from; UpdateLaunchProfile does not take them, so a change replaces the launch profile. */
  declare readonly ec2SubnetIds: pulumi.Output<string[]>;
  /** The protocol versions of the launch profile; "2021-03-31", the only valid version, when omitted. */
  declare readonly launchProfileProtocolVersions: pulumi.Output<"2021-03-31"[] | undefined>;
  /** The studio components that can be used with this launch profile. */
  declare readonly studioComponentIds: pulumi.Output<string[]>;
  /** How streaming sessions launched with this profile run, persist, back up and end. */
  declare readonly streamConfiguration: pulumi.Output<LaunchProfileStreamConfiguration>;
  /** Labels for the launch profile. */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<LaunchProfileTimeouts | undefined>;
  /** The unique identifier of the launch profile. */
  declare readonly launchProfileId: pulumi.Output<string>;
  /** The ARN of the launch profile. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The current state. */
  declare readonly state: pulumi.Output<string | undefined>;
  /** The status code. */
  declare readonly statusCode: pulumi.Output<string | undefined>;
  /** The status message. */
  declare readonly statusMessage: pulumi.Output<string | undefined>;
  /** The results of the launch profile's validations (subnets, network ACLs, security groups, Active Directory). */
  declare readonly validationResults: pulumi.Output<LaunchProfileValidationResults | undefined>;
  /** When the launch profile was created. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Who created the launch profile. */
  declare readonly createdBy: pulumi.Output<string | undefined>;
  /** When the launch profile was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** Who last updated the launch profile. */
  declare readonly updatedBy: pulumi.Output<string | undefined>;

  constructor(name: string, args: LaunchProfileArgs, opts?: pulumi.CustomResourceOptions) {
    super("nimble:LaunchProfile", name, args, ["studioId","name","description","ec2SubnetIds","launchProfileProtocolVersions","studioComponentIds","streamConfiguration","tags","adoptId","timeouts","launchProfileId","arn","state","statusCode","statusMessage","validationResults","createdAt","createdBy","updatedAt","updatedBy"], [], opts, {"launchProfileId":1});
  }
}
