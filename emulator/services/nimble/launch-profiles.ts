import type { OperationContext, ResourceRecord } from "../../core/types";
import { Checks, queryList, queryString, type Json } from "../shared/checks";
import { REMOVE, deletedRetentionMs, schedule, type Step } from "../shared/lifecycle";
import {
  childOf,
  maxResults,
  page,
  read,
  requireSettled,
  requireState,
  stateOf,
  studioOf,
  view,
  write,
} from "./access";
import { componentsIn, imagesIn } from "./catalog";
import { invalidInput } from "./errors";
import { CALLER, KIND, arn, now } from "./model";
import { checkStreamConfiguration } from "./stream-config";

const VALIDATION_TYPES = [
  "VALIDATE_ACTIVE_DIRECTORY_STUDIO_COMPONENT",
  "VALIDATE_SUBNET_ASSOCIATION",
  "VALIDATE_NETWORK_ACL_ASSOCIATION",
  "VALIDATE_SECURITY_GROUP_ASSOCIATION",
];

export const profileOf = (ctx: OperationContext, studioId: string, id: string) =>
  childOf(ctx, KIND.launchProfile, "Launch profile", studioId, id);

function validationResults(state: "VALIDATION_IN_PROGRESS" | "VALIDATION_SUCCESS") {
  return VALIDATION_TYPES.map((type) => ({ type, state, statusCode: state, statusMessage: "" }));
}

