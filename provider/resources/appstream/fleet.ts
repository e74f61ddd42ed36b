// Generated from schema/appstream/fleet.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface FleetArgs {
  /** The fleet name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The name of the image the fleet streams from (or set imageArn). */
  imageName?: pulumi.Input<string>;
  /** The ARN of the public, private or shared image the fleet streams from (or set imageName). */
  imageArn?: pulumi.Input<string>;
  /** The instance type of the fleet's instances, e.g. stream.standard.medium. */
  instanceType: pulumi.Input<string>;
  /** ALWAYS_ON (instant-on), ON_DEMAND (started when a user connects) or ELASTIC (AWS-managed pool). */
  fleetType?: pulumi.Input<enums.FleetType>;
  /** The desired capacity: desiredInstances, or desiredSessions for a multi-session fleet (maxSessionsPerInstance set). Not for ELASTIC fleets. The live counts are computeCapacityStatus. */
  computeCapacity?: pulumi.Input<inputs.FleetComputeCapacity>;
  /** The subnets and security groups of the fleet's network interfaces. */
  vpcConfig?: pulumi.Input<inputs.FleetVpcConfig>;
  /** How long a streaming session may last, 600 to 432000 seconds (the service's default is 57600). See MaxUserDurationInSeconds in the AppStream 2.0 API Reference (CreateFleet). */
  maxUserDurationInSeconds?: pulumi.Input<number>;
  /** How long a session survives a disconnection, 60 to 36000 seconds (the service's default is 900). See DisconnectTimeoutInSeconds in the AppStream 2.0 API Reference (CreateFleet). */
  disconnectTimeoutInSeconds?: pulumi.Input<number>;
  /** How long users may be idle before they are disconnected, 0 (never) or 60 to 36000 seconds. */
  idleDisconnectTimeoutInSeconds?: pulumi.Input<number>;
  /** The description shown to users. */
  description?: pulumi.Input<string>;
  /** The fleet name shown to users. */
  displayName?: pulumi.Input<string>;
  /** Give the fleet's instances internet access without a NAT gateway. */
  enableDefaultInternetAccess?: pulumi.Input<boolean>;
  /** The Active Directory domain and organizational unit the instances join. */
  domainJoinInfo?: pulumi.Input<inputs.FleetDomainJoinInfo>;
  /** The IAM role the fleet's instances assume (appstream_machine_role profile). */
  iamRoleArn?: pulumi.Input<string>;
  /** APP shows only application windows; DESKTOP shows the whole desktop. */
  streamView?: pulumi.Input<enums.FleetStreamView>;
  /** The operating system platform; ELASTIC fleets need it, others take the image's. */
  platform?: pulumi.Input<enums.FleetPlatform>;
  /** The most concurrent sessions of an ELASTIC fleet. */
  maxConcurrentSessions?: pulumi.Input<number>;
  /** The USB devices users may redirect to their session with the Windows client. */
  usbDeviceFilterStrings?: pulumi.Input<pulumi.Input<string>[]>;
  /** The S3 location of the session scripts of an ELASTIC fleet. */
  sessionScriptS3Location?: pulumi.Input<inputs.FleetSessionScriptS3Location>;
  /** Sessions per instance, which makes a multi-session fleet. */
  maxSessionsPerInstance?: pulumi.Input<number>;
  /** The root volume of the fleet's instances, 200 to 500 GB. */
  rootVolumeConfig?: pulumi.Input<inputs.FleetRootVolumeConfig>;
  /** Enforce IMDSv2 on the fleet's instances. */
  disableImdsV1?: pulumi.Input<boolean>;
  /** The desired state; the fleet stays as the service leaves it (STOPPED after create) when omitted. */
  state?: pulumi.Input<enums.FleetState>;
  /** Labels for the fleet. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.FleetTimeouts>;
}

/** An AppStream 2.0 fleet: the streaming instances behind a stack. `state` RUNNING or STOPPED is the desired state. A RUNNING fleet takes only displayName and computeCapacity in place (UpdateFleet in the AppStream 2.0 API Reference); any other change stops it, updates it and starts it again, only when it was running. */
export class Fleet extends EucResource {
  /** The fleet name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The name of the image the fleet streams from (or set imageArn). */
  declare readonly imageName: pulumi.Output<string | undefined>;
  /** The ARN of the public, private or shared image the fleet streams from (or set imageName). */
  declare readonly imageArn: pulumi.Output<string | undefined>;
  /** The instance type of the fleet's instances, e.g. stream.standard.medium. */
  declare readonly instanceType: pulumi.Output<string>;
  /** ALWAYS_ON (instant-on), ON_DEMAND (started when a user connects) or ELASTIC (AWS-managed pool). */
  declare readonly fleetType: pulumi.Output<enums.FleetType | undefined>;
  /** The desired capacity: desiredInstances, or desiredSessions for a multi-session fleet (maxSessionsPerInstance set). Not for ELASTIC fleets. The live counts are computeCapacityStatus. */
  declare readonly computeCapacity: pulumi.Output<outputs.FleetComputeCapacity | undefined>;
  /** The subnets and security groups of the fleet's network interfaces. */
  declare readonly vpcConfig: pulumi.Output<outputs.FleetVpcConfig | undefined>;
  /** How long a streaming session may last, 600 to 432000 seconds (the service's default is 57600). See MaxUserDurationInSeconds in the AppStream 2.0 API Reference (CreateFleet). */
  declare readonly maxUserDurationInSeconds: pulumi.Output<number | undefined>;
  /** How long a session survives a disconnection, 60 to 36000 seconds (the service's default is 900). See DisconnectTimeoutInSeconds in the AppStream 2.0 API Reference (CreateFleet). */
  declare readonly disconnectTimeoutInSeconds: pulumi.Output<number | undefined>;
  /** How long users may be idle before they are disconnected, 0 (never) or 60 to 36000 seconds. */
  declare readonly idleDisconnectTimeoutInSeconds: pulumi.Output<number | undefined>;
  /** The description shown to users. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The fleet name shown to users. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** Give the fleet's instances internet access without a NAT gateway. */
  declare readonly enableDefaultInternetAccess: pulumi.Output<boolean | undefined>;
  /** The Active Directory domain and organizational unit the instances join. */
  declare readonly domainJoinInfo: pulumi.Output<outputs.FleetDomainJoinInfo | undefined>;
  /** The IAM role the fleet's instances assume (appstream_machine_role profile). */
  declare readonly iamRoleArn: pulumi.Output<string | undefined>;
  /** APP shows only application windows; DESKTOP shows the whole desktop. */
  declare readonly streamView: pulumi.Output<enums.FleetStreamView | undefined>;
  /** The operating system platform; ELASTIC fleets need it, others take the image's. */
  declare readonly platform: pulumi.Output<enums.FleetPlatform | undefined>;
  /** The most concurrent sessions of an ELASTIC fleet. */
  declare readonly maxConcurrentSessions: pulumi.Output<number | undefined>;
  /** The USB devices users may redirect to their session with the Windows client. */
  declare readonly usbDeviceFilterStrings: pulumi.Output<string[] | undefined>;
  /** The S3 location of the session scripts of an ELASTIC fleet. */
  declare readonly sessionScriptS3Location: pulumi.Output<outputs.FleetSessionScriptS3Location | undefined>;
  /** Sessions per instance, which makes a multi-session fleet. */
  declare readonly maxSessionsPerInstance: pulumi.Output<number | undefined>;
  /** The root volume of the fleet's instances, 200 to 500 GB. */
  declare readonly rootVolumeConfig: pulumi.Output<outputs.FleetRootVolumeConfig | undefined>;
  /** Enforce IMDSv2 on the fleet's instances. */
  declare readonly disableImdsV1: pulumi.Output<boolean | undefined>;
  /** The desired state; the fleet stays as the service leaves it (STOPPED after create) when omitted. */
  declare readonly state: pulumi.Output<enums.FleetState | undefined>;
  /** Labels for the fleet. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.FleetTimeouts | undefined>;
  /** The ARN of the fleet. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The live state: STARTING, RUNNING, STOPPING or STOPPED. */
  declare readonly currentState: pulumi.Output<string | undefined>;
  /** The live capacity counts (not compared with the program; computeCapacity is). */
  declare readonly computeCapacityStatus: pulumi.Output<outputs.FleetComputeCapacityStatus | undefined>;
  /** Why the fleet cannot start, as the service reports it. */
  declare readonly fleetErrors: pulumi.Output<outputs.FleetError[] | undefined>;
  /** When the fleet was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: FleetArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:Fleet",
      name,
      args,
      [
        "name",
        "imageName",
        "imageArn",
        "instanceType",
        "fleetType",
        "computeCapacity",
        "vpcConfig",
        "maxUserDurationInSeconds",
        "disconnectTimeoutInSeconds",
        "idleDisconnectTimeoutInSeconds",
        "description",
        "displayName",
        "enableDefaultInternetAccess",
        "domainJoinInfo",
        "iamRoleArn",
        "streamView",
        "platform",
        "maxConcurrentSessions",
        "usbDeviceFilterStrings",
        "sessionScriptS3Location",
        "maxSessionsPerInstance",
        "rootVolumeConfig",
        "disableImdsV1",
        "state",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "currentState",
        "computeCapacityStatus",
        "fleetErrors",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
