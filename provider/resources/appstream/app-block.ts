// Generated from schema/appstream/app-block.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface AppBlockArgs {
  /** The app block name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The description of the app block. */
  description?: pulumi.Input<string>;
  /** The display name of the app block (not shown to users). */
  displayName?: pulumi.Input<string>;
  /** Where the virtual hard disk is in S3. */
  sourceS3Location: pulumi.Input<inputs.AppBlockSourceS3Location>;
  /** The script that mounts the virtual hard disk; required for the CUSTOM packaging type. */
  setupScriptDetails?: pulumi.Input<inputs.AppBlockSetupScriptDetails>;
  /** A script run after the APPSTREAM2 app block is set up; only for the APPSTREAM2 packaging type. */
  postSetupScriptDetails?: pulumi.Input<inputs.AppBlockPostSetupScriptDetails>;
  /** CUSTOM (a virtual hard disk and setup script of your own) or APPSTREAM2 (packaged in an app block builder). */
  packagingType?: pulumi.Input<enums.AppBlockPackagingType>;
  /** Labels for the app block. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.AppBlockTimeouts>;
}

/** An AppStream 2.0 app block: the virtual hard disk in S3 that holds an elastic fleet's applications, and how to mount it. The service has no update call, so every property but `tags` replaces it. A CUSTOM app block takes a setup script; an APPSTREAM2 one is packaged in an app block builder and may take a post-setup script (CreateAppBlock in the AppStream 2.0 API Reference). */
export class AppBlock extends EucResource {
  /** The app block name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The description of the app block. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** The display name of the app block (not shown to users). */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** Where the virtual hard disk is in S3. */
  declare readonly sourceS3Location: pulumi.Output<outputs.AppBlockSourceS3Location>;
  /** The script that mounts the virtual hard disk; required for the CUSTOM packaging type. */
  declare readonly setupScriptDetails: pulumi.Output<outputs.AppBlockSetupScriptDetails | undefined>;
  /** A script run after the APPSTREAM2 app block is set up; only for the APPSTREAM2 packaging type. */
  declare readonly postSetupScriptDetails: pulumi.Output<outputs.AppBlockPostSetupScriptDetails | undefined>;
  /** CUSTOM (a virtual hard disk and setup script of your own) or APPSTREAM2 (packaged in an app block builder). */
  declare readonly packagingType: pulumi.Output<enums.AppBlockPackagingType | undefined>;
  /** Labels for the app block. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.AppBlockTimeouts | undefined>;
  /** The ARN of the app block. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** ACTIVE, or INACTIVE until an APPSTREAM2 app block is packaged. */
  declare readonly state: pulumi.Output<string | undefined>;
  /** Errors the service reports for the app block. */
  declare readonly appBlockErrors: pulumi.Output<outputs.AppBlockError[] | undefined>;
  /** When the app block was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: AppBlockArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:AppBlock",
      name,
      args,
      [
        "name",
        "description",
        "displayName",
        "sourceS3Location",
        "setupScriptDetails",
        "postSetupScriptDetails",
        "packagingType",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "state",
        "appBlockErrors",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
