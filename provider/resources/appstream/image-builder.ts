// Generated from schema/appstream/image-builder.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface ImageBuilderArgs {
  /** The image builder name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The image to start from (or set imageArn). The service does not report it back, so it is kept as given. */
  imageName?: pulumi.Input<string>;
  /** The ARN of the image to start from (or set imageName). */
  imageArn?: pulumi.Input<string>;
  /** The instance type, e.g. stream.standard.medium. */
  instanceType: pulumi.Input<string>;
  /** The description shown to users. */
  description?: pulumi.Input<string>;
  /** The image builder name shown to users. */
  displayName?: pulumi.Input<string>;
  /** The one subnet and the security groups of the image builder's network interface. */
  vpcConfig?: pulumi.Input<inputs.ImageBuilderVpcConfig>;
  /** The IAM role the image builder assumes. */
  iamRoleArn?: pulumi.Input<string>;
  /** Give the image builder internet access without a NAT gateway. */
  enableDefaultInternetAccess?: pulumi.Input<boolean>;
  /** The Active Directory domain and organizational unit the image builder joins. */
  domainJoinInfo?: pulumi.Input<inputs.ImageBuilderDomainJoinInfo>;
  /** The AppStream agent version to use; the image's when omitted. */
  appstreamAgentVersion?: pulumi.Input<string>;
  /** Interface VPC endpoints through which users may stream from the image builder. */
  accessEndpoints?: pulumi.Input<pulumi.Input<inputs.ImageBuilderAccessEndpoint>[]>;
  /** The root volume, 200 to 500 GB. */
  rootVolumeConfig?: pulumi.Input<inputs.ImageBuilderRootVolumeConfig>;
  /** Enforce IMDSv2 on the image builder. */
  disableImdsV1?: pulumi.Input<boolean>;
  /** The desired state; the image builder stays RUNNING after create when omitted. */
  state?: pulumi.Input<enums.ImageBuilderState>;
  /** Labels for the image builder. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.ImageBuilderTimeouts>;
}

/** An AppStream 2.0 image builder: a streaming instance on which applications are installed before an image is snapshotted from it. The service has no update call, so every property but `state` and `tags` replaces it. `state` RUNNING or STOPPED is the desired state. */
export class ImageBuilder extends EucResource {
  /** The image builder name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The image to start from (or set imageArn). The service does not report it back, so it is kept as given. */
  declare readonly imageName: pulumi.Output<string | undefined>;
  /** The ARN of the image to start from (or set imageName). */
  declare readonly imageArn: pulumi.Output<string | undefined>;
  /** The instance type, e.g. stream.standard.medium. */
  declare readonly instanceType: pulumi.Output<string>;
  /** The description shown to users. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The image builder name shown to users. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The one subnet and the security groups of the image builder's network interface. */
  declare readonly vpcConfig: pulumi.Output<outputs.ImageBuilderVpcConfig | undefined>;
  /** The IAM role the image builder assumes. */
  declare readonly iamRoleArn: pulumi.Output<string | undefined>;
  /** Give the image builder internet access without a NAT gateway. */
  declare readonly enableDefaultInternetAccess: pulumi.Output<boolean | undefined>;
  /** The Active Directory domain and organizational unit the image builder joins. */
  declare readonly domainJoinInfo: pulumi.Output<outputs.ImageBuilderDomainJoinInfo | undefined>;
  /** The AppStream agent version to use; the image's when omitted. */
  declare readonly appstreamAgentVersion: pulumi.Output<string | undefined>;
  /** Interface VPC endpoints through which users may stream from the image builder. */
  declare readonly accessEndpoints: pulumi.Output<outputs.ImageBuilderAccessEndpoint[] | undefined>;
  /** The root volume, 200 to 500 GB. */
  declare readonly rootVolumeConfig: pulumi.Output<outputs.ImageBuilderRootVolumeConfig | undefined>;
  /** Enforce IMDSv2 on the image builder. */
  declare readonly disableImdsV1: pulumi.Output<boolean | undefined>;
  /** The desired state; the image builder stays RUNNING after create when omitted. */
  declare readonly state: pulumi.Output<enums.ImageBuilderState | undefined>;
  /** Labels for the image builder. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.ImageBuilderTimeouts | undefined>;
  /** The ARN of the image builder. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The live state: PENDING, RUNNING, STOPPING, STOPPED, SNAPSHOTTING, ... */
  declare readonly currentState: pulumi.Output<string | undefined>;
  /** Why the state last changed. */
  declare readonly stateChangeReason: pulumi.Output<outputs.ImageBuilderStateChangeReason | undefined>;
  /** Errors the service reports for the image builder. */
  declare readonly imageBuilderErrors: pulumi.Output<outputs.ImageBuilderError[] | undefined>;
  /** The operating system platform. */
  declare readonly platform: pulumi.Output<string | undefined>;
  /** The image builder's network interface. */
  declare readonly networkAccessConfiguration: pulumi.Output<
    outputs.ImageBuilderNetworkAccessConfiguration | undefined
  >;
  /** When the image builder was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: ImageBuilderArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:ImageBuilder",
      name,
      args,
      [
        "name",
        "imageName",
        "imageArn",
        "instanceType",
        "description",
        "displayName",
        "vpcConfig",
        "iamRoleArn",
        "enableDefaultInternetAccess",
        "domainJoinInfo",
        "appstreamAgentVersion",
        "accessEndpoints",
        "rootVolumeConfig",
        "disableImdsV1",
        "state",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "currentState",
        "stateChangeReason",
        "imageBuilderErrors",
        "platform",
        "networkAccessConfiguration",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
