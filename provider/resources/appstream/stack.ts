// Generated from schema/appstream/stack.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface StackArgs {
  /** The stack name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The stack name shown to users. */
  displayName?: pulumi.Input<string>;
  /** The description shown to users. */
  description?: pulumi.Input<string>;
  /** Where users go after their streaming session ends. */
  redirectUrl?: pulumi.Input<string>;
  /** Where users go when they click the Send Feedback link. */
  feedbackUrl?: pulumi.Input<string>;
  /** The domains where streaming sessions can be embedded in an iframe. */
  embedHostDomains?: pulumi.Input<pulumi.Input<string>[]>;
  /** The actions enabled or disabled for users during their streaming sessions. */
  userSettings?: pulumi.Input<pulumi.Input<inputs.StackUserSetting>[]>;
  /** The persistent storage users get (home folders in S3, Google Drive, OneDrive). */
  storageConnectors?: pulumi.Input<pulumi.Input<inputs.StackStorageConnector>[]>;
  /** Persistent application settings (kept in an S3 bucket between sessions). */
  applicationSettings?: pulumi.Input<inputs.StackApplicationSettings>;
  /** The VPC interface endpoints users stream through. */
  accessEndpoints?: pulumi.Input<pulumi.Input<inputs.StackAccessEndpoint>[]>;
  /** The protocol streaming sessions prefer. */
  streamingExperienceSettings?: pulumi.Input<inputs.StackStreamingExperienceSettings>;
  /** Which URLs opened in the streaming session open in the user's local browser. */
  contentRedirection?: pulumi.Input<inputs.StackContentRedirection>;
  /** What AI agents may do in streaming sessions. */
  agentAccessConfig?: pulumi.Input<inputs.StackAgentAccessConfig>;
  /** Labels for the stack. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.StackTimeouts>;
}

/** An AppStream 2.0 stack: the user-facing settings (storage, clipboard and file rules, redirect URLs) that a fleet streams through once they are associated. */
export class Stack extends EucResource {
  /** The stack name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The stack name shown to users. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** The description shown to users. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Where users go after their streaming session ends. */
  declare readonly redirectUrl: pulumi.Output<string | undefined>;
  /** Where users go when they click the Send Feedback link. */
  declare readonly feedbackUrl: pulumi.Output<string | undefined>;
  /** The domains where streaming sessions can be embedded in an iframe. */
  declare readonly embedHostDomains: pulumi.Output<string[] | undefined>;
  /** The actions enabled or disabled for users during their streaming sessions. */
  declare readonly userSettings: pulumi.Output<outputs.StackUserSetting[] | undefined>;
  /** The persistent storage users get (home folders in S3, Google Drive, OneDrive). */
  declare readonly storageConnectors: pulumi.Output<outputs.StackStorageConnector[] | undefined>;
  /** Persistent application settings (kept in an S3 bucket between sessions). */
  declare readonly applicationSettings: pulumi.Output<outputs.StackApplicationSettings | undefined>;
  /** The VPC interface endpoints users stream through. */
  declare readonly accessEndpoints: pulumi.Output<outputs.StackAccessEndpoint[] | undefined>;
  /** The protocol streaming sessions prefer. */
  declare readonly streamingExperienceSettings: pulumi.Output<outputs.StackStreamingExperienceSettings | undefined>;
  /** Which URLs opened in the streaming session open in the user's local browser. */
  declare readonly contentRedirection: pulumi.Output<outputs.StackContentRedirection | undefined>;
  /** What AI agents may do in streaming sessions. */
  declare readonly agentAccessConfig: pulumi.Output<outputs.StackAgentAccessConfig | undefined>;
  /** Labels for the stack. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.StackTimeouts | undefined>;
  /** The ARN of the stack. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** When the stack was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: StackArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:Stack",
      name,
      args,
      [
        "name",
        "displayName",
        "description",
        "redirectUrl",
        "feedbackUrl",
        "embedHostDomains",
        "userSettings",
        "storageConnectors",
        "applicationSettings",
        "accessEndpoints",
        "streamingExperienceSettings",
        "contentRedirection",
        "agentAccessConfig",
        "tags",
        "adoptId",
        "timeouts",
        "arn",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
