#!/usr/bin/env node
// Standalone local endpoint: `pulumi-aws-euc-emulator --port 4566 --state-file .euc/state.json`.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseRateLimitOptions, type RateLimitOptions } from "./core/rate-limits";
import { startEmulator } from "./index";

/** The environment variable that sets the rate limits when `--rate-limits` is not given. */
const RATE_LIMITS_ENV = "PULUMI_AWS_EUC_EMULATOR_RATE_LIMITS";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      "state-file": { type: "string" },
      "transition-ms": { type: "string" },
      region: { type: "string" },
      "rate-limits": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(
      "usage: pulumi-aws-euc-emulator [--port N] [--host H] [--state-file F] [--transition-ms N] [--region R] [--rate-limits on|off|JSON|@FILE]\n",
    );
    return;
  }
  const port = integer(values.port, "--port");
  const transitionMs =
    values["transition-ms"] === undefined ? undefined : integer(values["transition-ms"], "--transition-ms");
  const emulator = await startEmulator({
    port,
    host: values.host,
    stateFile: values["state-file"],
    transitionMs,
    region: values.region,
    rateLimits: rateLimits(values["rate-limits"] ?? process.env[RATE_LIMITS_ENV]),
  });
  // The URL alone on stdout, so a parent process can read it from the first line.
  process.stdout.write(`${emulator.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * `on` (the defaults, docs/rate-limits.md), `off`, inline JSON such as
 * `{"reads":{"rate":2,"burst":4}}` (enabled unless it says otherwise), or `@file.json`.
 */
function rateLimits(spec: string | undefined): RateLimitOptions | undefined {
  if (spec === undefined || spec === "" || spec === "off") return undefined;
  if (spec === "on") return { enabled: true };
  const text = spec.startsWith("@") ? readFileSync(spec.slice(1), "utf8") : spec;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--rate-limits (or ${RATE_LIMITS_ENV}) must be on, off, JSON or @file.json, got ${spec}`);
  }
  return { enabled: true, ...parseRateLimitOptions(parsed) };
}

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a non-negative integer, got ${text}`);
  return n;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
