// What a destroy shows on the resource's line in `pulumi up` when the service answers a stop-and-keep
// destroy's resource without its state (read once so): the warning says so in words (the behaviour it cannot apply,
// and that it deletes the resource instead), and the resource is deleted. The engine runs here as in a
// provider process started by Pulumi: its modules loaded afresh with the engine's address set, so its
// progress messages reach a small gRPC server standing in for the engine.
import { afterAll, describe, expect, it, vi } from "vitest";
import { LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { fakePulumiEngine } from "../helpers/fake-pulumi-engine";
import { launchProfileIds } from "../helpers/nimble-studio-fixture";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource } from "../../provider/engine/create";

const endpoint = engineEndpoint([nimbleService], { stack: "delete-unknown-state", namePrefix: "u" });
const { emulator, checked, mutatingCalls } = endpoint;

const engine = fakePulumiEngine();
/** The messages on the resource's line (not the status lines), as the engine got them. */
const logged = () =>
  engine.logged.filter((l) => !l.ephemeral).map(({ severity, message, urn }) => ({ severity, message, urn }));
const environment = process.env.PULUMI_AWS_EUC_ENGINE;
afterAll(() => {
  if (environment === undefined) delete process.env.PULUMI_AWS_EUC_ENGINE;
  else process.env.PULUMI_AWS_EUC_ENGINE = environment;
});

/** The engine's delete as a provider process started by Pulumi loads it, pointed at the local endpoint. */
async function providerDelete(): Promise<typeof import("../../provider/engine/delete").deleteResource> {
  process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
  vi.resetModules();
  const { setRuntimeConfig } = await import("../../provider/engine/config");
  setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2" });
  (await import("../../provider/wiring")).wireHooks();
  return (await import("../../provider/engine/delete")).deleteResource;
}

describe("a stop-and-keep destroy of a session the service answers without its state", () => {
  it("warns that the stop cannot apply to a resource in an unknown state, and deletes it", async () => {
    const ids = await launchProfileIds(endpoint);
    const inputs = checked("nimble:StreamingSession", { ...ids, deleteBehaviour: "STOP_RETAIN_VOLUME" });
    const { id, outs } = await createResource("nimble:StreamingSession", inputs);
    const sessionId = String(outs.sessionId);
    await emulator().control.mutate("nimble:StreamingSession", sessionId, { state: null });
    await emulator().control.resetCalls();
    engine.logged.length = 0;
    const deleteResource = await providerDelete();
    // The delete waits at the endpoint while the session gets its state back: the local endpoint
    // deletes only a session whose state it knows.
    await emulator().control.holdOperation("DeleteStreamingSession", 1, "before");
    const destroy = deleteResource("nimble:StreamingSession", id, outs);
    await emulator().control.waitFor(
      () => emulator().control.blocked(),
      (b) => b.blocked,
    );
    await emulator().control.mutate("nimble:StreamingSession", sessionId, { state: "READY" });
    await emulator().control.unblock();
    await destroy;
    expect(await mutatingCalls()).toEqual(["DeleteStreamingSession"]);
    expect(logged()).toEqual([
      {
        severity: LogSeverity.WARNING,
        message: "the resource is in an unknown state, so deleteBehaviour STOP_RETAIN_VOLUME cannot apply: deleting it",
        urn: inputs.__urn,
      },
    ]);
  });
});
