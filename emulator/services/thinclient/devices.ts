import type { OperationContext, ResourceRecord } from "../../core/types";
import type { Json } from "../shared/checks";
import { schedule } from "../shared/lifecycle";
import { conflict, invalid } from "./errors";
import { complianceOf, find, page, project, read, softwareSetOf, tagReference, write } from "./access";
import { KIND, TYPE, now } from "./model";

const SUMMARY = [
  "id",
  "serialNumber",
  "name",
  "model",
  "environmentId",
  "status",
  "currentSoftwareSetId",
  "desiredSoftwareSetId",
  "pendingSoftwareSetId",
  "softwareSetUpdateSchedule",
  "lastConnectedAt",
  "lastPostureAt",
  "createdAt",
  "updatedAt",
  "arn",
  "tags",
  "lastUserId",
] as const;
const DETAIL = [
  "id",
  "serialNumber",
  "name",
  "model",
  "environmentId",
  "status",
  "currentSoftwareSetId",
  "currentSoftwareSetVersion",
  "desiredSoftwareSetId",
  "pendingSoftwareSetId",
  "pendingSoftwareSetVersion",
  "softwareSetUpdateSchedule",
  "softwareSetComplianceStatus",
  "softwareSetUpdateStatus",
  "lastConnectedAt",
  "lastPostureAt",
  "createdAt",
  "updatedAt",
  "arn",
  "kmsKeyArn",
  "tags",
  "lastUserId",
] as const;

/** Pending members describe an update not yet installed; once UP_TO_DATE there is none. */
function shown(ctx: OperationContext, device: ResourceRecord): Json {
  const attributes: Json = {
    ...device.attributes,
    softwareSetComplianceStatus: complianceOf(ctx, device),
    tags: tagReference(device),
  };
  if (attributes.softwareSetUpdateStatus === "UP_TO_DATE") {
    delete attributes.pendingSoftwareSetId;
    delete attributes.pendingSoftwareSetVersion;
  }
  return attributes;
}

const deviceOf = (ctx: OperationContext, id: string) => find(ctx, KIND.device, TYPE.device, id);

function requireStatus(device: ResourceRecord, allowed: string[], action: string): void {
  const status = device.attributes.status as string;
  if (!allowed.includes(status)) {
    throw conflict(
      `Device ${device.id} is ${status}; ${action} needs ${allowed.join(" or ")}.`,
      TYPE.device,
      device.id,
    );
  }
}

/**
 * A new desired software set becomes pending; with APPLY_IMMEDIATELY the device installs it right
 * away (IN_PROGRESS, then UP_TO_DATE), otherwise it waits for its maintenance window.
 */
function desire(ctx: OperationContext, device: ResourceRecord, setId: string): void {
  const set = softwareSetOf(ctx, setId);
  device.attributes.desiredSoftwareSetId = setId;
  if (device.attributes.currentSoftwareSetId === setId) return;
  Object.assign(device.attributes, {
    pendingSoftwareSetId: setId,
    pendingSoftwareSetVersion: set.attributes.version,
    softwareSetUpdateStatus: "AVAILABLE",
  });
  if (device.attributes.softwareSetUpdateSchedule === "APPLY_IMMEDIATELY") {
    schedule(ctx, device, "softwareSetUpdateStatus", [
      { to: "IN_PROGRESS" },
      { to: "UP_TO_DATE", patch: { currentSoftwareSetId: setId, currentSoftwareSetVersion: set.attributes.version } },
    ]);
  }
}

export const deviceOperations = [
  read("GetDevice", (req, ctx) => ({ body: { device: project(shown(ctx, deviceOf(ctx, req.params.id)), DETAIL) } })),

  read("ListDevices", (req, ctx) => {
    const result = page(ctx, "ListDevices", ctx.list(KIND.device), req);
    return { body: { devices: result.items.map((d) => project(shown(ctx, d), SUMMARY)), nextToken: result.nextToken } };
  }),

  write("UpdateDevice", (req, ctx) => {
    const device = deviceOf(ctx, req.params.id);
    const {
      name,
      desiredSoftwareSetId: desired,
      softwareSetUpdateSchedule: updateSchedule,
    } = req.body as Record<string, string | undefined>;
    // UpdateDevice models no ConflictException: a device that cannot take an update is a validation error.
    if (device.attributes.status !== "REGISTERED")
      throw invalid(`Device ${device.id} is ${String(device.attributes.status)}; an update needs REGISTERED.`);
    if (name !== undefined) device.attributes.name = name;
    if (updateSchedule !== undefined) device.attributes.softwareSetUpdateSchedule = updateSchedule;
    if (desired !== undefined) desire(ctx, device, desired);
    device.attributes.updatedAt = now(ctx);
    ctx.put(device);
    return { body: { device: project(shown(ctx, device), SUMMARY) } };
  }),

  write("DeregisterDevice", (req, ctx) => {
    const device = deviceOf(ctx, req.params.id);
    const target = (req.body.targetDeviceStatus as string | undefined) ?? "DEREGISTERED";
    // A deregistered device can still be archived; anything else needs a registered device.
    requireStatus(
      device,
      target === "ARCHIVED" ? ["REGISTERED", "DEREGISTERED"] : ["REGISTERED"],
      `deregistering to ${target}`,
    );
    device.attributes.updatedAt = now(ctx);
    ctx.transition(device, "status", ["DEREGISTERING", target]);
    return {};
  }),

  write("DeleteDevice", (req, ctx) => {
    const device = deviceOf(ctx, req.params.id);
    requireStatus(device, ["DEREGISTERED", "ARCHIVED"], "deletion");
    ctx.remove(KIND.device, device.id);
    return {};
  }),
];
