// The nimble functions a program calls, against the local endpoint: backups to restore from, a launch
// profile's details, and stream URLs that stay secret.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { updateResource } from "../../provider/engine/update";
import {
  createStreamingSessionStream,
  getLaunchProfileDetails,
  getStreamingSessionBackup,
  getStreamingSessionStream,
  listStreamingSessionBackups,
  listStudioComponents,
} from "../../provider/functions/nimble";

let emulator: RunningEmulator;
let studioId: string;
let launchProfileId: string;
let sessionId: string;

function inputs(type: string, name: string, values: Record<string, unknown>) {
  const result = checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::fn::pulumi-nodejs:dynamic/${type}::${name}`, ...values },
  );
  expect(result.failures).toEqual([]);
  return result.inputs;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([nimbleService], { port: 0, transitionMs: 20 });
  // Functions read the stack's config the way a program does; outside one, the environment stands in.
  process.env.PULUMI_AWS_EUC_ENDPOINT = emulator.url;
  process.env.AWS_REGION = "us-west-2";
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  const studio = await createResource(
    "nimble:Studio",
    inputs("nimble:Studio", "studio", {
      displayName: "Functions",
      adminRoleArn: "arn:aws:iam::123456789012:role/admin",
      userRoleArn: "arn:aws:iam::123456789012:role/user",
    }),
  );
  studioId = studio.id;
  const component = (await emulator.control.resources("nimble:StudioComponent")).find((c) => c.parentId === studioId)!;
  const profile = await createResource(
    "nimble:LaunchProfile",
    inputs("nimble:LaunchProfile", "profile", {
      studioId,
      ec2SubnetIds: ["subnet-1"],
      studioComponentIds: [component.id],
      streamConfiguration: {
        clipboardMode: "ENABLED",
        ec2InstanceTypes: ["g4dn.xlarge"],
        streamingImageIds: ["al2-workstation"],
        sessionPersistenceMode: "ACTIVATED",
        sessionBackup: { mode: "AUTOMATIC" },
      },
    }),
  );
  launchProfileId = String(profile.outs.launchProfileId);
  const sessionInputs = inputs("nimble:StreamingSession", "session", { studioId, launchProfileId });
  const session = await createResource("nimble:StreamingSession", sessionInputs);
  sessionId = String(session.outs.sessionId);
  // A stop backs the session up (backups AUTOMATIC); start it again for the stream.
  const stopped = await updateResource("nimble:StreamingSession", session.id, session.outs, {
    ...sessionInputs,
    desiredState: "STOPPED",
  });
  await updateResource("nimble:StreamingSession", session.id, stopped.outs, {
    ...sessionInputs,
    desiredState: "READY",
  });
});
afterAll(() => emulator?.close());

describe("nimble functions", () => {
  it("lists a session's backups and gets one by id", async () => {
    const backups = await listStreamingSessionBackups({ studioId, sessionId });
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ sessionId, launchProfileId });
    const backup = await getStreamingSessionBackup({ studioId, backupId: String(backups[0].backupId) });
    expect(backup.backupId).toBe(backups[0].backupId);
    expect(await listStreamingSessionBackups({ studioId, sessionId: "ss-other" })).toEqual([]);
  });

  it("gets a launch profile's details with its images and components, and lists the studio's components", async () => {
    const details = await getLaunchProfileDetails({ studioId, launchProfileId });
    expect(details.launchProfile.launchProfileId).toBe(launchProfileId);
    expect(details.streamingImages.map((i) => i.streamingImageId)).toEqual(["al2-workstation"]);
    expect(details.studioComponentSummaries).toHaveLength(1);
    const components = await listStudioComponents({ studioId });
    expect(components.map((c) => c.studioComponentId)).toEqual([details.studioComponentSummaries[0].studioComponentId]);
  });

  it("creates a stream, waits for its URL, and returns the URL as a secret", async () => {
    const stream = await createStreamingSessionStream({ studioId, sessionId, expirationInSeconds: 300 });
    expect(stream.state).toBe("READY");
    expect(await pulumi.isSecret(stream.url)).toBe(true);
    const url = await new Promise<string>((resolve) => stream.url.apply((u) => resolve(u)));
    expect(url).toMatch(/^https:\/\/.+\/str-/);
    const again = await getStreamingSessionStream({ studioId, sessionId, streamId: String(stream.streamId) });
    expect(await pulumi.isSecret(again.url)).toBe(true);
    expect("url" in again && typeof again.url).toBe("object");
  });
});
