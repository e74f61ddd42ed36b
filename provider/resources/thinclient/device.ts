// Generated from schema/thinclient/device.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface DeviceArgs {
  /** The name of the device. */
  name?: pulumi.Input<string>;
  /** The software set the device should run. */
  desiredSoftwareSetId?: pulumi.Input<string>;
  /** Whether the device installs software updates in its environment's maintenance window or right away. */
  softwareSetUpdateSchedule?: pulumi.Input<enums.DeviceSoftwareSetUpdateSchedule>;
  /** Labels for the device. */
  tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** What `pulumi destroy` does: DEREGISTER (the default) or ARCHIVE deregisters the device and waits for that status; DEREGISTER_AND_DELETE and ARCHIVE_AND_DELETE then delete it; FORGET leaves the device as it is and only drops it from the stack. */
  deleteBehaviour?: pulumi.Input<enums.DeviceDeleteBehaviour>;
  /** The environment the device is registered to, usually an Environment's `id`. Stating it makes the device depend on that environment, so `pulumi destroy` deregisters the device before it deletes the environment. It must be the environment the device registered with (a device changes environment only by registering again): a different one fails the preview. */
  environmentId?: pulumi.Input<string>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.DeviceTimeouts>;
}

/** A WorkSpaces Thin Client device. Devices register themselves with an environment's activation code, so this resource takes over an existing device by id (adoptId) and manages its name, software set and update schedule; deleteBehaviour says what `pulumi destroy` does to it. */
export class Device extends EucResource {
  /** The name of the device. */
  declare readonly name: pulumi.Output<string | undefined>;
  /** The software set the device should run. */
  declare readonly desiredSoftwareSetId: pulumi.Output<string | undefined>;
  /** Whether the device installs software updates in its environment's maintenance window or right away. */
  declare readonly softwareSetUpdateSchedule: pulumi.Output<enums.DeviceSoftwareSetUpdateSchedule | undefined>;
  /** Labels for the device. */
  declare readonly tags: pulumi.Output<{ [key: string]: string } | undefined>;
  /** What `pulumi destroy` does: DEREGISTER (the default) or ARCHIVE deregisters the device and waits for that status; DEREGISTER_AND_DELETE and ARCHIVE_AND_DELETE then delete it; FORGET leaves the device as it is and only drops it from the stack. */
  declare readonly deleteBehaviour: pulumi.Output<enums.DeviceDeleteBehaviour | undefined>;
  /** The environment the device is registered to, usually an Environment's `id`. Stating it makes the device depend on that environment, so `pulumi destroy` deregisters the device before it deletes the environment. It must be the environment the device registered with (a device changes environment only by registering again): a different one fails the preview. */
  declare readonly environmentId: pulumi.Output<string | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.DeviceTimeouts | undefined>;
  /** The unique identifier of the device. */
  declare readonly deviceId: pulumi.Output<string>;
  /** The ARN of the device. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The hardware serial number of the device. */
  declare readonly serialNumber: pulumi.Output<string | undefined>;
  /** The model of the device. */
  declare readonly model: pulumi.Output<string | undefined>;
  /** REGISTERED, DEREGISTERING, DEREGISTERED or ARCHIVED. */
  declare readonly status: pulumi.Output<string | undefined>;
  /** The software set installed on the device. */
  declare readonly currentSoftwareSetId: pulumi.Output<string | undefined>;
  /** The version of the software set installed on the device. */
  declare readonly currentSoftwareSetVersion: pulumi.Output<string | undefined>;
  /** The software set waiting to be installed. */
  declare readonly pendingSoftwareSetId: pulumi.Output<string | undefined>;
  /** The version of the software set waiting to be installed. */
  declare readonly pendingSoftwareSetVersion: pulumi.Output<string | undefined>;
  /** Whether the installed software set is still supported. */
  declare readonly softwareSetComplianceStatus: pulumi.Output<string | undefined>;
  /** Whether an update is available, in progress or installed. */
  declare readonly softwareSetUpdateStatus: pulumi.Output<string | undefined>;
  /** When the device last had a session. */
  declare readonly lastConnectedAt: pulumi.Output<string | undefined>;
  /** When the device last checked in. */
  declare readonly lastPostureAt: pulumi.Output<string | undefined>;
  /** The user who last used the device. */
  declare readonly lastUserId: pulumi.Output<string | undefined>;
  /** The KMS key that encrypts the device's data. */
  declare readonly kmsKeyArn: pulumi.Output<string | undefined>;
  /** When the device registered. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** When the device was last updated. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;

  constructor(name: string, args: DeviceArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "thinclient:Device",
      name,
      args,
      [
        "name",
        "desiredSoftwareSetId",
        "softwareSetUpdateSchedule",
        "tags",
        "deleteBehaviour",
        "environmentId",
        "adoptId",
        "timeouts",
        "deviceId",
        "arn",
        "serialNumber",
        "model",
        "status",
        "currentSoftwareSetId",
        "currentSoftwareSetVersion",
        "pendingSoftwareSetId",
        "pendingSoftwareSetVersion",
        "softwareSetComplianceStatus",
        "softwareSetUpdateStatus",
        "lastConnectedAt",
        "lastPostureAt",
        "lastUserId",
        "kmsKeyArn",
        "createdAt",
        "updatedAt",
      ],
      [],
      opts,
      { deviceId: 0 },
    );
  }
}
