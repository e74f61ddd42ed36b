// Generated from schema/appstream/application-entitlement-association.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface ApplicationEntitlementAssociationArgs {
  /** The name of the stack. */
  stackName: pulumi.Input<string>;
  /** The name of the entitlement. */
  entitlementName: pulumi.Input<string>;
  /** The application's name (an appstream.Application's name, or an application in the fleet's image). */
  applicationIdentifier: pulumi.Input<string>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.ApplicationEntitlementAssociationTimeouts>;
}

/** Entitles users to one application of a stack through an entitlement whose appVisibility is ASSOCIATED (AssociateApplicationToEntitlement in the AppStream 2.0 API Reference). Destroying it takes the application out of the entitlement. */
export class ApplicationEntitlementAssociation extends EucResource {
  /** The name of the stack. */
  declare readonly stackName: pulumi.Output<string>;
  /** The name of the entitlement. */
  declare readonly entitlementName: pulumi.Output<string>;
  /** The application's name (an appstream.Application's name, or an application in the fleet's image). */
  declare readonly applicationIdentifier: pulumi.Output<string>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.ApplicationEntitlementAssociationTimeouts | undefined>;

  constructor(name: string, args: ApplicationEntitlementAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:ApplicationEntitlementAssociation",
      name,
      args,
      ["stackName", "entitlementName", "applicationIdentifier", "adoptId", "timeouts"],
      [],
      opts,
    );
  }
}
