// What a destroy shows on the resource's line in `pulumi up`: a stop-and-keep destroy of a streaming
// session whose create failed, or that the service answers without its state, warns, naming the state
// and the behaviour, and deletes it; a studio's destroy that waits for its launch profile's deletion
// says what it waits for. The engine runs here as in a provider process started by Pulumi: its modules
// loaded afresh with the engine's address set, so its progress messages reach a small gRPC server
// standing in for the engine.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { fakePulumiEngine } from "../helpers/fake-pulumi-engine";
import { launchProfileIds, studioWithProfiles } from "../helpers/nimble-studio-fixture";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource, ResourceInitError } from "../../provider/engine/create";

const endpoint = engineEndpoint([nimbleService], { stack: "delete-warnings", namePrefix: "w" });
const { emulator, checked, mutatingCalls } = endpoint;

const engine = fakePulumiEngine();
/** The messages on the resource's line, and the status lines (ephemeral ones), as the engine got them. */
const logged = () =>
  engine.logged.filter((l) => !l.ephemeral).map(({ severity, message, urn }) => ({ severity, message, urn }));
const statuses = () => engine.logged.filter((l) => l.ephemeral).map((l) => l.message);
const environment = process.env.PULUMI_AWS_EUC_ENGINE;
afterAll(() => {
  if (environment === undefined) delete process.env.PULUMI_AWS_EUC_ENGINE;
  else process.env.PULUMI_AWS_EUC_ENGINE = environment;
});

/**
 * The engine's delete as a provider process started by Pulumi loads it, pointed at the local endpoint:
 * loaded before the tests, as the provider loads it before its first call.
 */
let deleteResource: typeof import("../../provider/engine/delete").deleteResource;
beforeAll(async () => {
  process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
  vi.resetModules();
  const { setRuntimeConfig } = await import("../../provider/engine/config");
  setRuntimeConfig({ endpoint: emulator().url, region: "us-west-2" });
  (await import("../../provider/wiring")).wireHooks();
  ({ deleteResource } = await import("../../provider/engine/delete"));
});

describe("a stop-and-keep destroy of a session whose create failed", () => {
  it("warns that the stop cannot apply to its state, and deletes it", async () => {
    const { studioId, launchProfileId } = await launchProfileIds(endpoint);
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
    await emulator().control.resetCalls();
    await deleteResource("nimble:StreamingSession", failed.id, failed.properties);
    expect(await mutatingCalls()).toEqual(["DeleteStreamingSession"]);
    expect(logged()).toEqual([
      {
        severity: LogSeverity.WARNING,
        message: "the resource is CREATE_FAILED, so deleteBehaviour STOP_RETAIN_VOLUME cannot apply: deleting it",
        urn: inputs.__urn,
      },
    ]);
  });
});

describe("a destroy of a studio whose launch profile is being deleted", () => {
  it("says on its line that it waits for the dependents to settle", async () => {
    const { studio, profiles } = await studioWithProfiles(endpoint, 1);
    const profileId = String(profiles[0].outs.launchProfileId);
    await emulator().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    engine.logged.length = 0;
    const destroy = deleteResource("nimble:Studio", studio.id, studio.outs);
    await emulator().control.waitFor(
      async () => statuses().length,
      (n) => n >= 1,
    );
    await emulator().control.mutate("nimble:LaunchProfile", profileId, { state: "DELETED" });
    await destroy;
    expect(statuses()[0]).toMatch(/^waiting for dependents settled: dependents being deleted for \d+\.\ds$/);
    expect(await mutatingCalls()).toEqual(["DeleteStudio"]);
  });
});

describe("a stop-and-keep destroy of a session the service answers without its state", () => {
  it("warns that the stop cannot apply to a resource in an unknown state, and deletes it", async () => {
    const ids = await launchProfileIds(endpoint);
    const inputs = checked("nimble:StreamingSession", { ...ids, deleteBehaviour: "STOP_RETAIN_VOLUME" });
    const { id, outs } = await createResource("nimble:StreamingSession", inputs);
    const sessionId = String(outs.sessionId);
    await emulator().control.mutate("nimble:StreamingSession", sessionId, { state: null });
    await emulator().control.resetCalls();
    engine.logged.length = 0;
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
