// Generated from schema/appstream/application.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface ApplicationArgs {
  /** The application name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The application name shown to users. */
  displayName?: pulumi.Input<string>;
  /** The description of the application. */
  description?: pulumi.Input<string>;
  /** Where the application's icon is in S3. */
  iconS3Location: pulumi.Input<inputs.ApplicationIconS3Location>;
  /** The path to the application's executable on the instance. */
  launchPath: pulumi.Input<string>;
  /** The arguments passed to the executable. */
  launchParameters?: pulumi.Input<string>;
  /** The directory the application starts in. */
  workingDirectory?: pulumi.Input<string>;
  /** The platforms the application runs on (an elastic fleet's platform must be one of them). */
  platforms: pulumi.Input<pulumi.Input<enums.ApplicationPlatform>[]>;
  /** The instance families the application runs on, e.g. GENERAL_PURPOSE, GRAPHICS_G4. */
  instanceFamilies: pulumi.Input<pulumi.Input<string>[]>;
  /** The ARN of the app block that holds the application. */
  appBlockArn: pulumi.Input<string>;
  /** Labels for the application. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.ApplicationTimeouts>;
}

/** An AppStream 2.0 application of an app block, which an elastic fleet streams once the application is associated with it. UpdateApplication changes the display name, description, icon, launch path, launch parameters, working directory and app block in place; dropped launch parameters or working directory are removed with AttributesToDelete. Platforms and instance families replace it. */
export class Application extends EucResource {
  /** The application name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The application name shown to users. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The description of the application. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Where the application's icon is in S3. */
  declare readonly iconS3Location: pulumi.Output<outputs.ApplicationIconS3Location>;
  /** The path to the application's executable on the instance. */
  declare readonly launchPath: pulumi.Output<string>;
  /** The arguments passed to the executable. */
  declare readonly launchParameters: pulumi.Output<string | undefined>;
  /** The directory the application starts in. */
  declare readonly workingDirectory: pulumi.Output<string | undefined>;
  /** The platforms the application runs on (an elastic fleet's platform must be one of them). */
  declare readonly platforms: pulumi.Output<enums.ApplicationPlatform[]>;
  /** The instance families the application runs on, e.g. GENERAL_PURPOSE, GRAPHICS_G4. */
  declare readonly instanceFamilies: pulumi.Output<string[]>;
  /** The ARN of the app block that holds the application. */
  declare readonly appBlockArn: pulumi.Output<string>;
  /** Labels for the application. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.ApplicationTimeouts | undefined>;
  /** The ARN of the application. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The URL of the application's icon. */
  declare readonly iconUrl: pulumi.Output<string | undefined>;
  /** Whether the application is enabled. */
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  /** Metadata the service keeps for the application. */
  declare readonly metadata: pulumi.Output<{ [key: string]: string } | undefined>;
  /** When the application was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: ApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:Application",
      name,
      args,
      [
        "name",
        "displayName",
        "description",
        "iconS3Location",
        "launchPath",
        "launchParameters",
        "workingDirectory",
        "platforms",
        "instanceFamilies",
        "appBlockArn",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "iconUrl",
        "enabled",
        "metadata",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