/** The members CreateLaunchProfile requires and UpdateLaunchProfile may change, checked alike. */
function checkProfileFields(ctx: OperationContext, studioId: string, body: Json, creating: boolean): Json {
  const checks = new Checks();
  const fields: Json = {
    description: body.description,
    ec2SubnetIds: body.ec2SubnetIds,
    launchProfileProtocolVersions: body.launchProfileProtocolVersions,
    name: body.name,
    studioComponentIds: body.studioComponentIds,
  };
  const config = body.streamConfiguration as Json | undefined;
  if (config) fields.streamConfiguration = checkStreamConfiguration(checks, config);
  if (creating) fields.tags = body.tags ?? {};
  const componentIds = (fields.studioComponentIds as string[] | undefined) ?? [];
  if (new Set(componentIds).size !== componentIds.length)
    checks.add("studioComponentIds", "studioComponentIds must not contain duplicates.");
  const known = new Set(componentsIn(ctx, studioId).map((c) => c.id));
  for (const id of componentIds) {
    if (!known.has(id))
      checks.add("studioComponentIds", `Studio component ${id} does not exist in studio ${studioId}.`);
  }
  checks.done(invalidInput);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/**
 * Where a create or update lands. A streaming image that does not exist in the studio is not a
 * request error: the profile ends *_FAILED with STREAMING_IMAGE_NOT_FOUND, as seed 000's launch
 * profile status codes describe.
 */
function outcome(
  ctx: OperationContext,
  profile: ResourceRecord,
  verb: "CREATE" | "UPDATE",
  failure?: { statusCode: string; statusMessage: string },
): Step {
  const images = new Set(imagesIn(ctx, profile.parentId!).map((i) => i.id));
  const wanted = ((profile.attributes.streamConfiguration as Json).streamingImageIds as string[]) ?? [];
  const missing = wanted.filter((id) => !images.has(id));
  if (missing.length) {
    return {
      to: `${verb}_FAILED`,
      patch: {
        statusCode: "STREAMING_IMAGE_NOT_FOUND",
        statusMessage: `Streaming image(s) not found: ${missing.join(", ")}.`,
      },
    };
  }
  if (failure) return { to: `${verb}_FAILED`, patch: failure };
  return {
    to: "READY",
    patch: {
      statusCode: verb === "CREATE" ? "LAUNCH_PROFILE_CREATED" : "LAUNCH_PROFILE_UPDATED",
      statusMessage: "",
      validationResults: validationResults("VALIDATION_SUCCESS"),
    },
  };
}

function liveSessionsOf(ctx: OperationContext, profile: ResourceRecord): ResourceRecord[] {
  return ctx
    .list(KIND.session)
    .filter(
      (s) => s.parentId === profile.parentId && s.attributes.launchProfileId === profile.id && stateOf(s) !== "DELETED",
    );
}

export const launchProfileOperations = [
  write("CreateLaunchProfile", (req, ctx) => {
    const { studioId } = req.params;
    const studio = studioOf(ctx, studioId);
    const fields = checkProfileFields(ctx, studioId, req.body, true);
    requireState(studio, "Studio", ["READY"]);
    const launchProfileId = ctx.nextId("lp-");
    const at = now(ctx);
    const profile: ResourceRecord = {
      kind: KIND.launchProfile,
      id: launchProfileId,
      parentId: studioId,
      attributes: {
        ...fields,
        arn: arn(ctx, `launch-profile/${launchProfileId}`),
        createdAt: at,
        createdBy: CALLER,
        launchProfileId,
        state: "CREATE_IN_PROGRESS",
        statusCode: "LAUNCH_PROFILE_CREATE_IN_PROGRESS",
        statusMessage: "",
        updatedAt: at,
        updatedBy: CALLER,
        validationResults: validationResults("VALIDATION_IN_PROGRESS"),
      },
    };
    ctx.put(profile);
    schedule(ctx, profile, "state", [outcome(ctx, profile, "CREATE", ctx.takeCreateFailure(KIND.launchProfile))]);
    return { body: { launchProfile: view(profile) } };
  }),

  read("GetLaunchProfile", (req, ctx) => ({
    body: { launchProfile: view(profileOf(ctx, req.params.studioId, req.params.launchProfileId)) },
  })),

  read("GetLaunchProfileDetails", (req, ctx) => {
    const { studioId } = req.params;
    const profile = profileOf(ctx, studioId, req.params.launchProfileId);
    const imageIds = ((profile.attributes.streamConfiguration as Json).streamingImageIds as string[]) ?? [];
    const componentIds = (profile.attributes.studioComponentIds as string[]) ?? [];
    const summary = [
      "createdAt",
      "createdBy",
      "description",
      "name",
      "studioComponentId",
      "subtype",
      "type",
      "updatedAt",
      "updatedBy",
    ];
    return {
      body: {
        launchProfile: view(profile),
        streamingImages: imagesIn(ctx, studioId)
          .filter((i) => imageIds.includes(i.id))
          .map(view),
        studioComponentSummaries: componentsIn(ctx, studioId)
          .filter((c) => componentIds.includes(c.id))
          .map((c) => Object.fromEntries(summary.map((k) => [k, c.attributes[k]]))),
      },
    };
  }),

  read("ListLaunchProfiles", (req, ctx) => {
    const { studioId } = req.params;
    studioOf(ctx, studioId);
    const states = queryList(req.query.states);
    const pageSize = maxResults(req.query.maxResults);
    // principalId narrows to profiles the user is a member of; the emulator has no membership, so
    // every profile is visible to every principal.
    const principalId = queryString(req.query.principalId);
    const profiles = ctx
      .list(KIND.launchProfile)
      .filter((p) => p.parentId === studioId && (!states || states.includes(stateOf(p))));
    const result = page(
      ctx,
      ["ListLaunchProfiles", studioId, states, principalId],
      profiles,
      req.query.nextToken,
      pageSize,
    );
    return { body: { launchProfiles: result.items, nextToken: result.nextToken } };
  }),

  write("UpdateLaunchProfile", (req, ctx) => {
    const { studioId } = req.params;
    const profile = profileOf(ctx, studioId, req.params.launchProfileId);
    const fields = checkProfileFields(ctx, studioId, req.body, false);
    requireState(profile, "Launch profile", ["READY", "UPDATE_FAILED"]);
    Object.assign(profile.attributes, fields, {
      state: "UPDATE_IN_PROGRESS",
      statusCode: "LAUNCH_PROFILE_UPDATE_IN_PROGRESS",
      statusMessage: "",
      updatedAt: now(ctx),
      updatedBy: CALLER,
      validationResults: validationResults("VALIDATION_IN_PROGRESS"),
    });
    schedule(ctx, profile, "state", [outcome(ctx, profile, "UPDATE")]);
    return { body: { launchProfile: view(profile) } };
  }),

  write("DeleteLaunchProfile", (req, ctx) => {
    const profile = profileOf(ctx, req.params.studioId, req.params.launchProfileId);
    requireSettled(profile, "Launch profile");
    const sessions = liveSessionsOf(ctx, profile);
    Object.assign(profile.attributes, {
      state: "DELETE_IN_PROGRESS",
      statusCode: "LAUNCH_PROFILE_DELETE_IN_PROGRESS",
      statusMessage: "",
      updatedAt: now(ctx),
      updatedBy: CALLER,
    });
    // Like a studio with launch profiles, a profile with live sessions ends DELETE_FAILED with
    // the dedicated status code from seed 000's enum.
    const steps: Step[] = sessions.length
      ? [
          {
            to: "DELETE_FAILED",
            patch: {
              statusCode: "LAUNCH_PROFILE_WITH_STREAM_SESSIONS_NOT_DELETED",
              statusMessage: `Delete the profile's streaming sessions first: ${sessions.map((s) => s.id).join(", ")}.`,
            },
          },
        ]
      : [
          { to: "DELETED", patch: { statusCode: "LAUNCH_PROFILE_DELETED", statusMessage: "" } },
          { to: REMOVE, afterMs: deletedRetentionMs(ctx) },
        ];
    schedule(ctx, profile, "state", steps);
    return { body: { launchProfile: view(profile) } };
  }),
];
