// A streaming session's stop-and-keep destroy, through deleteResource against the local endpoint: the
// stop applies only to a session that is READY, so a session whose create failed is deleted instead.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { launchProfileIds } from "../helpers/nimble-studio-fixture";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";

const endpoint = engineEndpoint([nimbleService], {
  stack: "behaviours",
  namePrefix: "b",
});
const { emulator, checked, mutatingCalls } = endpoint;

const launchProfile = () => launchProfileIds(endpoint);

describe("a stop-and-keep destroy of a session that never ran", () => {
  it("deletes it, since there is nothing to keep", async () => {
    const { studioId, launchProfileId } = await launchProfile();
    await emulator().control.failNextCreate("nimble:StreamingSession", "INSUFFICIENT_CAPACITY", "no capacity");
    const inputs = checked("nimble:StreamingSession", {
      studioId,
      launchProfileId,
      deleteBehaviour: "STOP_RETAIN_VOLUME",
    });
    const failed = (await createResource("nimble:StreamingSession", inputs).catch(
      (e: unknown) => e,
    )) as ResourceInitError;
    expect(failed).toBeInstanceOf(ResourceInitError);
    expect(failed.properties.state).toBe("CREATE_FAILED");
    await emulator().control.resetCalls();
    await deleteResource("nimble:StreamingSession", failed.id, failed.properties);
    expect(await mutatingCalls()).toEqual(["DeleteStreamingSession"]);
  });
});
