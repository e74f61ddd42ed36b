// What reaches the Pulumi engine's log on a resource's line in `pulumi up`: the provider process
// sends the Log calls itself, to the engine address it was started with. A small gRPC server stands
// in for the engine and records each LogRequest as it arrives.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { fakePulumiEngine } from "../helpers/fake-pulumi-engine";

const { INFO, WARNING } = LogSeverity;
const engine = fakePulumiEngine();
const { logged } = engine;

const environment = process.env.PULUMI_AWS_EUC_ENGINE;
const argv = process.argv;
beforeEach(() => {
  logged.length = 0;
  delete process.env.PULUMI_AWS_EUC_ENGINE;
});
afterEach(() => {
  process.argv = argv;
  if (environment === undefined) delete process.env.PULUMI_AWS_EUC_ENGINE;
  else process.env.PULUMI_AWS_EUC_ENGINE = environment;
});

type Progress = typeof import("../../provider/engine/progress");
let loads = 0;
/**
 * The progress module as a fresh provider process loads it: it finds the engine on first use. Only
 * that module is loaded again (a query makes it a new module), not the engine that imports it: the
 * engine's module-level values stay those every other test file loaded outside any test.
 */
async function freshProgress(): Promise<Progress> {
  const specifier = `../../provider/engine/progress.ts?load=${++loads}`;
  return (await import(/* @vite-ignore */ specifier)) as Progress;
}

/** The waiter of an engine loaded afresh, before the tests, so its progress module is still unused. */
let waitFor: typeof import("../../provider/engine/waiter").waitFor;
beforeAll(async () => {
  vi.resetModules();
  ({ waitFor } = await import("../../provider/engine/waiter"));
});

const urn = "urn:pulumi:dev::studio::pulumi-nodejs:dynamic/appstream:Fleet::render";

/** A studio's create wait whose reads answer `states` in turn, on a simulated clock. */
function studioWait(states: Array<string | undefined>) {
  let now = 0;
  let reads = 0;
  return waitFor({
    subject: "nimble:Studio main",
    urn,
    pending: ["CREATE_IN_PROGRESS"],
    target: ["READY"],
    failed: [],
    timeoutMs: 60_000,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    observe: async () => ({ gone: false, errors: [], outputs: {}, state: states[reads++] }),
  });
}

describe("progress messages to the engine", () => {
  it("sends a warning and an ephemeral status on the resource's line, each once the engine has it", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    const { report } = await freshProgress();
    await report(urn, "the fleet kept its FleetErrors", { severity: "warning" });
    expect(logged).toEqual([{ severity: WARNING, message: "the fleet kept its FleetErrors", urn, ephemeral: false }]);
    await report(urn, "waiting for RUNNING: STARTING for 3.0s", { ephemeral: true });
    expect(logged[1]).toEqual({
      severity: INFO,
      message: "waiting for RUNNING: STARTING for 3.0s",
      urn,
      ephemeral: true,
    });
  });

  it("sends an info message without a resource when there is no URN", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    const { report } = await freshProgress();
    await report(undefined, "configured the endpoint");
    expect(logged).toEqual([{ severity: INFO, message: "configured the endpoint", urn: "", ephemeral: false }]);
  });

  it("finds the engine in the arguments Pulumi's dynamic provider host was started with", async () => {
    process.argv = [argv[0], "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", engine.address()];
    const { report } = await freshProgress();
    await report(urn, "deleting the fleet's stack associations");
    expect(logged.map((l) => l.message)).toEqual(["deleting the fleet's stack associations"]);
  });

  it("keeps sending to the engine it found first, whatever the environment says later", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    const { report } = await freshProgress();
    await report(urn, "creating the fleet");
    delete process.env.PULUMI_AWS_EUC_ENGINE;
    await report(urn, "the fleet is RUNNING");
    expect(logged.map((l) => l.message)).toEqual(["creating the fleet", "the fleet is RUNNING"]);
  });

  it("sends nothing from any other process, whatever its arguments", async () => {
    process.argv = [argv[0], "/app/bench/run.js", engine.address()];
    const { report } = await freshProgress();
    await report(urn, "not for the engine");
    // report() resolves only once the engine answered a message it sent: nothing was sent.
    expect(logged).toEqual([]);
  });

  it("sends nothing from a process started without a script (node -e)", async () => {
    process.argv = [argv[0]];
    const { report } = await freshProgress();
    await report(urn, "not for the engine");
    expect(logged).toEqual([]);
  });

  it("shows a wait's status while it polls and clears it when the wait ends", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    await studioWait(["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "READY"]);
    // The status lines are sent without waiting for the engine; the clearing one is awaited.
    for (let i = 0; i < 500 && logged.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logged).toHaveLength(3);
    const [cleared, ...statuses] = logged.map((l) => l.message).sort();
    expect(cleared).toBe("");
    expect(statuses).toEqual([
      expect.stringMatching(/^waiting for READY: CREATE_IN_PROGRESS for \d+\.\ds$/),
      expect.stringMatching(/^waiting for READY: CREATE_IN_PROGRESS for \d+\.\ds$/),
    ]);
    expect(logged.every((l) => l.ephemeral && l.severity === INFO && l.urn === urn)).toBe(true);
  });

  it("shows no status, and clears none, for a wait whose first look finds the resource ready", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    await studioWait(["READY"]);
    // A clearing status would have been awaited until the engine had it, so none arrives later.
    expect(logged).toEqual([]);
  });

  it("says so while the resource shows no state yet", async () => {
    process.env.PULUMI_AWS_EUC_ENGINE = engine.address();
    await studioWait([undefined, undefined, "READY"]);
    for (let i = 0; i < 500 && logged.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logged.map((l) => l.message).sort()).toEqual([
      "",
      expect.stringMatching(/^waiting for READY: no state yet for \d+\.\ds$/),
    ]);
  });
});
