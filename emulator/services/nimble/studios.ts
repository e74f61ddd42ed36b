import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks } from "../shared/checks";
import { REMOVE, deletedRetentionMs, schedule } from "../shared/lifecycle";
import { page, read, requireSettled, stateOf, studioOf, view, write } from "./access";
import { componentsIn, createDefaultComponent } from "./catalog";
import { conflict, invalidInput, validation } from "./errors";
import { KEY_TYPE, KIND, arn, now } from "./model";

const STUDIO_PATH = "/2020-08-01/studios/{studioId}";

/** Status codes that mean the studio's IAM Identity Center application is missing or unusable. */
const SSO_BROKEN = ["AWS_SSO_NOT_ENABLED", "AWS_SSO_ACCESS_DENIED", "ROLE_COULD_NOT_BE_ASSUMED"];

function ready(statusCode: string, statusMessage: string) {
  return { to: "READY", patch: { statusCode, statusMessage } };
}

function ssoClientId(ctx: OperationContext): string {
  return ctx.nextId("sso-");
}

function createStudio(body: Record<string, unknown>, ctx: OperationContext): ResourceRecord {
  const checks = new Checks();
  const adminRoleArn = checks.string(body, "adminRoleArn", "adminRoleArn", { required: true, min: 1, max: 2048 });
  const displayName = checks.string(body, "displayName", "displayName", { required: true, max: 64 });
  const studioName = checks.string(body, "studioName", "studioName", { required: true, min: 3, max: 64, pattern: /^[a-z0-9]*$/ });
  const userRoleArn = checks.string(body, "userRoleArn", "userRoleArn", { required: true, min: 1, max: 2048 });
  const tags = checks.stringMap(body, "tags", "tags");
  const encryption = checks.object(body, "studioEncryptionConfiguration", "studioEncryptionConfiguration");
  if (encryption) {
    const keyType = checks.oneOf(encryption, "keyType", "studioEncryptionConfiguration.keyType", KEY_TYPE, { required: true });
    // A customer managed key has to be named.
    checks.string(encryption, "keyArn", "studioEncryptionConfiguration.keyArn", {
      required: keyType === "CUSTOMER_MANAGED_KEY",
      min: 4,
      max: 2048,
    });
  }
  checks.done(invalidInput);

  const taken = ctx.list(KIND.studio).find((s) => s.attributes.studioName === studioName && stateOf(s) !== "DELETED");
  if (taken) throw conflict(`A studio named ${studioName} already exists: ${taken.id}.`, { studioName: studioName! });

  const studioId = ctx.nextId("st-");
  const at = now(ctx);
  const record: ResourceRecord = {
    kind: KIND.studio,
    id: studioId,
    attributes: {
      adminRoleArn,
      arn: arn(ctx, `studio/${studioId}`),
      createdAt: at,
      displayName,
      homeRegion: ctx.region,
      ssoClientId: ssoClientId(ctx),
      state: "CREATE_IN_PROGRESS",
      statusCode: "STUDIO_CREATE_IN_PROGRESS",
      statusMessage: "Creating the studio.",
      studioEncryptionConfiguration: encryption ?? { keyType: "AWS_OWNED_KEY" },
      studioId,
      studioName,
      studioUrl: `https://${studioName}.${ctx.region}.nimblestudio.invalid`,
      tags: tags ?? {},
      updatedAt: at,
      userRoleArn,
    },
  };
  ctx.put(record);
  createDefaultComponent(ctx, studioId);
  const failure = ctx.takeCreateFailure(KIND.studio);
  schedule(ctx, record, "state", [failure ? { to: "CREATE_FAILED", patch: failure } : ready("STUDIO_CREATED", "The studio is ready.")]);
  return record;
}

/**
 * Deleting a studio that still has launch profiles is accepted but ends DELETE_FAILED with status
 * code STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED (seed 000's Studio statusCode enum), naming them.
 */
