import type { OperationContext } from "../../core/types";

export const KIND = {
  environment: "thinclient:Environment",
  device: "thinclient:Device",
  softwareSet: "thinclient:SoftwareSet",
} as const;

/** Resource types as error shapes name them. */
export const TYPE = { environment: "environment", device: "device", softwareSet: "softwareset" } as const;

// Enums from seed 004 (2023-11-27).
export const UPDATE_SCHEDULE = ["USE_MAINTENANCE_WINDOW", "APPLY_IMMEDIATELY"] as const;
export const UPDATE_MODE = ["USE_LATEST", "USE_DESIRED"] as const;
export const TARGET_DEVICE_STATUS = ["DEREGISTERED", "ARCHIVED"] as const;
export const VALIDATION_STATUS = ["VALIDATED", "NOT_VALIDATED"] as const;

export const arn = (ctx: OperationContext, resource: string) =>
  `arn:aws:thinclient:${ctx.region}:${ctx.accountId}:${resource}`;

/** Thin Client timestamps travel as epoch seconds (restJson1's default format). */
export const epochSeconds = (ms: number) => ms / 1000;
export const now = (ctx: OperationContext) => epochSeconds(ctx.clock.now());
