import type { OperationContext, ResourceRecord } from "../../core/types";
import { REMOVE, deletedRetentionMs, schedule } from "../shared/lifecycle";
import { page, read, requireSettled, stateOf, studioOf, view, write } from "./access";
import { componentsIn, createDefaultComponent } from "./catalog";
import { conflict, invalidInput, validation } from "./errors";
import { KIND, arn, now } from "./model";

/** Status codes that mean the studio's IAM Identity Center application is missing or unusable. */
const SSO_BROKEN = ["AWS_SSO_NOT_ENABLED", "AWS_SSO_ACCESS_DENIED", "ROLE_COULD_NOT_BE_ASSUMED"];

function ready(statusCode: string, statusMessage: string) {
  return { to: "READY", patch: { statusCode, statusMessage } };
}

function ssoClientId(ctx: OperationContext): string {
  return ctx.nextId("sso-");
}

function createStudio(body: Record<string, unknown>, ctx: OperationContext): ResourceRecord {
  const { adminRoleArn, displayName, studioName, userRoleArn } = body as Record<string, string>;
  const tags = body.tags as Record<string, string> | undefined;
  const encryption = body.studioEncryptionConfiguration as Record<string, unknown> | undefined;
  // A customer managed key has to be named.
  if (encryption?.keyType === "CUSTOMER_MANAGED_KEY" && encryption.keyArn === undefined) {
    throw invalidInput([
      {
        name: "studioEncryptionConfiguration.keyArn",
        message: "studioEncryptionConfiguration.keyArn is required with CUSTOMER_MANAGED_KEY.",
      },
    ]);
  }

  const taken = ctx.list(KIND.studio).find((s) => s.attributes.studioName === studioName && stateOf(s) !== "DELETED");
  if (taken) throw conflict(`A studio named ${studioName} already exists: ${taken.id}.`, { studioName: studioName });

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
  schedule(ctx, record, "state", [
    failure ? { to: "CREATE_FAILED", patch: failure } : ready("STUDIO_CREATED", "The studio is ready."),
  ]);
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
        patch: {
          statusCode: "STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED",
          statusMessage: `Delete the studio's launch profiles first: ${names}.`,
        },
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
  for (const child of [
    ...componentsIn(ctx, studio.id),
    ...ctx.list(KIND.backup).filter((b) => b.parentId === studio.id),
  ]) {
    schedule(ctx, child, "state", gone);
  }
}

export const studioOperations = [
  write("CreateStudio", (req, ctx) => ({ body: { studio: view(createStudio(req.body, ctx)) } })),

  read("GetStudio", (req, ctx) => ({ body: { studio: view(studioOf(ctx, req.params.studioId)) } })),

  read("ListStudios", (req, ctx) => {
    const result = page(ctx, ["ListStudios"], ctx.list(KIND.studio), req.query.nextToken);
    return { body: { studios: result.items, nextToken: result.nextToken } };
  }),

  write("UpdateStudio", (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    const changes = {
      adminRoleArn: req.body.adminRoleArn,
      displayName: req.body.displayName,
      userRoleArn: req.body.userRoleArn,
    };
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

  write("DeleteStudio", (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    requireSettled(studio, "Studio");
    deleteStudio(ctx, studio);
    return { body: { studio: view(studio) } };
  }),

  write("StartStudioSSOConfigurationRepair", (req, ctx) => {
    const studio = studioOf(ctx, req.params.studioId);
    requireSettled(studio, "Studio");
    // Seed 000: a studio whose Identity Center configuration is valid fails with a validation error.
    if (!SSO_BROKEN.includes(studio.attributes.statusCode as string)) {
      throw validation(`Studio ${studio.id} already has a valid IAM Identity Center configuration.`, {
        studioId: studio.id,
      });
    }
    Object.assign(studio.attributes, {
      ssoClientId: ssoClientId(ctx),
      state: "UPDATE_IN_PROGRESS",
      statusCode: "AWS_SSO_CONFIGURATION_REPAIR_IN_PROGRESS",
      statusMessage: "Repairing the IAM Identity Center configuration.",
      updatedAt: now(ctx),
    });
    schedule(ctx, studio, "state", [
      ready("AWS_SSO_CONFIGURATION_REPAIRED", "The IAM Identity Center configuration was repaired."),
    ]);
    return { body: { studio: view(studio) } };
  }),
];
