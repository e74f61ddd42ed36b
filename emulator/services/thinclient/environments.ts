import { createHash } from "node:crypto";
import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks, type Json } from "../shared/checks";
import { invalidInput } from "./errors";
import { checkMaintenanceWindow, checkSoftwareSetMode } from "./maintenance";
import { complianceOf, find, page, project, read, softwareSetOf, tagReference, write } from "./access";
import { KIND, TYPE, arn, now } from "./model";

const SUMMARY = [
  "id",
  "name",
  "desktopArn",
  "desktopEndpoint",
  "desktopType",
  "activationCode",
  "softwareSetUpdateSchedule",
  "maintenanceWindow",
  "softwareSetUpdateMode",
  "desiredSoftwareSetId",
  "pendingSoftwareSetId",
  "createdAt",
  "updatedAt",
  "arn",
  "tags",
] as const;
const DETAIL = [
  "id",
  "name",
  "desktopArn",
  "desktopEndpoint",
  "desktopType",
  "activationCode",
  "registeredDevicesCount",
  "softwareSetUpdateSchedule",
  "maintenanceWindow",
  "softwareSetUpdateMode",
  "desiredSoftwareSetId",
  "pendingSoftwareSetId",
  "pendingSoftwareSetVersion",
  "softwareSetComplianceStatus",
  "createdAt",
  "updatedAt",
  "arn",
  "kmsKeyArn",
  "tags",
  "deviceCreationTags",
] as const;

/** The desktop service an ARN names decides the environment's desktopType. */
const DESKTOP_ARN = /^arn:aws[a-z-]*:(workspaces|appstream|workspaces-web):[a-z0-9-]*:[0-9]{0,12}:[a-zA-Z0-9\-/._]+$/;

function desktopTypeOf(desktopArn: string): string | undefined {
  return DESKTOP_ARN.exec(desktopArn)?.[1];
}

/** Two letters and six letters or digits, as the model's ActivationCode pattern has it. */
function activationCode(id: string): string {
  const digest = createHash("sha256").update(id).digest();
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const alphanumerics = `${letters}0123456789`;
  return [...digest.subarray(0, 8)].map((byte, i) => (i < 2 ? letters[byte % 26] : alphanumerics[byte % 36])).join("");
}

function detail(ctx: OperationContext, env: ResourceRecord): Json {
  const devices = ctx
    .list(KIND.device)
    .filter((d) => d.attributes.environmentId === env.id && d.attributes.status === "REGISTERED");
  const compliance =
    devices.length === 0
      ? "NO_REGISTERED_DEVICES"
      : devices.every((d) => complianceOf(ctx, d) === "COMPLIANT")
        ? "COMPLIANT"
        : "NOT_COMPLIANT";
  return project(
    {
      ...env.attributes,
      registeredDevicesCount: devices.length,
      softwareSetComplianceStatus: compliance,
      tags: tagReference(env),
    },
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
  for (const member of ["name", "desktopArn", "desktopEndpoint", "softwareSetUpdateSchedule", "deviceCreationTags"])
    set(member, body[member]);
  const window = body.maintenanceWindow as Json | undefined;
  if (window) next.maintenanceWindow = checkMaintenanceWindow(checks, window);
  const mode = body.softwareSetUpdateMode as string | undefined;
  // UpdateEnvironment takes an empty desiredSoftwareSetId as "no pinned set".
  const desired = body.desiredSoftwareSetId === "" ? undefined : (body.desiredSoftwareSetId as string | undefined);
  if (mode !== undefined) next.softwareSetUpdateMode = mode;
  // Switching to USE_LATEST (or sending an empty id) drops a pinned set that the request does not repeat.
  if ((mode === "USE_LATEST" && desired === undefined) || body.desiredSoftwareSetId === "")
    delete next.desiredSoftwareSetId;
  set("desiredSoftwareSetId", desired);
  if (creating) {
    set("kmsKeyArn", body.kmsKeyArn);
    next.tags = body.tags ?? {};
  }

  const desktopArn = next.desktopArn as string | undefined;
  next.desktopType = desktopArn === undefined ? undefined : desktopTypeOf(desktopArn);
  if (desktopArn !== undefined && next.desktopType === undefined && body.desktopArn !== undefined) {
    checks.add(
      "desktopArn",
      "desktopArn must be the ARN of a WorkSpaces directory, a WorkSpaces Web portal or an AppStream 2.0 stack.",
    );
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
  write("CreateEnvironment", (req, ctx) => {
    const settings = checkSettings(ctx, req.body, undefined);
    const id = ctx.nextId("env-");
    const at = now(ctx);
    const env: ResourceRecord = {
      kind: KIND.environment,
      id,
      attributes: {
        id,
        ...settings,
        activationCode: activationCode(id),
        arn: arn(ctx, `environment/${id}`),
        createdAt: at,
        updatedAt: at,
      },
    };
    ctx.put(env);
    return { body: { environment: summary(env) } };
  }),

  read("GetEnvironment", (req, ctx) => ({
    body: { environment: detail(ctx, find(ctx, KIND.environment, TYPE.environment, req.params.id)) },
  })),

  read("ListEnvironments", (req, ctx) => {
    const result = page(ctx, "ListEnvironments", ctx.list(KIND.environment), req);
    return { body: { environments: result.items.map(summary), nextToken: result.nextToken } };
  }),

  write("UpdateEnvironment", (req, ctx) => {
    const env = find(ctx, KIND.environment, TYPE.environment, req.params.id);
    const { tags, ...current } = env.attributes;
    env.attributes = { ...checkSettings(ctx, req.body, current), tags, updatedAt: now(ctx) };
    ctx.put(env);
    return { body: { environment: summary(env) } };
  }),

  write("DeleteEnvironment", (req, ctx) => {
    find(ctx, KIND.environment, TYPE.environment, req.params.id);
    ctx.remove(KIND.environment, req.params.id);
    return {};
  }),
];
