// Generated from schema/appstream/user-stack-association.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface UserStackAssociationArgs {
  /** The name of the stack. */
  stackName: pulumi.Input<string>;
  /** The user's email address, as the user was created. */
  userName: pulumi.Input<string>;
  /** The user's authentication type (USERPOOL for users of appstream.User). */
  authenticationType: pulumi.Input<enums.UserStackAssociationAuthenticationType>;
  /** Email the user that the stack is available to them; used when the association is made. */
  sendEmailNotification?: pulumi.Input<boolean>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.UserStackAssociationTimeouts>;
}

/** Entitles an AppStream 2.0 user to a stack (BatchAssociateUserStack); destroying it takes the entitlement away. An association the service refuses (no such stack or user) fails the up with the service's error code and message. */
export class UserStackAssociation extends EucResource {
  /** The name of the stack. */
  declare readonly stackName: pulumi.Output<string>;
  /** The user's email address, as the user was created. */
  declare readonly userName: pulumi.Output<string>;
  /** The user's authentication type (USERPOOL for users of appstream.User). */
  declare readonly authenticationType: pulumi.Output<enums.UserStackAssociationAuthenticationType>;
  /** Email the user that the stack is available to them; used when the association is made. */
  declare readonly sendEmailNotification: pulumi.Output<boolean | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.UserStackAssociationTimeouts | undefined>;

  constructor(name: string, args: UserStackAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:UserStackAssociation",
      name,
      args,
      ["stackName", "userName", "authenticationType", "sendEmailNotification", "adoptId", "timeouts"],
      [],
      opts,
    );
  }
}
