// The provider's limiter sends a throttled call again from its line, but never more often than the
// user's aws-euc:maxAttempts allows: a service that keeps refusing fails the call with its
// throttling error after exactly that many attempts, and the SDK's own retries add none.
import { DescribeStacksCommand } from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";

let emulator: RunningEmulator;
let clients: AwsClients;
const MAX_ATTEMPTS = 3;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  clients = createAwsClients({ endpoint: emulator.url, maxAttempts: MAX_ATTEMPTS });
});
afterAll(async () => {
  clients?.appstream.destroy();
  await emulator?.close();
});

describe("throttled attempts in the limiter's line", () => {
  it(`stop at aws-euc:maxAttempts (${MAX_ATTEMPTS}) when the service keeps throttling`, async () => {
    // One call, then a bucket that refills once in 1,000 s.
    await emulator.control.setRateLimits({
      enabled: true,
      operations: { "appstream:DescribeStacks": { rate: 0.001, burst: 1 } },
    });
    await clients.appstream.send(new DescribeStacksCommand({}));
    const error = await clients.appstream.send(new DescribeStacksCommand({})).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe("ThrottlingException");
    const { log } = await emulator.control.calls();
    expect(log.map((c) => c.outcome)).toEqual(["ok", ...Array<string>(MAX_ATTEMPTS).fill("throttled")]);
  }, 60_000);
});
