// Generated from schema/appstream/app-block-builder.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface AppBlockBuilderArgs {
  /** The app block builder name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The description of the app block builder. */
  description?: pulumi.Input<string>;
  /** The display name of the app block builder. */
  displayName?: pulumi.Input<string>;
  /** The operating system platform of the builder. */
  platform: pulumi.Input<enums.AppBlockBuilderPlatform>;
  /** The instance type, e.g. stream.standard.medium. */
  instanceType: pulumi.Input<string>;
  /** The subnets and security groups of the builder's network interface. */
  vpcConfig: pulumi.Input<inputs.AppBlockBuilderVpcConfig>;
  /** Give the builder internet access without a NAT gateway. */
  enableDefaultInternetAccess?: pulumi.Input<boolean>;
  /** The IAM role the builder assumes. */
  iamRoleArn?: pulumi.Input<string>;
  /** Interface VPC endpoints through which users may stream from the builder. */
  accessEndpoints?: pulumi.Input<pulumi.Input<inputs.AppBlockBuilderAccessEndpoint>[]>;
  /** Enforce IMDSv2 on the builder. */
  disableImdsV1?: pulumi.Input<boolean>;
  /** The APPSTREAM2 app blocks associated with the builder (AssociateAppBlockBuilderAppBlock); a builder starts only with one. Associations change only while the builder is STOPPED. */
  appBlockArns?: pulumi.Input<pulumi.Input<string>[]>;
  /** The desired state; the builder stays STOPPED, as the service creates it, when omitted. */
  state?: pulumi.Input<enums.AppBlockBuilderState>;
  /** Labels for the app block builder. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.AppBlockBuilderTimeouts>;
}

/** An AppStream 2.0 app block builder: the instance on which the applications of APPSTREAM2 app blocks are installed and packaged. The service creates it STOPPED and starts it only once an app block is associated with it; `state` RUNNING or STOPPED is the desired state. A RUNNING builder takes only displayName and description in place (UpdateAppBlockBuilder in the AppStream 2.0 API Reference); any other change stops it, updates it and starts it again, only when it was running. */
export class AppBlockBuilder extends EucResource {
  /** The app block builder name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The description of the app block builder. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The display name of the app block builder. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The operating system platform of the builder. */
  declare readonly platform: pulumi.Output<enums.AppBlockBuilderPlatform>;
  /** The instance type, e.g. stream.standard.medium. */
  declare readonly instanceType: pulumi.Output<string>;
  /** The subnets and security groups of the builder's network interface. */
  declare readonly vpcConfig: pulumi.Output<outputs.AppBlockBuilderVpcConfig>;
  /** Give the builder internet access without a NAT gateway. */
  declare readonly enableDefaultInternetAccess: pulumi.Output<boolean | undefined>;
  /** The IAM role the builder assumes. */
  declare readonly iamRoleArn: pulumi.Output<string | undefined>;
  /** Interface VPC endpoints through which users may stream from the builder. */
  declare readonly accessEndpoints: pulumi.Output<outputs.AppBlockBuilderAccessEndpoint[] | undefined>;
  /** Enforce IMDSv2 on the builder. */
  declare readonly disableImdsV1: pulumi.Output<boolean | undefined>;
  /** The APPSTREAM2 app blocks associated with the builder (AssociateAppBlockBuilderAppBlock); a builder starts only with one. Associations change only while the builder is STOPPED. */
  declare readonly appBlockArns: pulumi.Output<string[] | undefined>;
  /** The desired state; the builder stays STOPPED, as the service creates it, when omitted. */
  declare readonly state: pulumi.Output<enums.AppBlockBuilderState | undefined>;
  /** Labels for the app block builder. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.AppBlockBuilderTimeouts | undefined>;
  /** The ARN of the app block builder. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The live state: STARTING, RUNNING, STOPPING or STOPPED. */
  declare readonly currentState: pulumi.Output<string | undefined>;
  /** Why the state last changed. */
  declare readonly stateChangeReason: pulumi.Output<outputs.AppBlockBuilderStateChangeReason | undefined>;
  /** Errors the service reports for the builder. */
  declare readonly appBlockBuilderErrors: pulumi.Output<outputs.AppBlockBuilderError[] | undefined>;
  /** When the app block builder was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: AppBlockBuilderArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:AppBlockBuilder",
      name,
      args,
      [
        "name",
        "description",
        "displayName",
        "platform",
        "instanceType",
        "vpcConfig",
        "enableDefaultInternetAccess",
        "iamRoleArn",
        "accessEndpoints",
        "disableImdsV1",
        "appBlockArns",
        "state",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "currentState",
        "stateChangeReason",
        "appBlockBuilderErrors",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
