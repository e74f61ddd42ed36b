// An update that moves the resource to the state the program asks for, against the local endpoint:
// the state call is made from the program as it is now (an engine input it dropped is not taken from
// the stack's old state), and the update is judged by the resource as that move left it (errors it
// reported before the move and no longer has do not fail it).
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { launchProfileIds } from "../helpers/nimble-studio-fixture";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource } from "../../provider/engine/create";
import { updateResource } from "../../provider/engine/update";

const endpoint = engineEndpoint([appstreamService, nimbleService], { stack: "update-desired-state", namePrefix: "d" });
const { emulator, checked, mutatingCalls } = endpoint;

/** A launch profile whose sessions can be stopped and keep a volume, in a new studio. */
const stoppableProfile = () =>
  launchProfileIds(endpoint, { sessionPersistenceMode: "ACTIVATED", volumeConfiguration: { size: 600 } });

describe("a stop asked for by an update that also drops the stop's engine input", () => {
  it("is sent without it, so the service's default applies: the session's volume is kept", async () => {
    const ids = await stoppableProfile();
    const inputs = checked("nimble:StreamingSession", { ...ids, volumeRetentionMode: "DELETE" });
    const { id, outs } = await createResource("nimble:StreamingSession", inputs);
    const sessionId = String(outs.sessionId);
    await emulator().control.resetCalls();
    const { volumeRetentionMode: _dropped, ...news } = inputs;
    const { outs: stopped } = await updateResource("nimble:StreamingSession", id, outs, {
      ...news,
      desiredState: "STOPPED",
    });
    expect(await mutatingCalls()).toEqual(["StopStreamingSession"]);
    expect(await emulator().control.inputs("StopStreamingSession")).toEqual([
      { studioId: ids.studioId, sessionId, clientToken: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(stopped).toMatchObject({ state: "STOPPED", desiredState: "STOPPED" });
    expect(stopped.volumeRetentionMode).toBeUndefined();
    expect((await emulator().control.resource("nimble:StreamingSession", sessionId))?.attributes).toMatchObject({
      volumeRetentionMode: "RETAIN",
    });
    expect(await emulator().control.resource("nimble:StreamingSessionVolume", sessionId)).toBeDefined();
  });
});

describe("an update that starts a fleet which reported errors when the update began", () => {
  it("succeeds once the start reaches RUNNING without them", async () => {
    const inputs = checked(
      "appstream:Fleet",
      {
        instanceType: "stream.standard.medium",
        imageName: "AppStream-WinServer2019-06-12-2024",
        computeCapacity: { desiredInstances: 1 },
        state: "STOPPED",
      },
      "recovering",
    );
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.fleetErrors(id, [
      { ErrorCode: "IAM_SERVICE_ROLE_IS_MISSING", ErrorMessage: "The service role is missing" },
    ]);
    await emulator().control.resetCalls();
    // The start waits at the endpoint while the cause of the errors is fixed (the role put back).
    await emulator().control.holdOperation("StartFleet", 1, "before");
    const update = updateResource("appstream:Fleet", id, outs, { ...inputs, state: "RUNNING" });
    await emulator().control.waitFor(
      () => emulator().control.blocked(),
      (b) => b.blocked,
    );
    await emulator().control.fleetErrors(id, []);
    await emulator().control.unblock();
    const { outs: started } = await update;
    expect(await mutatingCalls()).toEqual(["StartFleet"]);
    expect(started).toMatchObject({ state: "RUNNING", currentState: "RUNNING" });
    expect(started.fleetErrors ?? []).toEqual([]);
  });
});
