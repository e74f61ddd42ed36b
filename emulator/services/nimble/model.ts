import type { OperationContext } from "../../core/types";

export const KIND = {
  studio: "nimble:Studio",
  launchProfile: "nimble:LaunchProfile",
  session: "nimble:StreamingSession",
  backup: "nimble:StreamingSessionBackup",
  stream: "nimble:StreamingSessionStream",
  image: "nimble:StreamingImage",
  component: "nimble:StudioComponent",
  /** A persistent session's EBS volume: not in the API, seen through the control API only. */
  volume: "nimble:StreamingSessionVolume",
} as const;

/** The principal every request is attributed to: the emulator has no identity store. */
export const CALLER = "emulator-user";

export const arn = (ctx: OperationContext, resource: string) =>
  `arn:aws:nimble:${ctx.region}:${ctx.accountId}:${resource}`;

/** Nimble's timestamps are date-time strings on the wire. */
export const timestamp = (ms: number) => new Date(ms).toISOString();
export const now = (ctx: OperationContext) => timestamp(ctx.clock.now());

/** Fallback page size of the list operations that take no maxResults. */
export const DEFAULT_PAGE_SIZE = 100;
