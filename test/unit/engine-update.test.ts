// What an update sends, through updateResource against the local endpoint: the changed properties
// with the update's client token, the tag difference, nothing at all when nothing changed, a fleet
// parked STOPPED for what only a stopped fleet takes and started again, a dropped property put back
// to the service's default, and the errors a user reads when the resource is gone or reports errors.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource } from "../../provider/engine/create";
import { updateResource } from "../../provider/engine/update";

const { emulator, checked, mutatingCalls } = engineEndpoint([appstreamService, nimbleService, thinClientService], {
  stack: "update",
  namePrefix: "u",
});

const studio = () =>
  checked("nimble:Studio", {
    displayName: "Main",
    adminRoleArn: "arn:aws:iam::123456789012:role/a",
    userRoleArn: "arn:aws:iam::123456789012:role/u",
    tags: { team: "euc", owner: "alice" },
  });

describe("an update", () => {
  it("sends the schema's update call with the changed properties only, then the tag difference", async () => {
    const inputs = studio();
    const { id, outs } = await createResource("nimble:Studio", inputs);
    await emulator().control.resetCalls();
    const news = { ...inputs, displayName: "Renamed", tags: { team: "vfx", site: "hq" } };
    const { outs: updated } = await updateResource("nimble:Studio", id, outs, news);
    const [update] = await emulator().control.inputs("UpdateStudio");
    // UpdateStudio takes its three members together (the schema's update inputs); the model marks the display name sensitive.
    expect(update).toEqual({
      studioId: id,
      displayName: await emulator().control.redacted("Renamed"),
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
      clientToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await emulator().control.inputs("TagResource")).toEqual([
      { resourceArn: outs.arn, tags: { team: "vfx", site: "hq" } },
    ]);
    expect(await emulator().control.inputs("UntagResource")).toEqual([{ resourceArn: outs.arn, tagKeys: ["owner"] }]);
    expect(await mutatingCalls()).toEqual(["UpdateStudio", "UntagResource", "TagResource"]);
    expect(updated).toMatchObject({ displayName: "Renamed", state: "READY", __clientToken: outs.__clientToken });
  });

  it("sends nothing when nothing changed, and only the tags when only they changed", async () => {
    const inputs = studio();
    const { id, outs } = await createResource("nimble:Studio", inputs);
    await emulator().control.resetCalls();
    await updateResource("nimble:Studio", id, outs, { ...inputs });
    expect(await mutatingCalls()).toEqual([]);
    await updateResource("nimble:Studio", id, outs, { ...inputs, tags: { team: "euc" } });
    expect(await mutatingCalls()).toEqual(["UntagResource"]);
  });

  it("puts a dropped property back to the service's default by sending the default", async () => {
    const base = {
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
      softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
    };
    const inputs = checked("thinclient:Environment", base);
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    await emulator().control.resetCalls();
    const { softwareSetUpdateSchedule: _dropped, ...news } = inputs;
    const { outs: updated } = await updateResource("thinclient:Environment", id, outs, news);
    expect(await emulator().control.inputs("UpdateEnvironment")).toEqual([
      { id, softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW" },
    ]);
    expect(updated.softwareSetUpdateSchedule).toBe("USE_MAINTENANCE_WINDOW");
  });

  it("of a resource deleted meanwhile says to refresh", async () => {
    const inputs = studio();
    const { id, outs } = await createResource("nimble:Studio", inputs);
    await emulator().control.deleteResource("nimble:Studio", id);
    await expect(updateResource("nimble:Studio", id, outs, { ...inputs, displayName: "Late" })).rejects.toThrow(
      `nimble:Studio ${String(inputs.__urn).split("::").pop()} (${id}) no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again`,
    );
  });
});

describe("an update of what only a stopped fleet takes", () => {
  const fleet = (extra: Record<string, unknown>) =>
    checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      ...extra,
    });

  it("stops the RUNNING fleet, updates it, and starts it again when the program does not set its state", async () => {
    const inputs = fleet({ state: "RUNNING" });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    expect(outs.currentState).toBe("RUNNING");
    await emulator().control.resetCalls();
    const { state: _unmanaged, ...news } = inputs;
    const { outs: updated } = await updateResource("appstream:Fleet", id, outs, {
      ...news,
      instanceType: "stream.standard.large",
    });
    expect(await mutatingCalls()).toEqual(["StopFleet", "UpdateFleet", "StartFleet"]);
    expect(await emulator().control.inputs("UpdateFleet")).toEqual([
      { Name: id, InstanceType: "stream.standard.large" },
    ]);
    expect(updated).toMatchObject({ currentState: "RUNNING", instanceType: "stream.standard.large" });
  });

  it("leaves it STOPPED when the program asks for STOPPED", async () => {
    const inputs = fleet({ state: "RUNNING" });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.resetCalls();
    const { outs: updated } = await updateResource("appstream:Fleet", id, outs, {
      ...inputs,
      state: "STOPPED",
      instanceType: "stream.standard.large",
    });
    expect(await mutatingCalls()).toEqual(["StopFleet", "UpdateFleet"]);
    expect(updated).toMatchObject({ state: "STOPPED", currentState: "STOPPED" });
  });
});
