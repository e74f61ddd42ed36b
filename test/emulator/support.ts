// Shared setup for the emulator tests: an in-process emulator on a free port and real SDK clients.
import { AppStreamClient } from "@aws-sdk/client-appstream";
import { ManualClock } from "../../emulator/core/clock";
import { startEmulatorWith, type EmulatorOptions, type RunningEmulator } from "../../emulator/core/start";
import type { ServiceModule } from "../../emulator/core/types";
import { appstreamService } from "../../emulator/services/appstream";

export const CREDENTIALS = { accessKeyId: "euc-local-test", secretAccessKey: "euc-local-test-secret" };

export const PUBLIC_IMAGE = "AppStream-WinServer2019-06-12-2024";
export const PRIVATE_IMAGE = "euc-base-image";

export interface AppStreamHarness {
  emulator: RunningEmulator;
  clock: ManualClock;
  client: AppStreamClient;
  close(): Promise<void>;
}

/**
 * AppStream on its own, so these tests do not depend on the other service modules. The clock is
 * manual: transitions happen only when a test advances it.
 */
export async function startAppStream(
  options: EmulatorOptions & { maxAttempts?: number; services?: ServiceModule[] } = {},
): Promise<AppStreamHarness> {
  const clock = new ManualClock();
  const emulator = await startEmulatorWith(options.services ?? [appstreamService], {
    transitionMs: 1000,
    clock,
    ...options,
  });
  const client = appStreamClient(emulator.url, options.maxAttempts);
  return {
    emulator,
    clock,
    client,
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
}

export function appStreamClient(url: string, maxAttempts = 3): AppStreamClient {
  return new AppStreamClient({ endpoint: url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts });
}

export const fleetInput = (name: string) => ({
  Name: name,
  InstanceType: "stream.standard.medium",
  ImageName: PUBLIC_IMAGE,
  ComputeCapacity: { DesiredInstances: 2 },
});
