// AppStream 2.0 functions for programs: the users of a user pool, users' stack entitlements, and
// directory configs (read only; the service account's password is never returned).
import * as pulumi from "@pulumi/pulumi";
import { invokeAll } from "./invoke";
import { afterResources } from "./preview";

/** How a user signs in; the generated `UserAuthenticationType` holds only USERPOOL, the type a program creates. */
export type AuthenticationTypeOfUser = "API" | "SAML" | "USERPOOL" | "AWS_AD";

export interface AppStreamUser {
  userName: string;
  authenticationType: AuthenticationTypeOfUser;
  enabled: boolean;
  /** FORCE_CHANGE_PASSWORD until the first sign-in, then CONFIRMED (and others of the user pool). */
  status?: string;
  firstName?: string;
  lastName?: string;
  arn?: string;
  createdTime?: string;
}

export interface DescribeUsersArgs {
  /** Which users: the service lists one authentication type at a time (USERPOOL for user pool users). */
  authenticationType: AuthenticationTypeOfUser;
}

export interface UserStackAssociationInfo {
  stackName: string;
  userName: string;
  authenticationType: AuthenticationTypeOfUser;
}

export interface DescribeUserStackAssociationsArgs {
  /** The stack's associations; or, with userName and authenticationType, one user's stacks (or both). */
  stackName?: string;
  userName?: string;
  authenticationType?: AuthenticationTypeOfUser;
}

export interface DirectoryConfigInfo {
  directoryName: string;
  organizationalUnitDistinguishedNames: string[];
  certificateBasedAuthProperties?: {
    status?: "DISABLED" | "ENABLED" | "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK";
    certificateAuthorityArn?: string;
  };
  createdTime?: string;
}

export interface DescribeDirectoryConfigsArgs {
  /** Only these directories (each must exist); every directory config of the account when omitted. */
  directoryNames?: string[];
}

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** Every user of an authentication type, all pages. */
export async function describeUsers(args: DescribeUsersArgs): Promise<AppStreamUser[]> {
  const users = await invokeAll("appstream", "DescribeUsers", { AuthenticationType: args.authenticationType }, "Users");
  return users.map((u) => ({
    userName: String(u.UserName),
    authenticationType: u.AuthenticationType as AuthenticationTypeOfUser,
    enabled: u.Enabled === true,
    status: optional(u.Status),
    firstName: optional(u.FirstName),
    lastName: optional(u.LastName),
    arn: optional(u.Arn),
    createdTime: isoTime(u.CreatedTime),
  }));
}

/** describeUsers after the resources its arguments come from exist. */
export function describeUsersOutput(args: Inputs<DescribeUsersArgs>): pulumi.Output<AppStreamUser[]> {
  return afterResources(args).apply((plain) => describeUsers(plain as DescribeUsersArgs));
}

/** The stacks users are entitled to, all pages. */
export async function describeUserStackAssociations(
  args: DescribeUserStackAssociationsArgs,
): Promise<UserStackAssociationInfo[]> {
  const request = { StackName: args.stackName, UserName: args.userName, AuthenticationType: args.authenticationType };
  const associations = await invokeAll("appstream", "DescribeUserStackAssociations", request, "UserStackAssociations");
  return associations.map((a) => ({
    stackName: String(a.StackName),
    userName: String(a.UserName),
    authenticationType: a.AuthenticationType as AuthenticationTypeOfUser,
  }));
}

/** describeUserStackAssociations after the resources its arguments come from exist. */
export function describeUserStackAssociationsOutput(
  args: Inputs<DescribeUserStackAssociationsArgs>,
): pulumi.Output<UserStackAssociationInfo[]> {
  return afterResources(args).apply((plain) =>
    describeUserStackAssociations(plain as DescribeUserStackAssociationsArgs),
  );
}

/** Directory configs, all pages; the service account's credentials are not part of the answer. */
export async function describeDirectoryConfigs(
  args: DescribeDirectoryConfigsArgs = {},
): Promise<DirectoryConfigInfo[]> {
  const configs = await invokeAll(
    "appstream",
    "DescribeDirectoryConfigs",
    { DirectoryNames: args.directoryNames },
    "DirectoryConfigs",
  );
  return configs.map((c) => {
    const auth = c.CertificateBasedAuthProperties as Record<string, unknown> | undefined;
    return {
      directoryName: String(c.DirectoryName),
      organizationalUnitDistinguishedNames: (c.OrganizationalUnitDistinguishedNames as string[] | undefined) ?? [],
      certificateBasedAuthProperties: auth && {
        status: optional(auth.Status) as "DISABLED" | "ENABLED" | "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK" | undefined,
        certificateAuthorityArn: optional(auth.CertificateAuthorityArn),
      },
      createdTime: isoTime(c.CreatedTime),
    };
  });
}

/** describeDirectoryConfigs after the resources its arguments come from exist (a DirectoryConfig's name, say). */
export function describeDirectoryConfigsOutput(
  args: Inputs<DescribeDirectoryConfigsArgs> = {},
): pulumi.Output<DirectoryConfigInfo[]> {
  return afterResources(args).apply((plain) => describeDirectoryConfigs(plain as DescribeDirectoryConfigsArgs));
}

function optional(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isoTime(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : typeof value === "string" ? value : undefined;
}
