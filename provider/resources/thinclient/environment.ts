// Generated from schema/thinclient/environment.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface EnvironmentArgs {
  /** The name of the environment. */
  name?: pulumi.Input<string>;
  /** The ARN of the desktop to stream from (a WorkSpaces directory, a WorkSpaces Web portal or an AppStream 2.0 stack). */
  desktopArn: pulumi.Input<string>;
  /** The URL for the identity provider login (only for environments that use AppStream 2.0). */
  desktopEndpoint?: pulumi.Input<string>;
  /** Whether devices take software updates in the maintenance window or as soon as they are available. */
  softwareSetUpdateSchedule?: pulumi.Input<enums.EnvironmentSoftwareSetUpdateSchedule>;
  /** When software updates are applied; the service chooses (SYSTEM) unless a CUSTOM window is given. */
  maintenanceWindow?: pulumi.Input<inputs.EnvironmentMaintenanceWindow>;
  /** Whether devices get the latest software set (USE_LATEST) or the one named by desiredSoftwareSetId (USE_DESIRED). */
  softwareSetUpdateMode?: pulumi.Input<enums.EnvironmentSoftwareSetUpdateMode>;
  /** The software set devices run when softwareSetUpdateMode is USE_DESIRED. */
  desiredSoftwareSetId?: pulumi.Input<string>;
  /** The KMS key that encrypts the environment; UpdateEnvironment cannot change it, so a new key replaces the environment. */
  kmsKeyArn?: pulumi.Input<string>;
  /** Tags given to each device that registers with the environment. */
  deviceCreationTags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Labels for the environment. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.EnvironmentTimeouts>;
}

/** A WorkSpaces Thin Client environment: the desktop its devices stream from, when they take software updates, and the activation code a device registers with. */
export class Environment extends EucResource {
  /** The name of the environment. */
  declare readonly name: pulumi.Output<string | undefined>;
  /** The ARN of the desktop to stream from (a WorkSpaces directory, a WorkSpaces Web portal or an AppStream 2.0 stack). */
  declare readonly desktopArn: pulumi.Output<string>;
  /** The URL for the identity provider login (only for environments that use AppStream 2.0). */
  declare readonly desktopEndpoint: pulumi.Output<string | undefined>;
  /** Whether devices take software updates in the maintenance window or as soon as they are available. */
  declare readonly softwareSetUpdateSchedule: pulumi.Output<enums.EnvironmentSoftwareSetUpdateSchedule | undefined>;
  /** When software updates are applied; the service chooses (SYSTEM) unless a CUSTOM window is given. */
  declare readonly maintenanceWindow: pulumi.Output<outputs.EnvironmentMaintenanceWindow | undefined>;
  /** Whether devices get the latest software set (USE_LATEST) or the one named by desiredSoftwareSetId (USE_DESIRED). */
  declare readonly softwareSetUpdateMode: pulumi.Output<enums.EnvironmentSoftwareSetUpdateMode | undefined>;
  /** The software set devices run when softwareSetUpdateMode is USE_DESIRED. */
  declare readonly desiredSoftwareSetId: pulumi.Output<string | undefined>;
  /** The KMS key that encrypts the environment; UpdateEnvironment cannot change it, so a new key replaces the environment. */
  declare readonly kmsKeyArn: pulumi.Output<string | undefined>;
  /** Tags given to each device that registers with the environment. */
  declare readonly deviceCreationTags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Labels for the environment. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.EnvironmentTimeouts | undefined>;
  /** The unique identifier of the environment. */
  declare readonly environmentId: pulumi.Output<string>;
  /** The ARN of the environment. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The kind of desktop streamed: workspaces, appstream or workspaces-web. */
  declare readonly desktopType: pulumi.Output<string | undefined>;
  /** The code a device is registered to the environment with. */
  declare readonly activationCode: pulumi.Output<string | undefined>;
  /** How many devices are registered to the environment. */
  declare readonly registeredDevicesCount: pulumi.Output<number | undefined>;
  /** The software set waiting to be installed. */
  declare readonly pendingSoftwareSetId: pulumi.Output<string | undefined>;
  /** The version of the software set waiting to be installed. */
  declare readonly pendingSoftwareSetVersion: pulumi.Output<string | undefined>;
  /** Whether the environment's devices run a supported software set. */
  declare readonly softwareSetComplianceStatus: pulumi.Output<string | undefined>;
  /** When the environment was created. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When the environment was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: EnvironmentArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "thinclient:Environment",
      name,
      args,
      [
        "name",
        "desktopArn",
        "desktopEndpoint",
        "softwareSetUpdateSchedule",
        "maintenanceWindow",
        "softwareSetUpdateMode",
        "desiredSoftwareSetId",
        "kmsKeyArn",
        "deviceCreationTags",
        "tags",
        "adoptId",
        "timeouts",
        "environmentId",
        "arn",
        "desktopType",
        "activationCode",
        "registeredDevicesCount",
        "pendingSoftwareSetId",
        "pendingSoftwareSetVersion",
        "softwareSetComplianceStatus",
        "createdAt",
        "updatedAt",
      ],
      ["activationCode"],
      opts,
      { environmentId: 0 },
    );
  }
}
