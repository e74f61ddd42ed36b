// Generated from schema/nimble/launch-profile.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface LaunchProfileArgs {
  /** The studio the launch profile belongs to. */
  studioId: pulumi.Input<string>;
  /** The name of the launch profile; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The description. */
  description?: pulumi.Input<string>;
  /** The EC2 subnets where streaming sessions will be accessible from; UpdateLaunchProfile does not take them, so a change replaces the launch profile. */
  ec2SubnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** The protocol versions of the launch profile; "2021-03-31", the only valid version, when omitted. */
  launchProfileProtocolVersions?: pulumi.Input<pulumi.Input<enums.LaunchProfileProtocolVersion>[]>;
  /** The studio components that can be used with this launch profile. */
  studioComponentIds: pulumi.Input<pulumi.Input<string>[]>;
  /** How streaming sessions launched with this profile run, persist, back up and end. */
  streamConfiguration: pulumi.Input<inputs.LaunchProfileStreamConfiguration>;
  /** Labels for the launch profile. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.LaunchProfileTimeouts>;
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
  declare readonly launchProfileProtocolVersions: pulumi.Output<enums.LaunchProfileProtocolVersion[] | undefined>;
  /** The studio components that can be used with this launch profile. */
  declare readonly studioComponentIds: pulumi.Output<string[]>;
  /** How streaming sessions launched with this profile run, persist, back up and end. */
  declare readonly streamConfiguration: pulumi.Output<outputs.LaunchProfileStreamConfiguration>;
  /** Labels for the launch profile. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.LaunchProfileTimeouts | undefined>;
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
  declare readonly validationResults: pulumi.Output<outputs.LaunchProfileValidationResult[] | undefined>;
  /** When the launch profile was created. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Who created the launch profile. */
  declare readonly createdBy: pulumi.Output<string | undefined>;
  /** When the launch profile was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** Who last updated the launch profile. */
  declare readonly updatedBy: pulumi.Output<string | undefined>;

  constructor(name: string, args: LaunchProfileArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "nimble:LaunchProfile",
      name,
      args,
      [
        "studioId",
        "name",
        "description",
        "ec2SubnetIds",
        "launchProfileProtocolVersions",
        "studioComponentIds",
        "streamConfiguration",
        "tags",
        "adoptId",
        "timeouts",
        "launchProfileId",
        "arn",
        "state",
        "statusCode",
        "statusMessage",
        "validationResults",
        "createdAt",
        "createdBy",
        "updatedAt",
        "updatedBy",
      ],
      [],
      opts,
      { launchProfileId: 1 },
    );
  }
}
