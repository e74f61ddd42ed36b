// Generated from schema/nimble/studio.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface StudioArgs {
  /** The studio name used in the portal URL; generated from the resource name when omitted. */
  studioName?: pulumi.Input<string>;
  /** A friendly name for the studio. */
  displayName: pulumi.Input<string>;
  /** The IAM role that studio admins assume when logging in to the portal. */
  adminRoleArn: pulumi.Input<string>;
  /** The IAM role that studio users assume when logging in to the portal. */
  userRoleArn: pulumi.Input<string>;
  /** The KMS key that encrypts studio data; AWS-owned when omitted. */
  studioEncryptionConfiguration?: pulumi.Input<inputs.StudioEncryptionConfiguration>;
  /** Labels for the studio. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Run StartStudioSSOConfigurationRepair when the studio reports an AWS_SSO_* status code. */
  repairSsoConfiguration?: pulumi.Input<boolean>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.StudioTimeouts>;
}

/** A Nimble Studio studio: the portal, its admin and user roles and its encryption key. */
export class Studio extends EucResource {
  /** The studio name used in the portal URL; generated from the resource name when omitted. */
  declare readonly studioName: pulumi.Output<string | undefined>;
  /** A friendly name for the studio. */
  declare readonly displayName: pulumi.Output<string>;
  /** The IAM role that studio admins assume when logging in to the portal. */
  declare readonly adminRoleArn: pulumi.Output<string>;
  /** The IAM role that studio users assume when logging in to the portal. */
  declare readonly userRoleArn: pulumi.Output<string>;
  /** The KMS key that encrypts studio data; AWS-owned when omitted. */
  declare readonly studioEncryptionConfiguration: pulumi.Output<outputs.StudioEncryptionConfiguration | undefined>;
  /** Labels for the studio. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Run StartStudioSSOConfigurationRepair when the studio reports an AWS_SSO_* status code. */
  declare readonly repairSsoConfiguration: pulumi.Output<boolean | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.StudioTimeouts | undefined>;
  /** The unique identifier of the studio. */
  declare readonly studioId: pulumi.Output<string>;
  /** The ARN of the studio. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The current state. */
  declare readonly state: pulumi.Output<string | undefined>;
  /** The status code. */
  declare readonly statusCode: pulumi.Output<string | undefined>;
  /** The status message. */
  declare readonly statusMessage: pulumi.Output<string | undefined>;
  /** The address of the web page for the studio. */
  declare readonly studioUrl: pulumi.Output<string | undefined>;
  /** The Amazon Web Services Region where the studio resource is located. */
  declare readonly homeRegion: pulumi.Output<string | undefined>;
  /** The IAM Identity Center application client ID used to integrate with the studio. */
  declare readonly ssoClientId: pulumi.Output<string | undefined>;
  /** When the studio was created. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When the studio was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: StudioArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "nimble:Studio",
      name,
      args,
      [
        "studioName",
        "displayName",
        "adminRoleArn",
        "userRoleArn",
        "studioEncryptionConfiguration",
        "tags",
        "repairSsoConfiguration",
        "adoptId",
        "timeouts",
        "studioId",
        "arn",
        "state",
        "statusCode",
        "statusMessage",
        "studioUrl",
        "homeRegion",
        "ssoClientId",
        "createdAt",
        "updatedAt",
      ],
      [],
      opts,
      { studioId: 0 },
    );
  }
}
