import { ServiceError, type Operation, type OperationContext, type ResourceRecord } from "../../core/types";
import { DELETED } from "../../core/world";
import {
  alreadyExists,
  arn,
  compact,
  concurrent,
  epochSeconds,
  inUse,
  invalid,
  KIND,
  notFound,
  optBool,
  optInt,
  optList,
  optObject,
  optString,
  optStringList,
  optTags,
  pageOf,
  reqInstanceType,
  reqName,
  checkInstanceType,
  selectByNames,
  setTags,
  type Input,
  read,
  write,
} from "./common";
import { requireDirectoryConfig } from "./directory-configs";
import { resolveImage } from "./images";

// Ranges as the current SDK documents them (seed 002 had 57600 for both durations).
const MAX_USER_DURATION = [600, 432000] as const;
const DISCONNECT_TIMEOUT = [60, 36000] as const;
const IDLE_DISCONNECT_MAX = 36000;

/** Seed 002: a RUNNING fleet accepts only these (Name identifies the fleet). */
const UPDATABLE_WHILE_RUNNING = new Set(["Name", "DisplayName", "ComputeCapacity"]);

/** What each FleetAttribute of AttributesToDelete removes. */
const DELETABLE: Record<string, (attrs: Input) => void> = {
  VPC_CONFIGURATION: (a) => delete a.VpcConfig,
  VPC_CONFIGURATION_SECURITY_GROUP_IDS: (a) => {
    const vpc = a.VpcConfig as Input | undefined;
    if (vpc) delete vpc.SecurityGroupIds;
  },
  DOMAIN_JOIN_INFO: (a) => delete a.DomainJoinInfo,
  IAM_ROLE_ARN: (a) => delete a.IamRoleArn,
  USB_DEVICE_FILTER_STRINGS: (a) => delete a.UsbDeviceFilterStrings,
  SESSION_SCRIPT_S3_LOCATION: (a) => delete a.SessionScriptS3Location,
  MAX_SESSIONS_PER_INSTANCE: (a) => delete a.MaxSessionsPerInstance,
  VOLUME_CONFIGURATION: (a) => delete a.RootVolumeConfig,
};

/** The request members that set each deletable attribute: setting and deleting one is contradictory. */
const SET_BY: Record<string, string> = {
  VPC_CONFIGURATION: "VpcConfig",
  DOMAIN_JOIN_INFO: "DomainJoinInfo",
  IAM_ROLE_ARN: "IamRoleArn",
  USB_DEVICE_FILTER_STRINGS: "UsbDeviceFilterStrings",
  SESSION_SCRIPT_S3_LOCATION: "SessionScriptS3Location",
  MAX_SESSIONS_PER_INSTANCE: "MaxSessionsPerInstance",
  VOLUME_CONFIGURATION: "RootVolumeConfig",
};

function vpcConfig(input: Input): Input | undefined {
  const vpc = optObject(input, "VpcConfig");
  if (!vpc) return undefined;
  const subnets = optStringList(vpc, "SubnetIds");
  const groups = optStringList(vpc, "SecurityGroupIds");
  return compact({ SubnetIds: subnets, SecurityGroupIds: groups });
}

function domainJoinInfo(input: Input, ctx: OperationContext): Input | undefined {
  const info = optObject(input, "DomainJoinInfo");
  if (!info) return undefined;
  requireDirectoryConfig(ctx, info);
  return compact({
    DirectoryName: optString(info, "DirectoryName"),
    OrganizationalUnitDistinguishedName: optString(info, "OrganizationalUnitDistinguishedName"),
  });
}

function s3Location(input: Input, name: string): Input | undefined {
  const location = optObject(input, name);
  if (!location) return undefined;
  if (typeof location.S3Bucket !== "string" || location.S3Bucket === "")
    throw invalid(`Missing required parameter ${name}.S3Bucket.`);
  return compact({ S3Bucket: location.S3Bucket, S3Key: optString(location, "S3Key") });
}

function rootVolume(input: Input): Input | undefined {
  const volume = optObject(input, "RootVolumeConfig");
  if (!volume) return undefined;
  return compact({ VolumeSizeInGb: optInt(volume, "VolumeSizeInGb", 200, 500) });
}

function idleTimeout(input: Input): number | undefined {
  const idle = optInt(input, "IdleDisconnectTimeoutInSeconds", 0, IDLE_DISCONNECT_MAX);
  if (idle !== undefined && idle !== 0 && idle < 60)
    throw invalid("IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000.");
  return idle;
}

