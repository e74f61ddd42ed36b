// Generated from schema/thinclient/software-set-validation.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface SoftwareSetValidationArgs {
  /** The software set whose validation status this resource manages. */
  softwareSetId: pulumi.Input<string>;
  /** The status to give the software set. */
  validationStatus: pulumi.Input<enums.SoftwareSetValidationValidationStatus>;
  /** What `pulumi destroy` does to the status - RESTORE (the default) the one found at create, or KEEP the current one. */
  deleteBehaviour?: pulumi.Input<enums.SoftwareSetValidationDeleteBehaviour>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.SoftwareSetValidationTimeouts>;
}

/** The validation status of a WorkSpaces Thin Client software set. Software sets are published by AWS and cannot be created or deleted: this resource marks one VALIDATED or NOT_VALIDATED, remembers the status it found, and on destroy puts that status back unless deleteBehaviour is KEEP. Until destroy, the software set carries the tag pulumi-aws-euc:previousValidationStatus with the status found, so that an `up` interrupted after changing the status still knows, when run again, the one to put back. */
export class SoftwareSetValidation extends EucResource {
  /** The software set whose validation status this resource manages. */
  declare readonly softwareSetId: pulumi.Output<string>;
  /** The status to give the software set. */
  declare readonly validationStatus: pulumi.Output<enums.SoftwareSetValidationValidationStatus>;
  /** What `pulumi destroy` does to the status - RESTORE (the default) the one found at create, or KEEP the current one. */
  declare readonly deleteBehaviour: pulumi.Output<enums.SoftwareSetValidationDeleteBehaviour | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.SoftwareSetValidationTimeouts | undefined>;
  /** The status the software set had before this resource took hold of it; destroy restores it. */
  declare readonly previousValidationStatus: pulumi.Output<string | undefined>;
  /** The version of the software set. */
  declare readonly version: pulumi.Output<string | undefined>;
  /** When the software set was released. */
  declare readonly releasedAt: pulumi.Output<string | undefined>;
  /** When support for the software set ends. */
  declare readonly supportedUntil: pulumi.Output<string | undefined>;
  /** The ARN of the software set. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The software components in the set. */
  declare readonly software: pulumi.Output<outputs.SoftwareSetValidationSoftware[] | undefined>;

  constructor(name: string, args: SoftwareSetValidationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "thinclient:SoftwareSetValidation",
      name,
      args,
      [
        "softwareSetId",
        "validationStatus",
        "deleteBehaviour",
        "adoptId",
        "timeouts",
        "previousValidationStatus",
        "version",
        "releasedAt",
        "supportedUntil",
        "arn",
        "software",
      ],
      [],
      opts,
    );
  }
}