function deleteStudio(ctx: OperationContext, studio: ResourceRecord): void {
  const profiles = ctx.list(KIND.launchProfile).filter((p) => p.parentId === studio.id && stateOf(p) !== "DELETED");
  Object.assign(studio.attributes, {
    state: "DELETE_IN_PROGRESS",
    statusCode: "STUDIO_DELETE_IN_PROGRESS",
    statusMessage: "Deleting the studio.",
    updatedAt: now(ctx),
  });
  if (profiles.length) {
    const names = profiles.map((p) => p.id).join(", ");
    schedule(ctx, studio, "state", [
      {
        to: "DELETE_FAILED",
        patch: { statusCode: "STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED", statusMessage: `Delete the studio's launch profiles first: ${names}.` },
      },
    ]);
    return;
  }
  const gone = [
    { to: "DELETED", patch: { statusCode: "STUDIO_DELETED", statusMessage: "The studio was deleted." } },
    { to: REMOVE, afterMs: deletedRetentionMs(ctx) },
  ];
  schedule(ctx, studio, "state", gone);
  // What a studio contains goes with it; backups are studio-scoped too.
  for (const child of [...componentsIn(ctx, studio.id), ...ctx.list(KIND.backup).filter((b) => b.parentId === studio.id)]) {
    schedule(ctx, child, "state", gone);
  }
}

export const studioOperations = [
  write("CreateStudio", "POST", "/2020-08-01/studios", (req, ctx) => ({ body: { studio: view(createStudio(req.body, ctx)) } })),

  read("GetStudio", "GET", STUDIO_PATH, (req, ctx) => ({ body: { studio: view(studioOf(ctx, req.params.studioId)) } })),

  read("ListStudios", "GET", "/2020-08-01/studios", (req, ctx) => {
    const result = page(ctx, ["ListStudios"], ctx.list(KIND.studio), req.query.nextToken);
    return { body: { studios: result.items, nextToken: result.nextToken } };
  }),

  write("UpdateStudio", "PATCH", STUDIO_PATH, (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    const checks = new Checks();
    const changes = {
      adminRoleArn: checks.string(req.body, "adminRoleArn", "adminRoleArn", { min: 1, max: 2048 }),
      displayName: checks.string(req.body, "displayName", "displayName", { max: 64 }),
      userRoleArn: checks.string(req.body, "userRoleArn", "userRoleArn", { min: 1, max: 2048 }),
    };
    checks.done(invalidInput);
    requireSettled(studio, "Studio");
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) studio.attributes[key] = value;
    Object.assign(studio.attributes, {
      state: "UPDATE_IN_PROGRESS",
      statusCode: "STUDIO_UPDATE_IN_PROGRESS",
      statusMessage: "Updating the studio.",
      updatedAt: now(ctx),
    });
    schedule(ctx, studio, "state", [ready("STUDIO_UPDATED", "The studio was updated.")]);
    return { body: { studio: view(studio) } };
  }),

  write("DeleteStudio", "DELETE", STUDIO_PATH, (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    requireSettled(studio, "Studio");
    deleteStudio(ctx, studio);
    return { body: { studio: view(studio) } };
  }),

  write("StartStudioSSOConfigurationRepair", "PUT", `${STUDIO_PATH}/sso-configuration`, (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    requireSettled(studio, "Studio");
    // Seed 000: a studio whose Identity Center configuration is valid fails with a validation error.
    if (!SSO_BROKEN.includes(studio.attributes.statusCode as string)) {
      throw validation(`Studio ${studio.id} already has a valid IAM Identity Center configuration.`, { studioId: studio.id });
    }
    Object.assign(studio.attributes, {
      ssoClientId: ssoClientId(ctx),
      state: "UPDATE_IN_PROGRESS",
      statusCode: "AWS_SSO_CONFIGURATION_REPAIR_IN_PROGRESS",
      statusMessage: "Repairing the IAM Identity Center configuration.",
      updatedAt: now(ctx),
    });
    schedule(ctx, studio, "state", [ready("AWS_SSO_CONFIGURATION_REPAIRED", "The IAM Identity Center configuration was repaired.")]);
    return { body: { studio: view(studio) } };
  }),
];
