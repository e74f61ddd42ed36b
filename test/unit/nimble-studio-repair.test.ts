// The opt-in repair of a nimble:Studio's IAM Identity Center configuration, through the studio's hooks
// with a stand-in service: when it is asked for (after a create, a failed create, an update, and as a
// change pending after a refresh), the StartStudioSSOConfigurationRepair request with its client
// token, and the wait that follows, under the timeout the program set for the step it belongs to.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { contextFor } from "../../provider/engine/resource-context";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { Observation } from "../../provider/engine/waiter";
import { clientToken } from "../../provider/engine/wire";
import { hooks } from "../../provider/hooks/nimble-studio";

type Props = Record<string, unknown>;

const urn = "urn:pulumi:test::repair::pulumi-nodejs:dynamic/nimble:Studio::main";
const scope = { __urn: urn, studioId: "studio-1" };
const timeouts = { create: 3, update: 5, delete: 7 };
const repaired: Observation = {
  gone: false,
  state: "READY",
  statusCode: "AWS_SSO_CONFIGURATION_REPAIRED",
  errors: [],
  outputs: {},
};

const observed = (
  statusCode: string | undefined,
  state = "READY",
  updatedAt = "2026-11-29T10:00:00Z",
): Observation => ({
  gone: false,
  state,
  statusCode,
  errors: [],
  outputs: { updatedAt },
});

/** The studio's context with the service's calls, waits and schema updates recorded instead of made. */
function studio() {
  const sent: Array<{ operation: string; request: Props }> = [];
  const waits: Array<{ phase: unknown; timeoutMs: number }> = [];
  const updates: Array<{ changed: string[]; timeoutMs: number }> = [];
  const ctx: HookContext = {
    ...contextFor("nimble:Studio", scope),
    send: (spec, request) => {
      sent.push({ operation: spec.operation, request });
      return Promise.resolve({});
    },
    wait: (phase, _scope, timeoutMs) => {
      waits.push({ phase, timeoutMs });
      return Promise.resolve(repaired);
    },
    updateAsSchemaSays: (_scope, _news, changed, timeoutMs) => {
      updates.push({ changed, timeoutMs });
      return Promise.resolve(observed("AWS_SSO_NOT_ENABLED", "READY", "2026-11-29T11:00:00Z"));
    },
  };
  return { ctx, sent, waits, updates };
}

const tokenFor = (before: string) =>
  clientToken(loadSchema("nimble:Studio"), `StartStudioSSOConfigurationRepair:${before}`, scope);
const repairWait = { pending: ["UPDATE_IN_PROGRESS"], target: ["READY"], failed: ["UPDATE_FAILED"] };

