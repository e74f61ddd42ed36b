// AppStream 2.0 functions for elastic fleets: read access to app blocks, applications and the
// applications an entitlement grants, every page of each.
import * as pulumi from "@pulumi/pulumi";
import { invokeAll } from "./invoke";
import { afterResources } from "./preview";

export interface S3LocationInfo {
  s3Bucket: string;
  s3Key?: string;
}

export interface ScriptDetailsInfo {
  scriptS3Location: S3LocationInfo;
  executablePath: string;
  executableParameters?: string;
  timeoutInSeconds: number;
}

export interface AppBlockInfo {
  name: string;
  arn: string;
  displayName?: string;
  description?: string;
  sourceS3Location?: S3LocationInfo;
  setupScriptDetails?: ScriptDetailsInfo;
  postSetupScriptDetails?: ScriptDetailsInfo;
  packagingType?: "CUSTOM" | "APPSTREAM2";
  /** ACTIVE, or INACTIVE until an APPSTREAM2 app block is packaged. */
  state?: "ACTIVE" | "INACTIVE";
  errors: Array<{ errorCode?: string; errorMessage?: string }>;
  createdTime?: string;
}

export interface ApplicationInfo {
  name: string;
  arn: string;
  displayName?: string;
  description?: string;
  appBlockArn?: string;
  launchPath?: string;
  launchParameters?: string;
  workingDirectory?: string;
  platforms: string[];
  instanceFamilies: string[];
  iconUrl?: string;
  iconS3Location?: S3LocationInfo;
  enabled?: boolean;
  createdTime?: string;
}

type Wire = Record<string, unknown>;

/** App blocks of the account and region: those named by `arns`, or all of them. */
export async function describeAppBlocks(args: { arns?: string[] } = {}): Promise<AppBlockInfo[]> {
  const items = await invokeAll("appstream", "DescribeAppBlocks", args.arns ? { Arns: args.arns } : {}, "AppBlocks");
  return items.map((b) => ({
    name: String(b.Name),
    arn: String(b.Arn),
    displayName: optional(b.DisplayName),
    description: optional(b.Description),
    sourceS3Location: s3(b.SourceS3Location),
    setupScriptDetails: script(b.SetupScriptDetails),
    postSetupScriptDetails: script(b.PostSetupScriptDetails),
    packagingType: optional(b.PackagingType) as AppBlockInfo["packagingType"],
    state: optional(b.State) as AppBlockInfo["state"],
    errors: ((b.AppBlockErrors as Wire[] | undefined) ?? []).map((e) => ({
      errorCode: optional(e.ErrorCode),
      errorMessage: optional(e.ErrorMessage),
    })),
    createdTime: isoTime(b.CreatedTime),
  }));
}

/** Applications of the account and region: those named by `arns`, or all of them. */
export async function describeApplications(args: { arns?: string[] } = {}): Promise<ApplicationInfo[]> {
  const items = await invokeAll(
    "appstream",
    "DescribeApplications",
    args.arns ? { Arns: args.arns } : {},
    "Applications",
  );
  return items.map((a) => ({
    name: String(a.Name),
    arn: String(a.Arn),
    displayName: optional(a.DisplayName),
    description: optional(a.Description),
    appBlockArn: optional(a.AppBlockArn),
    launchPath: optional(a.LaunchPath),
    launchParameters: optional(a.LaunchParameters),
    workingDirectory: optional(a.WorkingDirectory),
    platforms: (a.Platforms as string[] | undefined) ?? [],
    instanceFamilies: (a.InstanceFamilies as string[] | undefined) ?? [],
    iconUrl: optional(a.IconURL),
    iconS3Location: s3(a.IconS3Location),
    enabled: typeof a.Enabled === "boolean" ? a.Enabled : undefined,
    createdTime: isoTime(a.CreatedTime),
  }));
}

export interface ListEntitledApplicationsArgs {
  stackName: string;
  entitlementName: string;
}

/** The names of the applications an entitlement grants (those associated with it), all pages. */
export async function listEntitledApplications(args: ListEntitledApplicationsArgs): Promise<string[]> {
  const items = await invokeAll(
    "appstream",
    "ListEntitledApplications",
    { StackName: args.stackName, EntitlementName: args.entitlementName },
    "EntitledApplications",
  );
  return items.map((a) => String(a.ApplicationIdentifier));
}

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };
/** ARNs, each of which may be an Output (a resource's `arn`). */
type ArnInputs = { arns?: pulumi.Input<Array<pulumi.Input<string>>> };

/** describeAppBlocks for ARNs that are Outputs: it waits until the resources they come from exist. */
export function describeAppBlocksOutput(args: ArnInputs = {}): pulumi.Output<AppBlockInfo[]> {
  return afterResources(args).apply((plain) => describeAppBlocks(plain as { arns?: string[] }));
}

/** describeApplications for ARNs that are Outputs: it waits until the resources they come from exist. */
export function describeApplicationsOutput(args: ArnInputs = {}): pulumi.Output<ApplicationInfo[]> {
  return afterResources(args).apply((plain) => describeApplications(plain as { arns?: string[] }));
}

/** listEntitledApplications for names that are Outputs: it waits until the resources they come from exist. */
export function listEntitledApplicationsOutput(args: Inputs<ListEntitledApplicationsArgs>): pulumi.Output<string[]> {
  return afterResources(args).apply((plain) => listEntitledApplications(plain as ListEntitledApplicationsArgs));
}

function optional(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function s3(value: unknown): S3LocationInfo | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Wire;
  return { s3Bucket: String(v.S3Bucket), ...(typeof v.S3Key === "string" ? { s3Key: v.S3Key } : {}) };
}

function script(value: unknown): ScriptDetailsInfo | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Wire;
  return {
    scriptS3Location: s3(v.ScriptS3Location) ?? { s3Bucket: "" },
    executablePath: String(v.ExecutablePath),
    ...(typeof v.ExecutableParameters === "string" ? { executableParameters: v.ExecutableParameters } : {}),
    timeoutInSeconds: Number(v.TimeoutInSeconds),
  };
}

function isoTime(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : typeof value === "string" ? value : undefined;
}
