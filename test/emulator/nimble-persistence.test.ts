// A standalone emulator persists its world; Nimble and Thin Client records (and their pending
// transitions and client tokens) must survive a restart unchanged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateStudioCommand, GetStudioCommand, NimbleClient } from "@aws-sdk/client-nimble";
import {
  DeregisterDeviceCommand,
  GetDeviceCommand,
  WorkSpacesThinClientClient,
} from "@aws-sdk/client-workspaces-thin-client";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../emulator/core/clock";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { thinClientService } from "../../emulator/services/thinclient";
import { createAwsClients } from "../../provider/aws-clients";
import { STEP_MS } from "./fixture";

const dir = mkdtempSync(join(tmpdir(), "euc-persist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function boot(
  clock: ManualClock,
): Promise<{ emulator: RunningEmulator; nimble: NimbleClient; thinClient: WorkSpacesThinClientClient }> {
  const emulator = await startEmulatorWith([nimbleService, thinClientService], {
    port: 0,
    transitionMs: STEP_MS,
    clock,
    stateFile: join(dir, "world.json"),
  });
  const { nimble, thinClient } = createAwsClients({ endpoint: emulator.url, maxAttempts: 1 });
  return { emulator, nimble, thinClient };
}

describe("Nimble and Thin Client state across a restart", () => {
  it("resumes pending transitions and replays client tokens after a restart", async () => {
    const clock = new ManualClock();
    const first = await boot(clock);
    const input = {
      adminRoleArn: "arn:aws:iam::1:role/a",
      userRoleArn: "arn:aws:iam::1:role/u",
      displayName: "P",
      studioName: "persisted",
      clientToken: "persist-1",
    };
    const { studio } = await first.nimble.send(new CreateStudioCommand(input));
    await first.thinClient.send(new DeregisterDeviceCommand({ id: "tcdevice0000000000000001" }));
    first.nimble.destroy();
    first.thinClient.destroy();
    await first.emulator.close();

    const second = await boot(clock);
    try {
      expect((await second.nimble.send(new GetStudioCommand({ studioId: studio!.studioId }))).studio!.state).toBe(
        "CREATE_IN_PROGRESS",
      );
      expect(
        (await second.thinClient.send(new GetDeviceCommand({ id: "tcdevice0000000000000001" }))).device!.status,
      ).toBe("DEREGISTERING");
      clock.advance(STEP_MS);
      expect((await second.nimble.send(new GetStudioCommand({ studioId: studio!.studioId }))).studio!.state).toBe(
        "READY",
      );
      expect(
        (await second.thinClient.send(new GetDeviceCommand({ id: "tcdevice0000000000000001" }))).device!.status,
      ).toBe("DEREGISTERED");
      const replay = await second.nimble.send(new CreateStudioCommand(input));
      expect(replay.studio!.studioId).toBe(studio!.studioId);
    } finally {
      second.nimble.destroy();
      second.thinClient.destroy();
      await second.emulator.close();
    }
  });
});