/** ComputeCapacity: exactly one of DesiredInstances / DesiredSessions, by single- or multi-session fleet. */
function desiredCapacity(input: Input, multiSession: boolean): number | undefined {
  const capacity = optObject(input, "ComputeCapacity");
  if (!capacity) return undefined;
  const instances = optInt(capacity, "DesiredInstances", 0, 10000);
  const sessions = optInt(capacity, "DesiredSessions", 0, 100000);
  if (instances !== undefined && sessions !== undefined)
    throw invalid("ComputeCapacity takes DesiredInstances or DesiredSessions, not both.");
  if (multiSession && instances !== undefined)
    throw invalid("A multi-session fleet takes ComputeCapacity.DesiredSessions.");
  if (!multiSession && sessions !== undefined)
    throw invalid("ComputeCapacity.DesiredSessions is only allowed for multi-session fleets.");
  const desired = instances ?? sessions;
  if (desired === undefined) throw invalid("Missing required parameter ComputeCapacity.DesiredInstances.");
  return desired;
}

function capacityStatus(desired: number, running: boolean): Input {
  return { Desired: desired, Running: running ? desired : 0, InUse: 0, Available: running ? desired : 0 };
}

function mustGetFleet(ctx: OperationContext, name: string): ResourceRecord {
  const fleet = ctx.get(KIND.fleet, name);
  if (!fleet) throw notFound(`Fleet ${name}`);
  return fleet;
}

export function isAssociated(ctx: OperationContext, fleetName: string): boolean {
  return ctx.list(KIND.association).some((a) => a.attributes.FleetName === fleetName);
}

function createFleet(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const instanceType = reqInstanceType(input);
  const fleetType = (input["FleetType"] as string | undefined) ?? "ON_DEMAND";
  const elastic = fleetType === "ELASTIC";
  const maxSessionsPerInstance = optInt(input, "MaxSessionsPerInstance", 1, 50);
  const vpc = vpcConfig(input);
  const maxConcurrentSessions = optInt(input, "MaxConcurrentSessions", 1, 100000);
  let desired = desiredCapacity(input, maxSessionsPerInstance !== undefined);
  if (elastic) {
    if (desired !== undefined)
      throw invalid("ComputeCapacity is not allowed for Elastic fleets; use MaxConcurrentSessions.");
    if (maxConcurrentSessions === undefined) throw invalid("MaxConcurrentSessions is required for Elastic fleets.");
    if (((vpc?.SubnetIds as string[] | undefined)?.length ?? 0) < 2)
      throw invalid("Elastic fleets need a VpcConfig with at least two subnets.");
    if (input.DomainJoinInfo) throw invalid("DomainJoinInfo is not allowed for Elastic fleets.");
    if (input.ImageName !== undefined || input.ImageArn !== undefined)
      throw invalid("Elastic fleets take no image; their applications come from app blocks.");
    if (maxSessionsPerInstance !== undefined)
      throw invalid("MaxSessionsPerInstance is not allowed for Elastic fleets.");
    desired = 0;
  } else {
    if (desired === undefined) throw invalid(`Missing required parameter ComputeCapacity for ${fleetType} fleets.`);
    if (maxConcurrentSessions !== undefined) throw invalid("MaxConcurrentSessions is only allowed for Elastic fleets.");
  }
  const image = resolveImage(ctx, input, !elastic);
  const platform = (input["Platform"] as string | undefined) ?? (image?.attributes.Platform as string | undefined);
  if (elastic && !platform) throw invalid("Platform is required for Elastic fleets.");
  const attributes = compact({
    Arn: arn(ctx, "fleet", name),
    Name: name,
    DisplayName: optString(input, "DisplayName"),
    Description: optString(input, "Description"),
    ImageName: image?.attributes.Name,
    ImageArn: image?.attributes.Arn,
    InstanceType: instanceType,
    FleetType: fleetType,
    ComputeCapacityStatus: capacityStatus(desired, false),
    MaxUserDurationInSeconds: optInt(input, "MaxUserDurationInSeconds", ...MAX_USER_DURATION) ?? 57600,
    DisconnectTimeoutInSeconds: optInt(input, "DisconnectTimeoutInSeconds", ...DISCONNECT_TIMEOUT) ?? 900,
    State: "STOPPED",
    VpcConfig: vpc,
    CreatedTime: epochSeconds(ctx),
    EnableDefaultInternetAccess: optBool(input, "EnableDefaultInternetAccess") ?? false,
    DomainJoinInfo: domainJoinInfo(input, ctx),
    IdleDisconnectTimeoutInSeconds: idleTimeout(input) ?? 0,
    IamRoleArn: optString(input, "IamRoleArn"),
    StreamView: input["StreamView"] ?? "APP",
    Platform: platform,
    MaxConcurrentSessions: maxConcurrentSessions,
    UsbDeviceFilterStrings: optStringList(input, "UsbDeviceFilterStrings"),
    SessionScriptS3Location: s3Location(input, "SessionScriptS3Location"),
    MaxSessionsPerInstance: maxSessionsPerInstance,
    RootVolumeConfig: rootVolume(input),
    DisableIMDSV1: optBool(input, "DisableIMDSV1"),
  });
  const tags = optTags(input);
  if (ctx.get(KIND.fleet, name)) throw alreadyExists(`Fleet ${name}`);
  // A fault asked for this create to fail: the fleet exists but carries errors and can never start.
  const failure = ctx.takeCreateFailure(KIND.fleet);
  if (failure) attributes.FleetErrors = [{ ErrorCode: failure.statusCode, ErrorMessage: failure.statusMessage }];
  const fleet: ResourceRecord = { kind: KIND.fleet, id: name, attributes };
  ctx.put(fleet);
  setTags(ctx, String(attributes.Arn), tags);
  return { body: { Fleet: fleet.attributes } };
}

