import { EmulatorControl } from "../control-client";
import { EmulatorServer } from "./server";
import type { RateLimitOptions } from "./rate-limits";
import type { Clock, ServiceModule } from "./types";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Persist the world here (atomically, after every mutating call); in-memory when absent. */
  stateFile?: string;
  transitionMs?: number;
  clock?: Clock;
  region?: string;
  accountId?: string;
  /** Per-operation API request rate limits, e.g. `{ enabled: true }` for the defaults (docs/rate-limits.md). Off by default. */
  rateLimits?: RateLimitOptions;
}

export interface RunningEmulator {
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

/** Starts an emulator serving exactly `services`; index.ts passes all of them. */
export async function startEmulatorWith(
  services: ServiceModule[],
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const server = new EmulatorServer({ ...options, services });
  const address = await server.listen(options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  return { url, port: address.port, control: new EmulatorControl(url), close: () => server.close() };
}
