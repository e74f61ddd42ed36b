// A destroy refused while dependents exist, through deleteResource against the local endpoint: a
// studio with a launch profile is not deleted, and the message names each profile (name, id, state)
// in the schema's words, after one listing when none is being deleted; one whose profiles are all
// deleted is deleted, also when the last one's deletion is still under way when the destroy starts.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { studioWithProfiles as studioWithProfilesIn } from "../helpers/nimble-studio-fixture";
import { nimbleService } from "../../emulator/services/nimble";
import { runtimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { deleteResource } from "../../provider/engine/delete";

const endpoint = engineEndpoint([nimbleService], { stack: "dependents", namePrefix: "dep" });
const { emulator } = endpoint;

const studioWithProfiles = (count: number) => studioWithProfilesIn(endpoint, count);

describe("a destroy of a studio with launch profiles", () => {
  it("is refused before DeleteStudio, naming each profile by name, id and state", async () => {
    const { studio, profiles } = await studioWithProfiles(2);
    await emulator().control.resetCalls();
    const named = profiles.map((p) => `${String(p.outs.name)} (${p.id.split("/").pop()}, READY)`).join(", ");
    await expect(deleteResource("nimble:Studio", studio.id, studio.outs)).rejects.toThrow(
      `nimble:Studio ${String(studio.outs.__urn).split("::").pop()} (${studio.id}) still has launch profiles, so it cannot be deleted (the service would leave it DELETE_FAILED with STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED): ${named}. Delete them first, then run the destroy again.`,
    );
    expect((await emulator().control.calls()).counts["nimble:DeleteStudio"]).toBeUndefined();
  });

  it("goes ahead once its profiles are deleted, and lists only this studio's profiles", async () => {
    // Another studio's live profile is not this studio's dependent.
    await studioWithProfiles(1);
    const { studio, profiles } = await studioWithProfiles(1);
    await deleteResource("nimble:LaunchProfile", profiles[0].id, profiles[0].outs);
    await deleteResource("nimble:Studio", studio.id, studio.outs);
    expect((await emulator().control.resource("nimble:Studio", studio.id))?.attributes.state ?? "DELETED").toBe(
      "DELETED",
    );
    expect(await emulator().control.inputs("ListLaunchProfiles")).toContainEqual({ studioId: studio.id });
  });
});

describe("a destroy of a studio whose launch profile is being deleted", () => {
  it("waits for that deletion to end, then deletes the studio", async () => {
    const { studio, profiles } = await studioWithProfiles(1);
    const profileId = String(profiles[0].outs.launchProfileId);
    await emulator().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    const destroy = deleteResource("nimble:Studio", studio.id, studio.outs);
    await emulator().control.waitFor(
      async () => (await emulator().control.calls()).counts["nimble:ListLaunchProfiles"] ?? 0,
      (n) => n >= 2,
    );
    expect((await emulator().control.calls()).counts["nimble:DeleteStudio"]).toBeUndefined();
    await emulator().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETED" });
    await destroy;
    expect((await emulator().control.calls()).counts["nimble:DeleteStudio"]).toBe(1);
  });
});

describe("a listing of the dependents refused while waiting", () => {
  it("fails the destroy with the service's error", async () => {
    const { studio, profiles } = await studioWithProfiles(1);
    const profileId = String(profiles[0].outs.launchProfileId);
    await emulator().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    const config = runtimeConfig();
    try {
      const destroy = deleteResource("nimble:Studio", studio.id, studio.outs).catch((e: unknown) => e);
      await emulator().control.waitFor(
        async () => (await emulator().control.calls()).counts["nimble:ListLaunchProfiles"] ?? 0,
        (n) => n >= 2,
      );
      setRuntimeConfig({ ...config, maxAttempts: 1 });
      await emulator().control.setFaults({ serverErrorPercent: 100 });
      expect(((await destroy) as Error).message).toMatch(/^ListLaunchProfiles failed: InternalServerErrorException/);
    } finally {
      setRuntimeConfig(config);
      await emulator().control.clearFaults();
    }
  });
});

describe("a destroy refused for a launch profile that is not being deleted", () => {
  it("lists the profiles once", async () => {
    const { studio } = await studioWithProfiles(1);
    await emulator().control.resetCalls();
    await expect(deleteResource("nimble:Studio", studio.id, studio.outs)).rejects.toThrow(/still has launch profiles/);
    expect((await emulator().control.calls()).counts["nimble:ListLaunchProfiles"]).toBe(1);
  });
});