function describeFleets(input: Input, ctx: OperationContext) {
  const fleets = selectByNames(ctx, KIND.fleet, "Fleet", optStringList(input, "Names"));
  const page = pageOf(ctx, "DescribeFleets", fleets, input);
  return { body: compact({ Fleets: page.items.map((f) => f.attributes), NextToken: page.nextToken }) };
}

/** Whether a request member asks for a change (DeleteVpcConfig: false and an empty list do not). */
function present(input: Input, key: string): boolean {
  const value = input[key];
  if (value === undefined || value === null) return false;
  if (key === "DeleteVpcConfig") return value === true;
  return !(key === "AttributesToDelete" && Array.isArray(value) && value.length === 0);
}

function updateFleet(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const fleet = mustGetFleet(ctx, name);
  const attrs = fleet.attributes;
  const state = attrs.State;
  if (state === "STARTING" || state === "STOPPING")
    throw concurrent(`Fleet ${name} is ${state}; it cannot be updated until it is RUNNING or STOPPED.`);
  if (state === "RUNNING") {
    const refused = Object.keys(input).filter((k) => present(input, k) && !UPDATABLE_WHILE_RUNNING.has(k));
    if (refused.length > 0) {
      throw invalid(
        `Fleet ${name} is RUNNING: only DisplayName and ComputeCapacity can be updated; stop the fleet to change ${refused.join(", ")}.`,
      );
    }
  }
  const toDelete = (optStringList(input, "AttributesToDelete") ?? []).map((a) => String(a));
  for (const attribute of toDelete) {
    const setter = SET_BY[attribute];
    if (setter && present(input, setter))
      throw invalid(`${setter} cannot be set and deleted (${attribute}) in the same request.`);
  }
  const elastic = attrs.FleetType === "ELASTIC";
  const multiSession = (optInt(input, "MaxSessionsPerInstance", 1, 50) ?? attrs.MaxSessionsPerInstance) !== undefined;
  const desired = desiredCapacity(input, multiSession);
  if (elastic && desired !== undefined) throw invalid("ComputeCapacity is not allowed for Elastic fleets.");
  const image = resolveImage(ctx, input, false);
  const instanceType = optString(input, "InstanceType");
  if (instanceType !== undefined) checkInstanceType(instanceType);
  const changes = compact({
    ImageName: image?.attributes.Name,
    ImageArn: image?.attributes.Arn,
    InstanceType: instanceType,
    VpcConfig: vpcConfig(input),
    MaxUserDurationInSeconds: optInt(input, "MaxUserDurationInSeconds", ...MAX_USER_DURATION),
    DisconnectTimeoutInSeconds: optInt(input, "DisconnectTimeoutInSeconds", ...DISCONNECT_TIMEOUT),
    Description: optString(input, "Description"),
    DisplayName: optString(input, "DisplayName"),
    EnableDefaultInternetAccess: optBool(input, "EnableDefaultInternetAccess"),
    DomainJoinInfo: domainJoinInfo(input, ctx),
    IdleDisconnectTimeoutInSeconds: idleTimeout(input),
    IamRoleArn: optString(input, "IamRoleArn"),
    StreamView: input["StreamView"],
    Platform: input["Platform"],
    MaxConcurrentSessions: optInt(input, "MaxConcurrentSessions", 1, 100000),
    UsbDeviceFilterStrings: optStringList(input, "UsbDeviceFilterStrings"),
    SessionScriptS3Location: s3Location(input, "SessionScriptS3Location"),
    MaxSessionsPerInstance: optInt(input, "MaxSessionsPerInstance", 1, 50),
    RootVolumeConfig: rootVolume(input),
    DisableIMDSV1: optBool(input, "DisableIMDSV1"),
  });
  if (changes.MaxConcurrentSessions !== undefined && !elastic)
    throw invalid("MaxConcurrentSessions is only allowed for Elastic fleets.");
  Object.assign(attrs, changes);
  if (input.DeleteVpcConfig === true) delete attrs.VpcConfig;
  for (const attribute of toDelete) DELETABLE[attribute]?.(attrs);
  if (desired !== undefined) {
    attrs.ComputeCapacityStatus = capacityStatus(desired, state === "RUNNING");
  }
  ctx.put(fleet);
  return { body: { Fleet: attrs } };
}

