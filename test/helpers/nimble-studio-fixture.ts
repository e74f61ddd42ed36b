// A studio and launch profiles in it, created through the engine against a test file's local endpoint
// (engineEndpoint): the fixture of the engine tests that need launch profiles. The profiles' stream
// configuration is the least a profile takes, so their sessions cannot be stopped, unless `stream`
// adds to it (session persistence and a volume, for sessions that stop and keep it).
import { createResource } from "../../provider/engine/create";
import type { EngineEndpoint } from "./engine-endpoint";

export async function studioWithProfiles(
  { emulator, checked, unique }: Pick<EngineEndpoint, "emulator" | "checked" | "unique">,
  count: number,
  stream: Record<string, unknown> = {},
) {
  const studio = await createResource(
    "nimble:Studio",
    checked("nimble:Studio", {
      displayName: "S",
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
    }),
  );
  const component = (await emulator().control.resources("nimble:StudioComponent")).find(
    (c) => c.parentId === studio.id,
  )!;
  const profiles = [];
  for (let i = 0; i < count; i++) {
    profiles.push(
      await createResource(
        "nimble:LaunchProfile",
        checked("nimble:LaunchProfile", {
          studioId: studio.id,
          name: `profile-${unique()}`,
          ec2SubnetIds: ["subnet-0123456789abcdef0"],
          studioComponentIds: [component.id],
          streamConfiguration: {
            clipboardMode: "ENABLED",
            ec2InstanceTypes: ["g4dn.xlarge"],
            streamingImageIds: ["al2-workstation"],
            ...stream,
          },
        }),
      ),
    );
  }
  return { studio, profiles };
}

/** One launch profile in a new studio: the ids a streaming session names. */
export async function launchProfileIds(
  endpoint: Pick<EngineEndpoint, "emulator" | "checked" | "unique">,
  stream: Record<string, unknown> = {},
) {
  const { studio, profiles } = await studioWithProfiles(endpoint, 1, stream);
  return { studioId: studio.id, launchProfileId: String(profiles[0].outs.launchProfileId) };
}
