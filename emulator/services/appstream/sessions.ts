import type { Operation, OperationContext } from "../../core/types";
import { compact, epochSeconds, invalid, KIND, optInt, optString, pageOf, reqName, type Input, read } from "./common";

function describeSessions(input: Input, ctx: OperationContext) {
  const stackName = reqName(input, "StackName");
  const fleetName = reqName(input, "FleetName");
  const userId = optString(input, "UserId");
  const authType = input["AuthenticationType"] as string | undefined;
  if (userId && !authType) throw invalid("UserId requires AuthenticationType.");
  optInt(input, "Limit", 1, 50);
  const instanceId = optString(input, "InstanceId");
  // Without AuthenticationType the service lists streaming-URL (API) sessions only.
  const wanted = authType ?? "API";
  const sessions = ctx
    .list(KIND.session)
    .map((s) => s.attributes)
    .filter(
      (s) =>
        s.StackName === stackName &&
        s.FleetName === fleetName &&
        s.AuthenticationType === wanted &&
        (!userId || s.UserId === userId) &&
        (!instanceId || s.InstanceId === instanceId),
    );
  const page = pageOf(
    ctx,
    `DescribeSessions:${stackName}:${fleetName}:${wanted}:${userId ?? ""}`,
    sessions,
    input,
    "Limit",
    20,
  );
  return { body: compact({ Sessions: page.items, NextToken: page.nextToken }) };
}

/**
 * Control API "sessions": users start streaming out of band; {StackName, FleetName, count?, UserId?,
 * AuthenticationType?} adds that many ACTIVE sessions.
 */
export function addSessions(body: Input, ctx: OperationContext): unknown {
  const stackName = reqName(body, "StackName");
  const fleetName = reqName(body, "FleetName");
  const count = optInt(body, "count", 1, 1000) ?? 1;
  const authType = (body["AuthenticationType"] as string | undefined) ?? "API";
  const fleet = ctx.get(KIND.fleet, fleetName);
  const duration = Number(fleet?.attributes.MaxUserDurationInSeconds ?? 57600);
  const now = epochSeconds(ctx);
  const added: Input[] = [];
  for (let i = 0; i < count; i++) {
    const id = ctx.nextId("");
    const attributes = {
      Id: id,
      UserId: optString(body, "UserId") ?? `user-${id.slice(-6)}`,
      StackName: stackName,
      FleetName: fleetName,
      State: "ACTIVE",
      ConnectionState: "CONNECTED",
      StartTime: now,
      MaxExpirationTime: now + duration,
      AuthenticationType: authType,
      InstanceId: `i-${id.slice(-8)}`,
    };
    ctx.put({ kind: KIND.session, id, attributes });
    added.push(attributes);
  }
  return { sessions: added };
}

export const sessionOperations: Operation[] = [read("DescribeSessions", (req, ctx) => describeSessions(req.body, ctx))];