describe("nimble:Studio SSO repair", () => {
  it.each(["AWS_SSO_NOT_ENABLED", "AWS_SSO_ACCESS_DENIED"])(
    "after a create that found %s, asks for the repair and waits for it under the create timeout",
    async (statusCode) => {
      const { ctx, sent, waits } = studio();
      const inputs = { ...scope, repairSsoConfiguration: true, timeouts };
      expect(await hooks.afterCreate!(ctx, scope, inputs, observed(statusCode))).toBe(repaired);
      expect(sent).toEqual([
        {
          operation: "StartStudioSSOConfigurationRepair",
          request: { studioId: "studio-1", clientToken: tokenFor(`${statusCode}:2026-11-29T10:00:00Z`) },
        },
      ]);
      expect(waits).toEqual([{ phase: repairWait, timeoutMs: 3 * 60_000 }]);
    },
  );

  it("asks for a repair needed again with a new client token", async () => {
    const { ctx, sent } = studio();
    const inputs = { ...scope, repairSsoConfiguration: true };
    await hooks.afterCreate!(ctx, scope, inputs, observed("AWS_SSO_NOT_ENABLED", "READY", "first"));
    await hooks.afterCreate!(ctx, scope, inputs, observed("AWS_SSO_NOT_ENABLED", "READY", "second"));
    await hooks.afterCreate!(ctx, scope, inputs, observed("AWS_SSO_ACCESS_DENIED", "READY", "second"));
    expect(new Set(sent.map((s) => s.request.clientToken)).size).toBe(3);
  });

  it("does nothing after a create unless asked, or when the studio is healthy", async () => {
    const { ctx, sent, waits } = studio();
    const healthy = observed("STUDIO_CREATED");
    expect(await hooks.afterCreate!(ctx, scope, { ...scope }, observed("AWS_SSO_NOT_ENABLED"))).toEqual(
      observed("AWS_SSO_NOT_ENABLED"),
    );
    expect(
      await hooks.afterCreate!(
        ctx,
        scope,
        { ...scope, repairSsoConfiguration: "true" },
        observed("AWS_SSO_NOT_ENABLED"),
      ),
    ).toEqual(observed("AWS_SSO_NOT_ENABLED"));
    expect(await hooks.afterCreate!(ctx, scope, { ...scope, repairSsoConfiguration: true }, healthy)).toBe(healthy);
    expect(sent).toEqual([]);
    expect(waits).toEqual([]);
  });

  it("repairs a create that failed on Identity Center when asked, under the create timeout", async () => {
    const { ctx, sent, waits } = studio();
    const failed = observed("AWS_SSO_ACCESS_DENIED", "CREATE_FAILED");
    const inputs = { ...scope, repairSsoConfiguration: true, timeouts };
    expect(await hooks.repairFailedCreate!(ctx, scope, inputs, failed)).toBe(repaired);
    expect(sent.map((s) => s.operation)).toEqual(["StartStudioSSOConfigurationRepair"]);
    expect(waits).toEqual([{ phase: repairWait, timeoutMs: 3 * 60_000 }]);
  });

  it("leaves a create that failed otherwise, or without the ask, failed", async () => {
    const { ctx, sent } = studio();
    const inputs = { ...scope, repairSsoConfiguration: true };
    expect(
      await hooks.repairFailedCreate!(ctx, scope, inputs, observed("INTERNAL_ERROR", "CREATE_FAILED")),
    ).toBeUndefined();
    expect(
      await hooks.repairFailedCreate!(ctx, scope, { ...scope }, observed("AWS_SSO_NOT_ENABLED", "CREATE_FAILED")),
    ).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("on an update, applies the changes first, then repairs what they left broken, under the update timeout", async () => {
    const { ctx, sent, waits, updates } = studio();
    const news = { ...scope, repairSsoConfiguration: true, displayName: "Renamed", timeouts };
    const result = await hooks.update!(ctx, scope, scope, news, ["displayName"], observed("AWS_SSO_NOT_ENABLED"));
    expect(result).toBe(repaired);
    expect(updates).toEqual([{ changed: ["displayName"], timeoutMs: 5 * 60_000 }]);
    expect(sent).toEqual([
      {
        operation: "StartStudioSSOConfigurationRepair",
        request: { studioId: "studio-1", clientToken: tokenFor("AWS_SSO_NOT_ENABLED:2026-11-29T11:00:00Z") },
      },
    ]);
    expect(waits).toEqual([{ phase: repairWait, timeoutMs: 5 * 60_000 }]);
  });

  it("on an update with nothing else changed, only repairs; without the ask, only updates", async () => {
    const { ctx, sent, updates } = studio();
    const current = observed("AWS_SSO_ACCESS_DENIED");
    await hooks.update!(ctx, scope, scope, { ...scope, repairSsoConfiguration: true }, [], current);
    expect(updates).toEqual([]);
    expect(sent).toEqual([
      {
        operation: "StartStudioSSOConfigurationRepair",
        request: { studioId: "studio-1", clientToken: tokenFor("AWS_SSO_ACCESS_DENIED:2026-11-29T10:00:00Z") },
      },
    ]);
    const renamed = await hooks.update!(ctx, scope, scope, { ...scope, displayName: "B" }, ["displayName"], current);
    expect(renamed.statusCode).toBe("AWS_SSO_NOT_ENABLED");
    expect(sent).toHaveLength(1);
  });

  it("on refresh, shows the repair pending only for a studio that asks for it and reports it broken", () => {
    const { ctx } = studio();
    const asking = { ...scope, repairSsoConfiguration: true };
    expect(hooks.engineInputsNotInEffect!(ctx, asking, observed("AWS_SSO_NOT_ENABLED"))).toEqual({
      repairSsoConfiguration: false,
    });
    expect(hooks.engineInputsNotInEffect!(ctx, asking, observed("AWS_SSO_ACCESS_DENIED"))).toEqual({
      repairSsoConfiguration: false,
    });
    expect(hooks.engineInputsNotInEffect!(ctx, asking, observed("STUDIO_CREATED"))).toEqual({});
    expect(hooks.engineInputsNotInEffect!(ctx, { ...scope }, observed("AWS_SSO_NOT_ENABLED"))).toEqual({});
  });
});
