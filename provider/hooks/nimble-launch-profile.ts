// CreateLaunchProfile requires launchProfileProtocolVersions although only one value is valid, so a
// program may leave it out; and a launch profile with live sessions cannot be deleted (the service
// would leave it DELETE_FAILED, refusing updates), so say which sessions first.
import type { Hooks } from "../engine/hooks";
import { deleteGenerically, type ResourceContext } from "../engine/resource-engine";
import { isRecord } from "../engine/wire";

/** The Nimble Studio API Reference (LaunchProfile): "The only valid version is 2021-03-31." */
export const PROTOCOL_VERSION = "2021-03-31";

interface SessionSummary {
  id: string;
  state?: string;
  ownedBy?: string;
}

async function sessionsOf(ctx: ResourceContext, studioId: string, launchProfileId: string): Promise<SessionSummary[]> {
  const found: SessionSummary[] = [];
  let nextToken: string | undefined;
  do {
    const response = await ctx.send({ operation: "ListStreamingSessions" }, { studioId, ...(nextToken ? { nextToken } : {}) });
    for (const s of Array.isArray(response.sessions) ? response.sessions : []) {
      if (isRecord(s) && s.launchProfileId === launchProfileId && s.state !== "DELETED") {
        found.push({ id: String(s.sessionId), state: s.state as string | undefined, ownedBy: s.ownedBy as string | undefined });
      }
    }
    nextToken = typeof response.nextToken === "string" ? response.nextToken : undefined;
  } while (nextToken);
  return found;
}

/** The sessions that keep the profile from being deleted, once those already being deleted are gone. */
async function blockingSessions(ctx: ResourceContext, studioId: string, launchProfileId: string, timeoutMs: number): Promise<SessionSummary[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sessions = await sessionsOf(ctx, studioId, launchProfileId);
    if (!sessions.some((s) => s.state === "DELETE_IN_PROGRESS") || Date.now() >= deadline) return sessions;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export const hooks: Hooks = {
  beforeCreate(_ctx, request) {
    return request.launchProfileProtocolVersions === undefined ? { ...request, launchProfileProtocolVersions: [PROTOCOL_VERSION] } : request;
  },

  async delete(ctx, scope, props) {
    const timeoutMs = ctx.timeoutMs("delete", props);
    const [studioId, launchProfileId] = [String(scope.studioId), String(scope.launchProfileId)];
    const sessions = await blockingSessions(ctx, studioId, launchProfileId, timeoutMs);
    if (sessions.length > 0) {
      const named = sessions.map((s) => `${s.id} (${s.state ?? "unknown state"}${s.ownedBy ? `, owned by ${s.ownedBy}` : ""})`).join(", ");
      throw new Error(
        `${ctx.subject} (${launchProfileId}) still has streaming sessions, so it cannot be deleted (the service would leave it ` +
          `DELETE_FAILED with LAUNCH_PROFILE_WITH_STREAM_SESSIONS_NOT_DELETED): ${named}. ` +
          "Sessions kept by a stop-and-keep destroy belong to their owners now: delete them, then run the destroy again.",
      );
    }
    await deleteGenerically(ctx, scope, props, timeoutMs);
  },
};
