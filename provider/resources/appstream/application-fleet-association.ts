// Generated from schema/appstream/application-fleet-association.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface ApplicationFleetAssociationArgs {
  /** The name of the ELASTIC fleet. */
  fleetName: pulumi.Input<string>;
  /** The ARN of the application. */
  applicationArn: pulumi.Input<string>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.ApplicationFleetAssociationTimeouts>;
}

/** Associates an application with an elastic fleet, so the fleet's users can launch it (AssociateApplicationFleet in the AppStream 2.0 API Reference). Destroying it disassociates them. */
export class ApplicationFleetAssociation extends EucResource {
  /** The name of the ELASTIC fleet. */
  declare readonly fleetName: pulumi.Output<string>;
  /** The ARN of the application. */
  declare readonly applicationArn: pulumi.Output<string>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.ApplicationFleetAssociationTimeouts | undefined>;

  constructor(name: string, args: ApplicationFleetAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:ApplicationFleetAssociation",
      name,
      args,
      ["fleetName", "applicationArn", "adoptId", "timeouts"],
      [],
      opts,
    );
  }
}
