// WorkSpaces Thin Client functions for programs: the software sets AWS publishes, and the devices
// registered to an environment (the API lists every device, so the filter happens here).
import * as pulumi from "@pulumi/pulumi";
import { invoke, invokeAll } from "./invoke";
import { afterResources } from "./preview";

export type SoftwareSetValidationStatus = "VALIDATED" | "NOT_VALIDATED";

export interface SoftwareSetSummary {
  id: string;
  version: string;
  /** ISO 8601. */
  releasedAt?: string;
  /** When support ends (ISO 8601); devices on an unsupported set are not compliant. */
  supportedUntil?: string;
  validationStatus: SoftwareSetValidationStatus;
  arn: string;
}

export interface SoftwareSet extends SoftwareSetSummary {
  software: Array<{ name: string; version: string }>;
}

export type DeviceStatus = "REGISTERED" | "DEREGISTERING" | "DEREGISTERED" | "ARCHIVED";

export interface DeviceSummary {
  id: string;
  serialNumber?: string;
  name?: string;
  model?: string;
  environmentId?: string;
  status: DeviceStatus;
  currentSoftwareSetId?: string;
  desiredSoftwareSetId?: string;
  pendingSoftwareSetId?: string;
  softwareSetUpdateSchedule?: "USE_MAINTENANCE_WINDOW" | "APPLY_IMMEDIATELY";
  lastConnectedAt?: string;
  lastPostureAt?: string;
  createdAt?: string;
  updatedAt?: string;
  arn: string;
}

/** The largest page the service returns. */
const pageSize = 50;

type Wire = Record<string, unknown>;

/** One software set, with its components. */
export async function getSoftwareSet(args: { id: string }): Promise<SoftwareSet> {
  const response = await invoke("thinclient", "GetSoftwareSet", { id: args.id });
  const wire = (response.softwareSet ?? {}) as Wire;
  const software = ((wire.software as Wire[] | undefined) ?? []).map((s) => ({
    name: String(s.name),
    version: String(s.version),
  }));
  return { ...toSoftwareSetSummary(wire), software };
}

/** getSoftwareSet for an id that is an Output; waits until the resources it comes from exist. */
export function getSoftwareSetOutput(args: { id: pulumi.Input<string> }): pulumi.Output<SoftwareSet> {
  return afterResources(args).apply(({ id }) => getSoftwareSet({ id }));
}

/** Every software set, all pages, newest release first. */
export async function listSoftwareSets(): Promise<SoftwareSetSummary[]> {
  const sets = (await invokeAll("thinclient", "ListSoftwareSets", { maxResults: pageSize }, "softwareSets")).map(
    toSoftwareSetSummary,
  );
  return sets.sort((a, b) => (b.releasedAt ?? "").localeCompare(a.releasedAt ?? ""));
}

export interface ListDevicesArgs {
  /** Only the devices registered to this environment; every device when omitted. */
  environmentId?: string;
  /** Only devices in these statuses; every status when omitted. */
  statuses?: DeviceStatus[];
}

/** The devices of an environment (or of the account), all pages. */
export async function listDevices(args: ListDevicesArgs = {}): Promise<DeviceSummary[]> {
  const devices = (await invokeAll("thinclient", "ListDevices", { maxResults: pageSize }, "devices")).map(toDevice);
  return devices.filter(
    (d) =>
      (args.environmentId === undefined || d.environmentId === args.environmentId) &&
      (args.statuses === undefined || args.statuses.includes(d.status)),
  );
}

/** listDevices for an environment id that is an Output, such as an Environment's; waits until it exists. */
export function listDevicesOutput(args: {
  environmentId?: pulumi.Input<string>;
  statuses?: pulumi.Input<DeviceStatus[]>;
}): pulumi.Output<DeviceSummary[]> {
  return afterResources(args).apply(({ environmentId, statuses }) => listDevices({ environmentId, statuses }));
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isoTime(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : text(value);
}

function toSoftwareSetSummary(wire: Wire): SoftwareSetSummary {
  return {
    id: String(wire.id),
    version: String(wire.version),
    releasedAt: isoTime(wire.releasedAt),
    supportedUntil: isoTime(wire.supportedUntil),
    validationStatus: wire.validationStatus as SoftwareSetValidationStatus,
    arn: String(wire.arn),
  };
}

function toDevice(wire: Wire): DeviceSummary {
  return {
    id: String(wire.id),
    serialNumber: text(wire.serialNumber),
    name: text(wire.name),
    model: text(wire.model),
    environmentId: text(wire.environmentId),
    status: wire.status as DeviceStatus,
    currentSoftwareSetId: text(wire.currentSoftwareSetId),
    desiredSoftwareSetId: text(wire.desiredSoftwareSetId),
    pendingSoftwareSetId: text(wire.pendingSoftwareSetId),
    softwareSetUpdateSchedule: text(wire.softwareSetUpdateSchedule) as DeviceSummary["softwareSetUpdateSchedule"],
    lastConnectedAt: isoTime(wire.lastConnectedAt),
    lastPostureAt: isoTime(wire.lastPostureAt),
    createdAt: isoTime(wire.createdAt),
    updatedAt: isoTime(wire.updatedAt),
    arn: String(wire.arn),
  };
}
