// Generated from schema/appstream/fleet-stack-association.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface FleetStackAssociationArgs {
  /** The name of the fleet. */
  fleetName: pulumi.Input<string>;
  /** The name of the stack. */
  stackName: pulumi.Input<string>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.FleetStackAssociationTimeouts>;
}

/** Associates an AppStream 2.0 fleet with a stack, so the stack's users stream from the fleet's instances. Destroying it disassociates them; neither the fleet nor the stack can be deleted while they are associated. */
export class FleetStackAssociation extends EucResource {
  /** The name of the fleet. */
  declare readonly fleetName: pulumi.Output<string>;
  /** The name of the stack. */
  declare readonly stackName: pulumi.Output<string>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.FleetStackAssociationTimeouts | undefined>;

  constructor(name: string, args: FleetStackAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    super("appstream:FleetStackAssociation", name, args, ["fleetName", "stackName", "adoptId", "timeouts"], [], opts);
  }
}
