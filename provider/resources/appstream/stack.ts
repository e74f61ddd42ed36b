// Generated from schema/appstream/stack.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";

/** The actions enabled or disabled for users during their streaming sessions. */
export type StackUserSettings = Array<{
  action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE" | "CLIPBOARD_COPY_TO_LOCAL_DEVICE" | "FILE_UPLOAD" | "FILE_DOWNLOAD" | "PRINTING_TO_LOCAL_DEVICE" | "DOMAIN_PASSWORD_SIGNIN" | "DOMAIN_SMART_CARD_SIGNIN" | "AUTO_TIME_ZONE_REDIRECTION" | "SMART_CARD_REDIRECTION";
  permission: "ENABLED" | "DISABLED";
  maximumLength?: number;
}>;

/** The persistent storage users get (home folders in S3, Google Drive, OneDrive). */
export type StackStorageConnectors = Array<{
  connectorType: "HOMEFOLDERS" | "GOOGLE_DRIVE" | "ONE_DRIVE";
  /** The ARN of the storage connector (home folders take none). */
  resourceIdentifier?: string;
  /** The domains of the Google Workspace or OneDrive accounts allowed. */
  domains?: string[];
  /** The OneDrive domains that need an administrator's consent. */
  domainsRequireAdminConsent?: string[];
}>;

/** Persistent application settings (kept in an S3 bucket between sessions). */
export type StackApplicationSettings = {
  enabled: boolean;
  /** The path prefix in the settings bucket; stacks with the same group share settings. */
  settingsGroup?: string;
};

/** The VPC interface endpoints users stream through. */
export type StackAccessEndpoints = {
  endpointType: "STREAMING";
  /** The interface endpoint's id. */
  vpceId?: string;
}[];

/** The protocol streaming sessions prefer. */
export type StackStreamingExperienceSettings = {
  preferredProtocol?: "TCP" | "UDP";
};

/** Which URLs opened in the streaming session open in the user's local browser. */
export type StackContentRedirection = {
  hostToClient?: {
    enabled: boolean;
    allowedUrls?: string[];
    deniedUrls?: string[];
  };
};

/** What AI agents may do in streaming sessions. */
export type StackAgentAccessConfig = {
  settings: Array<{
    agentAction: "COMPUTER_VISION" | "COMPUTER_INPUT" | "FORWARD_MCP_TOOLS";
    permission: "ENABLED" | "DISABLED";
  }>;
  screenResolution: "W_1280xH_720";
  screenImageFormat: "PNG" | "JPEG";
  userControlMode?: "VIEW_ONLY" | "VIEW_STOP" | "DISABLED";
  screenshotsUploadEnabled?: boolean;
};

/** How long to wait, in minutes, for the service to finish each kind of change. */
export type StackTimeouts = {
  create?: number;
  update?: number;
  delete?: number;
};

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
  embedHostDomains?: pulumi.Input<string[]>;
  /** The actions enabled or disabled for users during their streaming sessions. */
  userSettings?: pulumi.Input<StackUserSettings>;
  /** The persistent storage users get (home folders in S3, Google Drive, OneDrive). */
  storageConnectors?: pulumi.Input<StackStorageConnectors>;
  /** Persistent application settings (kept in an S3 bucket between sessions). */
  applicationSettings?: pulumi.Input<StackApplicationSettings>;
  /** The VPC interface endpoints users stream through. */
  accessEndpoints?: pulumi.Input<StackAccessEndpoints>;
  /** The protocol streaming sessions prefer. */
  streamingExperienceSettings?: pulumi.Input<StackStreamingExperienceSettings>;
  /** Which URLs opened in the streaming session open in the user's local browser. */
  contentRedirection?: pulumi.Input<StackContentRedirection>;
  /** What AI agents may do in streaming sessions. */
  agentAccessConfig?: pulumi.Input<StackAgentAccessConfig>;
  /** Labels for the stack. */
  tags?: pulumi.Input<Record<string, string>>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<StackTimeouts>;
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
  declare readonly userSettings: pulumi.Output<StackUserSettings | undefined>;
  /** The persistent storage users get (home folders in S3, Google Drive, OneDrive). */
  declare readonly storageConnectors: pulumi.Output<StackStorageConnectors | undefined>;
  /** Persistent application settings (kept in an S3 bucket between sessions). */
  declare readonly applicationSettings: pulumi.Output<StackApplicationSettings | undefined>;
  /** The VPC interface endpoints users stream through. */
  declare readonly accessEndpoints: pulumi.Output<StackAccessEndpoints | undefined>;
  /** The protocol streaming sessions prefer. */
  declare readonly streamingExperienceSettings: pulumi.Output<StackStreamingExperienceSettings | undefined>;
  /** Which URLs opened in the streaming session open in the user's local browser. */
  declare readonly contentRedirection: pulumi.Output<StackContentRedirection | undefined>;
  /** What AI agents may do in streaming sessions. */
  declare readonly agentAccessConfig: pulumi.Output<StackAgentAccessConfig | undefined>;
  /** Labels for the stack. */
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<StackTimeouts | undefined>;
  /** The ARN of the stack. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** When the stack was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: StackArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("appstream:Stack", name, args, ["name","displayName","description","redirectUrl","feedbackUrl","embedHostDomains","userSettings","storageConnectors","applicationSettings","accessEndpoints","streamingExperienceSettings","contentRedirection","agentAccessConfig","tags","adoptId","timeouts","arn","createdTime"], [], opts);
  }
}
