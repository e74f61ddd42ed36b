// Builders for the Nimble conformance tests: each returns a resource already READY.
import {
  CreateLaunchProfileCommand,
  CreateStreamingSessionCommand,
  CreateStudioCommand,
  GetLaunchProfileCommand,
  GetStreamingSessionCommand,
  GetStudioCommand,
  ListStreamingImagesCommand,
  ListStudioComponentsCommand,
  type CreateLaunchProfileCommandInput,
  type StreamConfigurationCreate,
} from "@aws-sdk/client-nimble";
import { expect } from "vitest";
import type { Harness } from "./fixture";

let studios = 0;

export async function readyStudio(h: Harness): Promise<string> {
  studios += 1;
  const out = await h.clients.nimble.send(
    new CreateStudioCommand({
      adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
      userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
      displayName: `Studio ${studios}`,
      studioName: `studio${studios}x${Date.now() % 100000}`,
    }),
  );
  const studioId = out.studio!.studioId!;
  h.advance();
  expect((await h.clients.nimble.send(new GetStudioCommand({ studioId }))).studio?.state).toBe("READY");
  return studioId;
}

export async function catalog(h: Harness, studioId: string): Promise<{ imageId: string; componentId: string }> {
  const images = await h.clients.nimble.send(new ListStreamingImagesCommand({ studioId }));
  const components = await h.clients.nimble.send(new ListStudioComponentsCommand({ studioId }));
  return {
    imageId: images.streamingImages![0].streamingImageId!,
    componentId: components.studioComponents![0].studioComponentId!,
  };
}

export function streamConfig(
  imageId: string,
  extra: Partial<StreamConfigurationCreate> = {},
): StreamConfigurationCreate {
  return {
    clipboardMode: "ENABLED",
    ec2InstanceTypes: ["g4dn.xlarge", "g4dn.2xlarge"],
    streamingImageIds: [imageId],
    ...extra,
  };
}

/** Persistent sessions that may be stopped for up to a day and are backed up on stop. */
export function stoppableConfig(
  imageId: string,
  extra: Partial<StreamConfigurationCreate> = {},
): StreamConfigurationCreate {
  return streamConfig(imageId, {
    sessionPersistenceMode: "ACTIVATED",
    automaticTerminationMode: "ACTIVATED",
    maxStoppedSessionLengthInMinutes: 1440,
    volumeConfiguration: { size: 300 },
    sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 2 },
    ...extra,
  });
}

export function profileInput(
  studioId: string,
  componentId: string,
  config: StreamConfigurationCreate,
): CreateLaunchProfileCommandInput {
  return {
    studioId,
    name: "artists",
    description: "Workstations for artists",
    ec2SubnetIds: ["subnet-0123456789abcdef0"],
    launchProfileProtocolVersions: ["2021-03-31"],
    studioComponentIds: [componentId],
    streamConfiguration: config,
  };
}

export async function readyProfile(
  h: Harness,
  studioId: string,
  config?: (imageId: string) => StreamConfigurationCreate,
): Promise<string> {
  const { imageId, componentId } = await catalog(h, studioId);
  const out = await h.clients.nimble.send(
    new CreateLaunchProfileCommand(profileInput(studioId, componentId, (config ?? streamConfig)(imageId))),
  );
  const launchProfileId = out.launchProfile!.launchProfileId!;
  h.advance();
  expect(
    (await h.clients.nimble.send(new GetLaunchProfileCommand({ studioId, launchProfileId }))).launchProfile?.state,
  ).toBe("READY");
  return launchProfileId;
}

export async function readySession(h: Harness, studioId: string, launchProfileId: string): Promise<string> {
  const out = await h.clients.nimble.send(
    new CreateStreamingSessionCommand({ studioId, launchProfileId, ownedBy: "artist-1" }),
  );
  const sessionId = out.session!.sessionId!;
  h.advance();
  expect((await h.clients.nimble.send(new GetStreamingSessionCommand({ studioId, sessionId }))).session?.state).toBe(
    "READY",
  );
  return sessionId;
}
