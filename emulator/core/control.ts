// The emulator's own control API under /_emulator/: plain JSON, not an AWS protocol. Tests and
// scripts use it to inspect state, count calls and inject faults (see control-client.ts).
import type { ServerResponse } from "node:http";
import type { FaultSettings } from "./faults";
import { parseRateLimitOptions, type RateLimitOptions } from "./rate-limits";
import type { EmulatorServer } from "./server";
import { redacted } from "./request-log";
import { ServiceError, type ResourceRecord, type World } from "./types";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

export function handleControl(
  emu: EmulatorServer,
  method: string,
  url: URL,
  rawBody: string,
  res: ServerResponse,
): void {
  try {
    const body = parseBody(rawBody);
    const path = url.pathname.slice("/_emulator/".length).replace(/\/+$/, "");
    const result = route(emu, method, path, url, body);
    send(res, 200, result ?? { ok: true });
  } catch (err) {
    if (err instanceof ControlError) send(res, err.status, { message: err.message });
    else if (err instanceof ServiceError) send(res, err.status, { code: err.code, message: err.message });
    else send(res, 500, { message: err instanceof Error ? err.message : String(err) });
  }
}

function route(emu: EmulatorServer, method: string, path: string, url: URL, body: Body): unknown {
  const ctx = emu.ctx;
  const key = `${method} ${path}`;
  switch (key) {
    case "GET health":
      return { ok: true };
    case "GET resources":
      return { resources: ctx.all(url.searchParams.get("kind") ?? undefined) };
    case "POST reset":
      emu.resetWorld();
      emu.calls.reset();
      emu.faults.clear();
      emu.rateLimits.reset();
      return { ok: true };
    case "GET calls":
      return { counts: emu.calls.counts, log: emu.calls.log };
    case "POST redact":
      return { redacted: redacted(body.value) };
    case "POST calls/reset":
      emu.calls.reset();
      return { ok: true };
    case "GET faults":
      return emu.faults.settings;
    case "POST faults":
      return emu.faults.configure(faultSettings(body));
    case "DELETE faults":
      emu.faults.clear();
      return emu.faults.settings;
    case "GET rate-limits":
      return emu.rateLimits.settings;
    case "POST rate-limits":
      return emu.rateLimits.configure(rateLimitOptions(body));
    case "DELETE rate-limits":
      return emu.rateLimits.reset();
    case "POST fail-next-create":
      emu.faults.failNextCreate(str(body, "kind"), {
        statusCode: str(body, "statusCode"),
        statusMessage: str(body, "statusMessage"),
      });
      return { ok: true };
    case "POST stuck":
    case "POST release": {
      const record = mustGet(emu, body);
      record.stuck = path === "stuck" ? true : undefined;
      if (!record.stuck) delete record.stuck;
      emu.persist();
      // Released transitions that fell due while stuck apply on this read.
      return { resource: path === "stuck" ? record : (ctx.get(record.kind, record.id) ?? null) };
    }
    case "POST mutate": {
      const record = mustGet(emu, body);
      const patch = body.patch;
      if (!patch || typeof patch !== "object" || Array.isArray(patch))
        throw new ControlError(400, "patch must be an object");
      // null removes an attribute, as a console edit that clears a setting would.
      for (const [k, v] of Object.entries(patch as Body)) {
        if (v === null) delete record.attributes[k];
        else record.attributes[k] = v;
      }
      emu.persist();
      return { resource: record };
    }
    case "POST block-mutating-call": {
      const when = body.when ?? "before";
      if (when !== "before" && when !== "after") throw new ControlError(400, 'when must be "before" or "after"');
      const operation = body.operation === undefined ? undefined : str(body, "operation");
      const service = body.service === undefined ? undefined : str(body, "service");
      if (service !== undefined && !emu.services.some((s) => s.service === service))
        throw new ControlError(
          400,
          `service must be one of ${emu.services.map((s) => s.service).join(", ")} (got "${service}")`,
        );
      if (
        operation !== undefined &&
        !emu.services.some(
          (s) =>
            (service === undefined || s.service === service) &&
            s.operations.some((o) => o.name === operation && o.mutating),
        )
      ) {
        throw new ControlError(
          400,
          `operation must name a mutating operation${service ? ` of ${service}` : ""} (got "${operation}")`,
        );
      }
      emu.faults.armHold({ occurrence: num(body, "n", 1), when, operation, service });
      return { ok: true };
    }
    case "GET world":
      return emu.ctx.world;
    case "PUT world":
      emu.restoreWorld(worldSnapshot(body));
      return { ok: true };
    case "GET blocked":
      return emu.faults.blocked();
    case "POST unblock":
      emu.faults.unblock();
      return { ok: true };
    case "GET settings":
      return { transitionMs: ctx.transitionMs, region: ctx.region, accountId: ctx.accountId };
    case "POST settings":
      if (body.transitionMs !== undefined) ctx.transitionMs = num(body, "transitionMs", ctx.transitionMs);
      return { transitionMs: ctx.transitionMs, region: ctx.region, accountId: ctx.accountId };
    case "POST advance":
      emu.clock.offsetMs += num(body, "ms", 0);
      return { now: emu.clock.now() };
  }
  if (method === "DELETE" && path.startsWith("resources/")) {
    const [kind, ...rest] = path.slice("resources/".length).split("/").map(decodeURIComponent);
    const id = rest.join("/");
    if (!ctx.get(kind, id)) throw new ControlError(404, `No ${kind} ${id}`);
    ctx.remove(kind, id);
    emu.persist();
    return { ok: true };
  }
  if (method === "POST") {
    for (const service of emu.services) {
      const control = service.controls?.[path];
      if (control) {
        const result = control(body, ctx);
        emu.persist();
        return result;
      }
    }
  }
  throw new ControlError(404, `No control endpoint ${method} /_emulator/${path}`);
}

function worldSnapshot(body: Body): World {
  const { resources, clientTokens, pageTokens, sequence } = body;
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(resources) || !isObject(clientTokens) || !isObject(pageTokens) || typeof sequence !== "number") {
    throw new ControlError(
      400,
      "a world snapshot has resources, clientTokens and pageTokens objects and a sequence number (as GET /_emulator/world returns)",
    );
  }
  return structuredClone(body) as unknown as World;
}

function mustGet(emu: EmulatorServer, body: Body): ResourceRecord {
  const kind = str(body, "kind");
  const id = str(body, "id");
  const record = emu.ctx.get(kind, id);
  if (!record) throw new ControlError(404, `No ${kind} ${id}`);
  return record;
}

function faultSettings(body: Body): Partial<FaultSettings> {
  const out: Partial<FaultSettings> = {};
  for (const name of ["throttlePercent", "serverErrorPercent", "latencyMs", "seed"] as const) {
    if (body[name] !== undefined) out[name] = num(body, name, 0);
  }
  return out;
}

function rateLimitOptions(body: Body): RateLimitOptions {
  try {
    return parseRateLimitOptions(body);
  } catch (err) {
    throw new ControlError(400, err instanceof Error ? err.message : String(err));
  }
}

function parseBody(raw: string): Body {
  if (raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Body;
  } catch {
    // fall through to the error below
  }
  throw new ControlError(400, "body must be a JSON object");
}

function str(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== "string" || value === "") throw new ControlError(400, `${name} must be a non-empty string`);
  return value;
}

function num(body: Body, name: string, fallback: number): number {
  const value = body[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    throw new ControlError(400, `${name} must be a non-negative number`);
  return value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
