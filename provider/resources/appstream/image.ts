// Generated from schema/appstream/image.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface ImageArgs {
  /** Labels for the image. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.ImageTimeouts>;
}

/** An AppStream 2.0 image. Images are made by snapshotting an image builder from inside it, outside the API, so this resource only takes over an existing image by name (`adoptId`); destroying it deletes the image, which the service refuses while a fleet or image builder uses it. */
export class Image extends EucResource {
  /** Labels for the image. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.ImageTimeouts | undefined>;
  /** The image name. */
  declare readonly name: pulumi.Output<string>;
  /** The ARN of the image. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The image this one was made from. */
  declare readonly baseImageArn: pulumi.Output<string | undefined>;
  /** The image builder it was snapshotted from. */
  declare readonly imageBuilderName: pulumi.Output<string | undefined>;
  /** The image name shown to users. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The description shown to users. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The live state: PENDING, AVAILABLE, FAILED, ... */
  declare readonly currentState: pulumi.Output<string | undefined>;
  /** PUBLIC, PRIVATE or SHARED. */
  declare readonly visibility: pulumi.Output<string | undefined>;
  /** The operating system platform. */
  declare readonly platform: pulumi.Output<string | undefined>;
  /** Whether an image builder can start from this image. */
  declare readonly imageBuilderSupported: pulumi.Output<boolean | undefined>;
  /** The AppStream agent version in the image. */
  declare readonly appstreamAgentVersion: pulumi.Output<string | undefined>;
  /** When the image was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: ImageArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:Image",
      name,
      args,
      [
        "tags",
        "adoptId",
        "timeouts",
        "name",
        "arn",
        "baseImageArn",
        "imageBuilderName",
        "displayName",
        "description",
        "currentState",
        "visibility",
        "platform",
        "imageBuilderSupported",
        "appstreamAgentVersion",
        "createdTime",
      ],
      [],
      opts,
      { name: 0 },
    );
  }
}
