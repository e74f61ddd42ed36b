import { createHash } from "node:crypto";
import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks, type Json } from "../shared/checks";
import { invalidInput } from "./errors";
import { checkMaintenanceWindow, checkSoftwareSetMode } from "./maintenance";
import { complianceOf, find, page, project, read, softwareSetOf, tagReference, write } from "./access";
import { KIND, TYPE, UPDATE_MODE, UPDATE_SCHEDULE, arn, now } from "./model";

const ENVIRONMENT_PATH = "/environments/{id}";

const SUMMARY = [
  "id", "name", "desktopArn", "desktopEndpoint", "desktopType", "activationCode", "softwareSetUpdateSchedule",
  "maintenanceWindow", "softwareSetUpdateMode", "desiredSoftwareSetId", "pendingSoftwareSetId", "createdAt", "updatedAt", "arn", "tags",
] as const;
const DETAIL = [
  "id", "name", "desktopArn", "desktopEndpoint", "desktopType", "activationCode", "registeredDevicesCount", "softwareSetUpdateSchedule",
  "maintenanceWindow", "softwareSetUpdateMode", "desiredSoftwareSetId", "pendingSoftwareSetId", "pendingSoftwareSetVersion",
  "softwareSetComplianceStatus", "createdAt", "updatedAt", "arn", "kmsKeyArn", "tags", "deviceCreationTags",
] as const;

/** The desktop service an ARN names decides the environment's desktopType. */
const DESKTOP_ARN = /^arn:aws[a-z-]*:(workspaces|appstream|workspaces-web):[a-z0-9-]*:[0-9]{0,12}:[a-zA-Z0-9\-/._]+$/;
const DESKTOP_ENDPOINT = /^https:\/\/[a-z0-9]+([-.][a-z0-9]+)*\.[a-z]{2,32}(:[0-9]{1,5})?(\/.*)?$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]*:[0-9]{12}:key\/.+$/;

function desktopTypeOf(desktopArn: string): string | undefined {
  return DESKTOP_ARN.exec(desktopArn)?.[1];
}

function activationCode(id: string): string {
  return BigInt(`0x${createHash("sha256").update(id).digest("hex").slice(0, 16)}`).toString(36).slice(0, 8);
}

function detail(ctx: OperationContext, env: ResourceRecord): Json {
  const devices = ctx.list(KIND.device).filter((d) => d.attributes.environmentId === env.id && d.attributes.status === "REGISTERED");
  const compliance =
    devices.length === 0 ? "NO_REGISTERED_DEVICES" : devices.every((d) => complianceOf(ctx, d) === "COMPLIANT") ? "COMPLIANT" : "NOT_COMPLIANT";
  return project(
    { ...env.attributes, registeredDevicesCount: devices.length, softwareSetComplianceStatus: compliance, tags: tagReference(env) },
    DETAIL,
  );
}

const summary = (env: ResourceRecord): Json => project({ ...env.attributes, tags: tagReference(env) }, SUMMARY);

/**
 * The members CreateEnvironment and UpdateEnvironment share, checked against the merged result so
 * that a rule spanning two members holds whichever of them the request changes.
 */
