import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { OffsetClock, systemClock } from "./clock";
import { handleControl } from "./control";
import { CallRecorder, Faults, type CallOutcome } from "./faults";
import { loadWorld, saveWorld } from "./persistence";
import { RateLimits, type RateLimitOptions } from "./rate-limits";
import { parseQuery, Router, unknownOperation, writeError, writeResult } from "./protocol";
import { requestParameters } from "./request-log";
import { ServiceError, type Clock, type OperationRequest, type ServiceModule, type World } from "./types";
import { emptyWorld, WorldContext } from "./world";

export interface EmulatorServerOptions {
  services: ServiceModule[];
  stateFile?: string;
  transitionMs?: number;
  clock?: Clock;
  region?: string;
  accountId?: string;
  /** Per-operation API request rate limits (rate-limits.ts); off unless `enabled`. */
  rateLimits?: RateLimitOptions;
}

export const DEFAULT_TRANSITION_MS = 200;

export class EmulatorServer {
  readonly ctx: WorldContext;
  readonly faults = new Faults();
  readonly calls = new CallRecorder();
  readonly rateLimits: RateLimits;
  readonly clock: OffsetClock;
  readonly services: ServiceModule[];
  private readonly router: Router;
  private readonly stateFile?: string;
  private readonly http: Server;
  private readonly sockets = new Set<Socket>();
  private closing = false;

  constructor(options: EmulatorServerOptions) {
    this.services = options.services;
    this.router = new Router(options.services);
    this.stateFile = options.stateFile;
    this.rateLimits = new RateLimits(options.rateLimits);
    this.clock = new OffsetClock(options.clock ?? systemClock);
    const stored = options.stateFile ? loadWorld(options.stateFile) : undefined;
    this.ctx = new WorldContext({
      world: stored ?? emptyWorld(),
      clock: this.clock,
      transitionMs: options.transitionMs ?? DEFAULT_TRANSITION_MS,
      region: options.region ?? "us-east-1",
      accountId: options.accountId ?? "123456789012",
      takeCreateFailure: (kind) => this.faults.takeCreateFailure(kind),
    });
    if (!stored) this.seed();
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => this.crash(res, err));
    });
    this.http.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => {
        this.http.off("error", reject);
        resolve(this.http.address() as AddressInfo);
      });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.faults.unblock();
    this.persist();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  /** A fresh world with every service's pre-seeded resources (images, devices, ...). */
  resetWorld(): void {
    this.ctx.world = emptyWorld();
    this.seed();
  }

  /** Replaces the world with a snapshot taken by GET /_emulator/world (a sweep's starting point). */
  restoreWorld(world: World): void {
    this.ctx.world = world;
    this.persist();
  }

  persist(): void {
    if (this.stateFile) saveWorld(this.stateFile, this.ctx.world);
  }

  private seed(): void {
    for (const service of this.services) service.seed?.(this.ctx);
    this.persist();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const rawBody = await readBody(req);
    if (url.pathname.startsWith("/_emulator/")) {
      handleControl(this, req.method ?? "GET", url, rawBody, res);
      return;
    }
    const target = header(req, "x-amz-target");
    const protocol = target ? "awsJson1_1" : "restJson1";
    const match = target ? this.router.byTarget(target) : this.router.byPath(req.method ?? "GET", url.pathname);
    if (!match) {
      writeError(res, protocol, unknownOperation(target ?? `${req.method} ${url.pathname}`));
      return;
    }
    const { service, operation, params } = match;
    // Set once the request is parsed; a call refused before that is logged without it.
    let input: Record<string, unknown> | undefined = undefined;
    const record = (outcome: CallOutcome, errorCode?: string) =>
      this.calls.record({
        service: service.service,
        operation: operation.name,
        mutating: operation.mutating,
        outcome,
        ...(errorCode ? { errorCode } : {}),
        ...(input ? { input } : {}),
      });

    let body: Record<string, unknown>;
    try {
      body = rawBody.length > 0 ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
    } catch {
      const error = new ServiceError("SerializationException", "The request body is not valid JSON.", 400);
      record("error", error.code);
      writeError(res, protocol, error);
      return;
    }

    const request: OperationRequest = { params, query: parseQuery(url.searchParams), headers: headers(req), body };
    input = requestParameters(service, operation.name, request);

    const { latencyMs } = this.faults.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Over its operation's rate, a call is refused at the front door, as AWS does, before any fault.
    const throttled = this.rateLimits.take(service.service, operation.name, operation.mutating);
    if (throttled) {
      record("throttled", throttled.code);
      writeError(res, protocol, throttled);
      return;
    }
    const injected = this.faults.draw(service.service);
    if (injected) {
      record(injected.status === 429 ? "throttled" : "server-error", injected.code);
      writeError(res, protocol, injected);
      return;
    }

    const gate = operation.mutating ? this.faults.gate(service.service, operation.name) : undefined;
    let clientGone = false;
    if (gate) {
      res.on("close", () => {
        if (res.writableFinished) return;
        clientGone = true;
        this.faults.markClientGone();
      });
    }
    if (gate?.when === "before") {
      await gate.wait;
      // A client that gave up (or was killed) while the call hung never reached the service.
      if (clientGone) return;
    }
    if (this.closing) return;

    let status = 200;
    let output: unknown;
    let failure: ServiceError | undefined;
    try {
      const result = await operation.handler(request, this.ctx);
      status = result.status ?? 200;
      output = result.body;
      record("ok");
    } catch (err) {
      failure = err instanceof ServiceError ? err : internalFailure(err);
      record("error", failure.code);
    }
    if (operation.mutating) this.persist();
    if (gate?.when === "after") await gate.wait;
    if (this.closing || res.destroyed) return;
    if (failure) writeError(res, protocol, failure);
    else writeResult(res, protocol, status, output);
  }

  private crash(res: ServerResponse, err: unknown): void {
    if (res.headersSent || res.destroyed) return;
    writeError(res, "restJson1", internalFailure(err));
  }
}

function internalFailure(err: unknown): ServiceError {
  // A handler bug must surface loudly in test output, yet still reach the client as a 500.
  console.error("[emulator] handler failed:", err);
  return new ServiceError("InternalFailure", err instanceof Error ? err.message : String(err), 500);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function headers(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
