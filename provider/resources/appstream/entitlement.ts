// Generated from schema/appstream/entitlement.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface EntitlementArgs {
  /** The entitlement name; generated from the resource name when omitted. */
  name?: pulumi.Input<string>;
  /** The name of the stack whose applications it entitles. */
  stackName: pulumi.Input<string>;
  /** The description of the entitlement. */
  description?: pulumi.Input<string>;
  /** ALL entitles every application of the stack; ASSOCIATED only the associated ones. */
  appVisibility: pulumi.Input<enums.EntitlementAppVisibility>;
  /** The SAML attributes a user must have, each a name and a value. */
  attributes: pulumi.Input<pulumi.Input<inputs.EntitlementAttribute>[]>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.EntitlementTimeouts>;
}

/** An AppStream 2.0 entitlement: which applications of a stack SAML 2.0 federated users see, matched on their SAML attributes (user pool and streaming URL users see every application). appVisibility ALL entitles every application of the stack; ASSOCIATED only those associated with it (ApplicationEntitlementAssociation). UpdateEntitlement changes all but the name and stack in place. */
export class Entitlement extends EucResource {
  /** The entitlement name; generated from the resource name when omitted. */
  declare readonly name: pulumi.Output<string>;
  /** The name of the stack whose applications it entitles. */
  declare readonly stackName: pulumi.Output<string>;
  /** The description of the entitlement. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** ALL entitles every application of the stack; ASSOCIATED only the associated ones. */
  declare readonly appVisibility: pulumi.Output<enums.EntitlementAppVisibility>;
  /** The SAML attributes a user must have, each a name and a value. */
  declare readonly attributes: pulumi.Output<outputs.EntitlementAttribute[]>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.EntitlementTimeouts | undefined>;
  /** When the entitlement was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;
  /** When the entitlement was last changed. */
  declare readonly lastModifiedTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: EntitlementArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:Entitlement",
      name,
      args,
      [
        "name",
        "stackName",
        "description",
        "appVisibility",
        "attributes",
        "adoptId",
        "timeouts",
        "createdTime",
        "lastModifiedTime",
      ],
      [],
      opts,
    );
  }
}
