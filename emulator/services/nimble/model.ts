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

// Enums from seed 000 (2022-12-20) and the SDK's model.
export const INSTANCE_TYPES = [
  "g4dn.xlarge", "g4dn.2xlarge", "g4dn.4xlarge", "g4dn.8xlarge", "g4dn.12xlarge", "g4dn.16xlarge",
  "g3.4xlarge", "g3s.xlarge", "g5.xlarge", "g5.2xlarge", "g5.4xlarge", "g5.8xlarge", "g5.16xlarge",
] as const;
export const MODE = ["DEACTIVATED", "ACTIVATED"] as const;
export const CLIPBOARD_MODE = ["ENABLED", "DISABLED"] as const;
export const BACKUP_MODE = ["AUTOMATIC", "DEACTIVATED"] as const;
export const VOLUME_RETENTION_MODE = ["RETAIN", "DELETE"] as const;
export const KEY_TYPE = ["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KEY"] as const;
export const LAUNCH_PROFILE_STATES = [
  "CREATE_IN_PROGRESS", "READY", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS", "DELETED", "DELETE_FAILED", "CREATE_FAILED", "UPDATE_FAILED",
] as const;
export const STUDIO_COMPONENT_STATES = LAUNCH_PROFILE_STATES;
export const STUDIO_COMPONENT_TYPES = ["ACTIVE_DIRECTORY", "SHARED_FILE_SYSTEM", "COMPUTE_FARM", "LICENSE_SERVICE", "CUSTOM"] as const;
export const PROTOCOL_VERSION = "2021-03-31";

/** The principal every request is attributed to: the emulator has no identity store. */
export const CALLER = "emulator-user";

export const arn = (ctx: OperationContext, resource: string) =>
  `arn:aws:nimble:${ctx.region}:${ctx.accountId}:${resource}`;

/** Nimble's timestamps are date-time strings on the wire. */
export const timestamp = (ms: number) => new Date(ms).toISOString();
export const now = (ctx: OperationContext) => timestamp(ctx.clock.now());

/** Fallback page size of the list operations that take no maxResults. */
export const DEFAULT_PAGE_SIZE = 100;
