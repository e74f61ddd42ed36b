// Generated from schema/appstream/user.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as enums from "./types/enums";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface UserArgs {
  /** The user's email address (case-sensitive: the user signs in with exactly this). */
  userName: pulumi.Input<string>;
  /** USERPOOL, the only type CreateUser takes. */
  authenticationType: pulumi.Input<enums.UserAuthenticationType>;
  /** The user's first name, shown in the welcome email. */
  firstName?: pulumi.Input<string>;
  /** The user's last name. */
  lastName?: pulumi.Input<string>;
  /** SUPPRESS sends no welcome email; RESEND sends it again to a user that already exists (then without firstName and lastName). Used when the user is created only. */
  messageAction?: pulumi.Input<enums.UserMessageAction>;
  /** Whether the user may sign in (EnableUser / DisableUser); true when omitted. */
  enabled?: pulumi.Input<boolean>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.UserTimeouts>;
}

/** An AppStream 2.0 user pool user, identified by email address: created with a welcome email (or without, messageAction SUPPRESS), enabled or disabled as `enabled` says, deleted on destroy. */
export class User extends EucResource {
  /** The user's email address (case-sensitive: the user signs in with exactly this). */
  declare readonly userName: pulumi.Output<string>;
  /** USERPOOL, the only type CreateUser takes. */
  declare readonly authenticationType: pulumi.Output<enums.UserAuthenticationType>;
  /** The user's first name, shown in the welcome email. */
  declare readonly firstName: pulumi.Output<string | undefined>;
  /** The user's last name. */
  declare readonly lastName: pulumi.Output<string | undefined>;
  /** SUPPRESS sends no welcome email; RESEND sends it again to a user that already exists (then without firstName and lastName). Used when the user is created only. */
  declare readonly messageAction: pulumi.Output<enums.UserMessageAction | undefined>;
  /** Whether the user may sign in (EnableUser / DisableUser); true when omitted. */
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.UserTimeouts | undefined>;
  /** The ARN of the user. */
  declare readonly arn: pulumi.Output<string | undefined>;
  /** The user's status in the user pool (e.g. FORCE_CHANGE_PASSWORD until the first sign-in). */
  declare readonly status: pulumi.Output<string | undefined>;
  /** When the user was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: UserArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:User",
      name,
      args,
      [
        "userName",
        "authenticationType",
        "firstName",
        "lastName",
        "messageAction",
        "enabled",
        "adoptId",
        "timeouts",
        "arn",
        "status",
        "createdTime",
      ],
      [],
      opts,
    );
  }
}
