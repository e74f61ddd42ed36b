// AppStream 2.0 functions for programs: streaming URLs for image builders, and sessions.
import * as pulumi from "@pulumi/pulumi";
import { invoke, invokeAll } from "./invoke";
import { afterResources, isPreview, unknownOutput } from "./preview";

export interface ImageBuilderStreamingUrl {
  /** Opens a streaming session to the image builder for whoever holds it, until it expires. */
  streamingUrl: string;
  /** When the URL stops working (ISO 8601). */
  expires: string;
}

export interface ImageBuilderStreamingUrlArgs {
  /** The image builder's name; it must be RUNNING. */
  name: pulumi.Input<string>;
  /** Seconds the URL stays valid, 1 to 604800 (the service's default is 3600). */
  validity?: pulumi.Input<number>;
}

/**
 * Creates a streaming URL for an image builder. The result is a secret Output: the URL lets anyone
 * in, so it must never reach state or logs in plain text. Each `up` creates a fresh URL, after the
 * image builder it names exists; a preview creates none (the result shows as unknown).
 */
export function createImageBuilderStreamingUrl(
  args: ImageBuilderStreamingUrlArgs,
): pulumi.Output<ImageBuilderStreamingUrl> {
  if (isPreview()) return pulumi.secret(unknownOutput<ImageBuilderStreamingUrl>());
  const result = afterResources(args).apply(async ({ name, validity }) => {
    const response = await invoke("appstream", "CreateImageBuilderStreamingURL", {
      Name: name,
      ...(validity === undefined ? {} : { Validity: validity }),
    });
    return { streamingUrl: String(response.StreamingURL), expires: isoTime(response.Expires) ?? "" };
  });
  return pulumi.secret(result);
}

export type SessionAuthenticationType = "API" | "AWS_AD" | "SAML" | "USERPOOL";

export interface Session {
  id: string;
  userId: string;
  stackName: string;
  fleetName: string;
  state: "ACTIVE" | "PENDING" | "EXPIRED";
  connectionState?: "CONNECTED" | "NOT_CONNECTED";
  startTime?: string;
  maxExpirationTime?: string;
  authenticationType?: SessionAuthenticationType;
  instanceId?: string;
}

export interface DescribeSessionsArgs {
  stackName: string;
  fleetName: string;
  /** Only this user's sessions; needs authenticationType. */
  userId?: string;
  /** Which users' sessions: the service lists streaming-URL (API) users when omitted. */
  authenticationType?: SessionAuthenticationType;
  /** Only the sessions on this instance. */
  instanceId?: string;
}

/** The largest page the service returns. */
const sessionPageSize = 50;

/** Every streaming session of a stack and fleet, all pages. */
export async function describeSessions(args: DescribeSessionsArgs): Promise<Session[]> {
  const request = {
    StackName: args.stackName,
    FleetName: args.fleetName,
    UserId: args.userId,
    AuthenticationType: args.authenticationType,
    InstanceId: args.instanceId,
    Limit: sessionPageSize,
  };
  // The SDK has no paginator for DescribeSessions: the service's NextToken is followed.
  const sessions = await invokeAll("appstream", "DescribeSessions", request, "Sessions");
  return sessions.map(toSession);
}

/**
 * describeSessions for values that are Outputs, such as a fleet's and a stack's names: it waits until
 * the resources they come from exist (unknown in a preview that creates them).
 */
export function describeSessionsOutput(args: {
  [K in keyof DescribeSessionsArgs]: pulumi.Input<DescribeSessionsArgs[K]>;
}): pulumi.Output<Session[]> {
  return afterResources(args).apply((plain) => describeSessions(plain as DescribeSessionsArgs));
}

function toSession(wire: Record<string, unknown>): Session {
  const optional = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    id: String(wire.Id),
    userId: String(wire.UserId),
    stackName: String(wire.StackName),
    fleetName: String(wire.FleetName),
    state: wire.State as Session["state"],
    connectionState: optional(wire.ConnectionState) as Session["connectionState"],
    startTime: isoTime(wire.StartTime),
    maxExpirationTime: isoTime(wire.MaxExpirationTime),
    authenticationType: optional(wire.AuthenticationType) as SessionAuthenticationType | undefined,
    instanceId: optional(wire.InstanceId),
  };
}

function isoTime(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : typeof value === "string" ? value : undefined;
}