function startFleet(input: Input, ctx: OperationContext) {
  const fleet = mustGetFleet(ctx, reqName(input));
  const state = fleet.attributes.State;
  if (state === "STOPPING") throw concurrent(`Fleet ${fleet.id} is STOPPING; start it once it is STOPPED.`);
  if (state !== "STOPPED") return { body: {} };
  const desired = Number((fleet.attributes.ComputeCapacityStatus as Input | undefined)?.Desired ?? 0);
  if (hasErrors(fleet)) {
    // A fleet with errors sits in STARTING: the service keeps trying and never gets there.
    ctx.transition(fleet, "State", ["STARTING"], { ComputeCapacityStatus: capacityStatus(desired, false) });
  } else {
    ctx.transition(fleet, "State", ["STARTING", "RUNNING"], { ComputeCapacityStatus: capacityStatus(desired, true) });
  }
  return { body: {} };
}

function stopFleet(input: Input, ctx: OperationContext) {
  const fleet = mustGetFleet(ctx, reqName(input));
  const state = fleet.attributes.State;
  if (state === "STOPPED" || state === "STOPPING") return { body: {} };
  const desired = Number((fleet.attributes.ComputeCapacityStatus as Input | undefined)?.Desired ?? 0);
  ctx.transition(fleet, "State", ["STOPPING", "STOPPED"], { ComputeCapacityStatus: capacityStatus(desired, false) });
  return { body: {} };
}

function deleteFleet(input: Input, ctx: OperationContext) {
  const fleet = mustGetFleet(ctx, reqName(input));
  if (fleet.attributes.State !== "STOPPED")
    throw inUse(`Fleet ${fleet.id} is ${String(fleet.attributes.State)}; stop it before deleting it.`);
  if (isAssociated(ctx, fleet.id)) throw inUse(`Fleet ${fleet.id} is associated with a stack; disassociate it first.`);
  if (!fleet.transitions?.some((t) => t.to === DELETED)) {
    // Still listed for one transition, the way a deleted fleet lingers briefly in DescribeFleets.
    ctx.transition(fleet, "State", ["STOPPED", DELETED]);
    setTags(ctx, String(fleet.attributes.Arn), undefined);
  }
  return { body: {} };
}

function hasErrors(fleet: ResourceRecord): boolean {
  return Array.isArray(fleet.attributes.FleetErrors) && fleet.attributes.FleetErrors.length > 0;
}

/** Control API "fleet-errors": a fleet with errors stays in STARTING; clearing them lets it finish. */
export function setFleetErrors(body: Input, ctx: OperationContext): unknown {
  const name = typeof body.name === "string" ? body.name : "";
  const fleet = ctx.get(KIND.fleet, name);
  if (!fleet) throw new ServiceError("ResourceNotFoundException", `Fleet ${name} not found.`, 404);
  const errors = optList(body, "errors") ?? [];
  const list = errors.map((e) => ({
    ErrorCode: optString(e, "ErrorCode") ?? "INTERNAL_SERVICE_ERROR",
    ErrorMessage: optString(e, "ErrorMessage") ?? "",
  }));
  if (list.length > 0) fleet.attributes.FleetErrors = list;
  else delete fleet.attributes.FleetErrors;
  const desired = Number((fleet.attributes.ComputeCapacityStatus as Input | undefined)?.Desired ?? 0);
  if (fleet.attributes.State === "STARTING") {
    if (list.length > 0) {
      const others = (fleet.transitions ?? []).filter((t) => t.field !== "State");
      if (others.length > 0) fleet.transitions = others;
      else delete fleet.transitions;
    }
    if (list.length === 0 && !fleet.transitions?.length) {
      ctx.transition(fleet, "State", ["STARTING", "RUNNING"], { ComputeCapacityStatus: capacityStatus(desired, true) });
    }
  }
  ctx.put(fleet);
  return { fleet: fleet.attributes };
}

export const fleetOperations: Operation[] = [
  write("CreateFleet", (req, ctx) => createFleet(req.body, ctx)),
  read("DescribeFleets", (req, ctx) => describeFleets(req.body, ctx)),
  write("UpdateFleet", (req, ctx) => updateFleet(req.body, ctx)),
  write("StartFleet", (req, ctx) => startFleet(req.body, ctx)),
  write("StopFleet", (req, ctx) => stopFleet(req.body, ctx)),
  write("DeleteFleet", (req, ctx) => deleteFleet(req.body, ctx)),
];