function checkSettings(ctx: OperationContext, body: Json, current: Json | undefined): Json {
  const checks = new Checks();
  const creating = current === undefined;
  const next: Json = { ...current };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) next[key] = value;
  };
  set("name", checks.string(body, "name", "name", { min: 0, max: 64 }));
  set("desktopArn", checks.string(body, "desktopArn", "desktopArn", { required: creating, min: 20, max: 2048 }));
  set("desktopEndpoint", checks.string(body, "desktopEndpoint", "desktopEndpoint", { min: 1, max: 1024, pattern: DESKTOP_ENDPOINT }));
  set("softwareSetUpdateSchedule", checks.oneOf(body, "softwareSetUpdateSchedule", "softwareSetUpdateSchedule", UPDATE_SCHEDULE));
  const window = checks.object(body, "maintenanceWindow", "maintenanceWindow");
  if (window) next.maintenanceWindow = checkMaintenanceWindow(checks, window);
  const mode = checks.oneOf(body, "softwareSetUpdateMode", "softwareSetUpdateMode", UPDATE_MODE);
  const desired = checks.string(body, "desiredSoftwareSetId", "desiredSoftwareSetId", { min: 1 });
  if (mode !== undefined) next.softwareSetUpdateMode = mode;
  // Switching to USE_LATEST drops a pinned set that the request does not repeat.
  if (mode === "USE_LATEST" && desired === undefined) delete next.desiredSoftwareSetId;
  set("desiredSoftwareSetId", desired);
  set("deviceCreationTags", checks.stringMap(body, "deviceCreationTags", "deviceCreationTags"));
  if (creating) {
    set("kmsKeyArn", checks.string(body, "kmsKeyArn", "kmsKeyArn", { min: 20, max: 2048, pattern: KMS_KEY_ARN }));
    next.tags = checks.stringMap(body, "tags", "tags") ?? {};
  }

  const desktopArn = next.desktopArn as string | undefined;
  next.desktopType = desktopArn === undefined ? undefined : desktopTypeOf(desktopArn);
  if (desktopArn !== undefined && next.desktopType === undefined && body.desktopArn !== undefined) {
    checks.add("desktopArn", "desktopArn must be the ARN of a WorkSpaces directory, a WorkSpaces Web portal or an AppStream 2.0 stack.");
  }
  // Seed 004: the identity provider URL is "only for environments that use AppStream 2.0".
  if (next.desktopEndpoint !== undefined && next.desktopType !== undefined && next.desktopType !== "appstream") {
    checks.add("desktopEndpoint", "desktopEndpoint is only allowed for environments that use AppStream 2.0.");
  }
  next.softwareSetUpdateSchedule ??= "USE_MAINTENANCE_WINDOW";
  next.maintenanceWindow ??= { type: "SYSTEM" };
  next.softwareSetUpdateMode ??= "USE_LATEST";
  checkSoftwareSetMode(checks, next.softwareSetUpdateMode as string, next.desiredSoftwareSetId as string | undefined);
  checks.done(invalidInput);
  if (desired !== undefined) softwareSetOf(ctx, desired);
  return next;
}

export const environmentOperations = [
  write("CreateEnvironment", "POST", "/environments", (req, ctx) => {
    const settings = checkSettings(ctx, req.body, undefined);
    const id = ctx.nextId("env-");
    const at = now(ctx);
    const env: ResourceRecord = {
      kind: KIND.environment,
      id,
      attributes: { id, ...settings, activationCode: activationCode(id), arn: arn(ctx, `environment/${id}`), createdAt: at, updatedAt: at },
    };
    ctx.put(env);
    return { status: 201, body: { environment: summary(env) } };
  }),

  read("GetEnvironment", "GET", ENVIRONMENT_PATH, (req, ctx) => ({
    body: { environment: detail(ctx, find(ctx, KIND.environment, TYPE.environment, req.params.id)) },
  })),

  read("ListEnvironments", "GET", "/environments", (req, ctx) => {
    const result = page(ctx, "ListEnvironments", ctx.list(KIND.environment), req);
    return { body: { environments: result.items.map(summary), nextToken: result.nextToken } };
  }),

  write("UpdateEnvironment", "PATCH", ENVIRONMENT_PATH, (req, ctx) => {
    const env = find(ctx, KIND.environment, TYPE.environment, req.params.id);
    const { tags, ...current } = env.attributes;
    env.attributes = { ...checkSettings(ctx, req.body, current), tags, updatedAt: now(ctx) };
    ctx.put(env);
    return { body: { environment: summary(env) } };
  }),

  write("DeleteEnvironment", "DELETE", ENVIRONMENT_PATH, (req, ctx) => {
    find(ctx, KIND.environment, TYPE.environment, req.params.id);
    ctx.remove(KIND.environment, req.params.id);
    return { status: 204 };
  }),
];
