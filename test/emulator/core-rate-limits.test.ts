// The endpoint's per-operation rate limits, observed through the real SDK clients: off unless asked
// for, a bucket per operation, and over-limit calls answered as each service answers them.
import { DescribeStacksCommand } from "@aws-sdk/client-appstream";
import { ListStudiosCommand } from "@aws-sdk/client-nimble";
import { ListEnvironmentsCommand, ListDevicesCommand } from "@aws-sdk/client-workspaces-thin-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EmulatorControlError } from "../../emulator/control-client";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";
import { rejection } from "./fixture";

let emulator: RunningEmulator;
let clients: AwsClients;

// A bucket that refills once in 1,000 s: within a test, only the burst counts.
const SLOW = { rate: 0.001, burst: 2 };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // One attempt: the test sees the throttling answer itself, not a retry of it.
  clients = createAwsClients({ endpoint: emulator.url, maxAttempts: 1 });
});
afterAll(async () => {
  if (clients) for (const client of [clients.nimble, clients.appstream, clients.thinClient]) client.destroy();
  await emulator?.close();
});
beforeEach(() => emulator.control.reset());

describe("the local endpoint's rate limits", () => {
  it("are off unless enabled", async () => {
    expect((await emulator.control.rateLimits()).enabled).toBe(false);
    for (let i = 0; i < 30; i++) await clients.appstream.send(new DescribeStacksCommand({}));
    expect((await emulator.control.calls()).log.every((c) => c.outcome === "ok")).toBe(true);
  });

  it("serve an operation's burst, then refuse it with AppStream's ThrottlingException (HTTP 400), logged as throttled", async () => {
    await emulator.control.setRateLimits({ enabled: true, reads: SLOW });
    await clients.appstream.send(new DescribeStacksCommand({}));
    await clients.appstream.send(new DescribeStacksCommand({}));
    const error = await rejection(() => clients.appstream.send(new DescribeStacksCommand({})));
    expect(error.name).toBe("ThrottlingException");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    const { log } = await emulator.control.calls();
    expect(log.map((c) => c.outcome)).toEqual(["ok", "ok", "throttled"]);
    expect(log[2].errorCode).toBe("ThrottlingException");
  });

  it("keep a bucket per operation", async () => {
    await emulator.control.setRateLimits({ enabled: true, reads: SLOW });
    await clients.thinClient.send(new ListEnvironmentsCommand({}));
    await clients.thinClient.send(new ListEnvironmentsCommand({}));
    await rejection(() => clients.thinClient.send(new ListEnvironmentsCommand({})));
    // Another operation of the same service has its own full bucket.
    await clients.thinClient.send(new ListDevicesCommand({}));
    expect((await emulator.control.calls()).log.map((c) => `${c.operation} ${c.outcome}`)).toEqual([
      "ListEnvironments ok",
      "ListEnvironments ok",
      "ListEnvironments throttled",
      "ListDevices ok",
    ]);
  });

  it("answer Thin Client with its modeled ThrottlingException: HTTP 429 and the seconds to wait in Retry-After", async () => {
    await emulator.control.setRateLimits({
      enabled: true,
      operations: { "thinclient:ListEnvironments": { rate: 0.01, burst: 1 } },
    });
    await clients.thinClient.send(new ListEnvironmentsCommand({}));
    const error = await rejection(() => clients.thinClient.send(new ListEnvironmentsCommand({})));
    expect(error.name).toBe("ThrottlingException");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(429);
    // The next token at 0.01 a second: up to 100 s away, in whole seconds.
    expect(Number.isInteger(error.retryAfterSeconds)).toBe(true);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(100);
  });

  it("answer Nimble Studio with its modeled ThrottlingException (HTTP 429)", async () => {
    await emulator.control.setRateLimits({ enabled: true, operations: { "nimble:ListStudios": SLOW } });
    await clients.nimble.send(new ListStudiosCommand({}));
    await clients.nimble.send(new ListStudiosCommand({}));
    const error = await rejection(() => clients.nimble.send(new ListStudiosCommand({})));
    expect(error.name).toBe("ThrottlingException");
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(429);
  });

  it("are shown, changed and reset through the control API, which names a bad setting", async () => {
    const set = await emulator.control.setRateLimits({ enabled: true, mutating: { rate: 1, burst: 3 } });
    expect(set).toMatchObject({ enabled: true, mutating: { rate: 1, burst: 3 }, reads: { rate: 5, burst: 10 } });
    const bad = await emulator.control.setRateLimits({ reads: { rate: 0, burst: 1 } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(EmulatorControlError);
    expect((bad as EmulatorControlError).status).toBe(400);
    expect((bad as Error).message).toBe("rate limits: reads.rate must be a number of calls a second above 0");
    expect((await emulator.control.resetRateLimits()).enabled).toBe(false);
  });
});
