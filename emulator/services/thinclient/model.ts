import type { OperationContext } from "../../core/types";

export const KIND = {
  environment: "thinclient:Environment",
  device: "thinclient:Device",
  softwareSet: "thinclient:SoftwareSet",
} as const;

/** Resource types as error shapes name them. */
export const TYPE = { environment: "environment", device: "device", softwareSet: "softwareset" } as const;

export const arn = (ctx: OperationContext, resource: string) =>
  `arn:aws:thinclient:${ctx.region}:${ctx.accountId}:${resource}`;

/** Thin Client timestamps travel as epoch seconds (restJson1's default format). */
export const epochSeconds = (ms: number) => ms / 1000;
export const now = (ctx: OperationContext) => epochSeconds(ctx.clock.now());
