// More of what the nimble:StreamingSession and nimble:Studio hooks do that a user notices, through the
// provider's entry points against the local endpoint: a stop already asked for is not judged again,
// each stopping deleteBehaviour is named, and a studio whose SSO configuration is broken is repaired
// only when the program asks for it.
import { describe, expect, it } from "vitest";
import { nimbleService } from "../../emulator/services/nimble";
import { checked, create, failuresOf, providerEndpoint, read, update } from "../helpers/provider-calls";

type Props = Record<string, unknown>;

const endpoint = providerEndpoint([nimbleService]);

const calls = async (operation: string) => (await endpoint().control.calls()).counts[`nimble:${operation}`] ?? 0;

async function newStudio(extra: Props = {}) {
  const inputs = await checked("nimble:Studio", {
    displayName: "Stop and repair",
    adminRoleArn: "arn:aws:iam::123456789012:role/admin",
    userRoleArn: "arn:aws:iam::123456789012:role/user",
    ...extra,
  });
  return { inputs, ...(await create(inputs)) };
}

/** A running session of a fresh launch profile whose sessions cannot be stopped (no persistence). */
async function unstoppableSession() {
  const studio = await newStudio();
  const component = (await endpoint().control.resources("nimble:StudioComponent")).find(
    (c) => c.parentId === studio.id,
  );
  const profile = await create(
    await checked("nimble:LaunchProfile", {
      studioId: studio.id,
      ec2SubnetIds: ["subnet-0123456789abcdef0"],
      studioComponentIds: [component!.id],
      streamConfiguration: {
        clipboardMode: "ENABLED",
        ec2InstanceTypes: ["g4dn.xlarge"],
        streamingImageIds: ["al2-workstation"],
      },
    }),
  );
  const launchProfileId = String(profile.outs.launchProfileId);
  const inputs = await checked("nimble:StreamingSession", { studioId: studio.id, launchProfileId });
  return { launchProfileId, inputs, ...(await create(inputs)) };
}

describe("nimble:StreamingSession stops judged at preview", () => {
  it("names every stop asked for at once: the desired state and a stopping deleteBehaviour", async () => {
    const session = await unstoppableSession();
    const failures = await failuresOf(
      { ...session.inputs, desiredState: "STOPPED", deleteBehaviour: "STOP_RETAIN_VOLUME" },
      session.inputs,
    );
    expect(failures.map((f) => [f.property, f.reason.replace(/ stops the session.*/, "")])).toEqual([
      ["desiredState", "desiredState STOPPED"],
      ["deleteBehaviour", "deleteBehaviour STOP_RETAIN_VOLUME"],
    ]);
    expect(failures[0].reason).toContain(`its launch profile `);
    expect(failures[0].reason).toContain(`(${session.launchProfileId}) does not allow stopped sessions`);
  });

  it("does not judge again, or read the profile for, a stop an earlier update already asked for", async () => {
    const session = await unstoppableSession();
    const asked = { ...session.inputs, deleteBehaviour: "STOP_DELETE_VOLUME" };
    await endpoint().control.resetCalls();
    expect(await failuresOf({ ...asked, tags: { shot: "010" } }, asked)).toEqual([]);
    expect(await calls("GetLaunchProfile")).toBe(0);
  });

  it("lets through a deleteBehaviour that does not stop the session, without reading the profile", async () => {
    const session = await unstoppableSession();
    await endpoint().control.resetCalls();
    expect(await failuresOf({ ...session.inputs, deleteBehaviour: "TERMINATE" }, session.inputs)).toEqual([]);
    expect(await calls("GetLaunchProfile")).toBe(0);
  });
});

describe("nimble:Studio SSO repair only when asked", () => {
  const broken = { statusCode: "AWS_SSO_NOT_ENABLED" };

  it("leaves a broken studio as it is on an update that does not ask for the repair", async () => {
    const studio = await newStudio();
    await endpoint().control.mutate("nimble:Studio", studio.id, broken);
    await endpoint().control.resetCalls();
    const updated = await update(studio.id, studio.outs, { ...studio.inputs, displayName: "Renamed" });
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(0);
    expect(updated.outs.displayName).toBe("Renamed");
    expect(updated.outs.statusCode).not.toBe("AWS_SSO_CONFIGURATION_REPAIRED");
  });

  it("shows no pending repair on refresh of a broken studio that does not ask for it", async () => {
    const studio = await newStudio();
    await endpoint().control.mutate("nimble:Studio", studio.id, broken);
    const refreshed = await read(studio.id, studio.outs);
    expect(refreshed.inputs?.repairSsoConfiguration).toBeUndefined();
  });

  it("shows no pending repair on refresh of a healthy studio that asks for it", async () => {
    const studio = await newStudio({ repairSsoConfiguration: true });
    const refreshed = await read(studio.id, studio.outs);
    expect(refreshed.inputs?.repairSsoConfiguration).toBe(true);
    expect(await calls("StartStudioSSOConfigurationRepair")).toBe(0);
  });

  it("repairs right after the create a studio created with a broken SSO configuration, when asked to", async () => {
    await endpoint().control.failNextCreate(
      "nimble:Studio",
      "AWS_SSO_NOT_ENABLED",
      "IAM Identity Center is not enabled",
    );
    const studio = await newStudio({ repairSsoConfiguration: true });
    expect(studio.outs).toMatchObject({ state: "READY", statusCode: "AWS_SSO_CONFIGURATION_REPAIRED" });
    expect(await endpoint().control.inputs("StartStudioSSOConfigurationRepair")).toEqual([
      { studioId: studio.id, clientToken: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });
});
