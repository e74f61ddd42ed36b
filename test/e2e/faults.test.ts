// A bad day at the service: the full example under throttling, server errors and latency ends in
// the same world as a clean run, and nothing is created twice.
import { afterAll, beforeAll, describe, it, type TestContext } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { FaultSettings } from "../../emulator/control-client";
import type { ResourceRecord } from "../../emulator/core/types";
import { programStack } from "../helpers/pulumi-stack";

const managedKinds = [
  "nimble:Studio",
  "nimble:LaunchProfile",
  "nimble:StreamingSession",
  "appstream:Stack",
  "appstream:Fleet",
  "appstream:ImageBuilder",
  "thinclient:Environment",
];

/**
 * A resource's name as a second run can repeat it. A launch profile's generated name derives from
 * its inputs, which hold its studio's id; the endpoint numbers ids in the order creates arrive, and
 * parallel creates arrive in another order when calls are throttled or fail, so its suffix is dropped.
 */
function nameOf(r: ResourceRecord): string {
  const named = r.attributes.Name ?? r.attributes.name ?? r.attributes.studioName ?? r.attributes.ownedBy;
  const name = typeof named === "string" ? named : "";
  return r.kind === "nimble:LaunchProfile" ? name.replace(/-[0-9a-f]{7}$/, "") : name;
}

/** The world the program leaves behind, without ids and timestamps a second run cannot repeat. */
function shape(records: ResourceRecord[]): string[] {
  const stateOf = (a: Record<string, unknown>) => {
    const state = a.state ?? a.State;
    return typeof state === "string" ? state : "";
  };
  return records
    .filter((r) => managedKinds.includes(r.kind) && !["DELETED", "DELETE_IN_PROGRESS"].includes(stateOf(r.attributes)))
    .map((r) => `${r.kind} ${nameOf(r)} ${stateOf(r.attributes)}`)
    .sort();
}

async function runFullExample(
  faults: Partial<FaultSettings> | undefined,
): Promise<{ world: string[]; creates: Record<string, number>; outcomes: Record<string, number> }> {
  const emulator: RunningEmulator = await startEmulator({ port: 0, transitionMs: 20 });
  const program = await programStack("examples/full", { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
  try {
    if (faults) await emulator.control.setFaults({ seed: 42, ...faults });
    await program.stack.up();
    await emulator.control.clearFaults();
    const calls = await emulator.control.calls();
    const creates: Record<string, number> = {};
    for (const entry of calls.log) {
      if (
        entry.outcome === "ok" &&
        /^Create(Studio|LaunchProfile|StreamingSession|Stack|Fleet|ImageBuilder|Environment)$/.test(entry.operation)
      ) {
        creates[entry.operation] = (creates[entry.operation] ?? 0) + 1;
      }
    }
    const outcomes: Record<string, number> = {};
    for (const entry of calls.log) outcomes[entry.outcome] = (outcomes[entry.outcome] ?? 0) + 1;
    return { world: shape(await emulator.control.resources()), creates, outcomes };
  } finally {
    await program.cleanup();
    await emulator.close();
  }
}

let clean: Awaited<ReturnType<typeof runFullExample>>;
beforeAll(async () => {
  clean = await runFullExample(undefined);
}, 300_000);
afterAll(() => undefined);

describe("the full example on a bad day", () => {
  type BadDay = [name: string, faults: Partial<FaultSettings>, outcome: string];
  const badDays: BadDay[] = [
    ["30% of calls throttled", { throttlePercent: 30 }, "throttled"],
    ["10% of calls answered with 5xx", { serverErrorPercent: 10 }, "server-error"],
    ["2 s of latency on every call", { latencyMs: 2000 }, "ok"],
  ];
  // Each bad day is a world of its own (endpoint, backend, program copy), so they run side by side:
  // the latency one mostly waits, the others mostly retry.
  it.concurrent.for(badDays)(
    "with %s: the same world as a clean run, each resource created once",
    { timeout: 600_000 },
    async ([name, faults, outcome]: BadDay, { expect }: TestContext) => {
      const faulty = await runFullExample(faults);
      // The figures behind the verdict, for whoever reads the run.
      console.log(
        `${name}: calls by outcome ${JSON.stringify(faulty.outcomes)}; accepted creates ${JSON.stringify(faulty.creates)}; ${faulty.world.length} live resources (clean run: ${clean.world.length})`,
      );
      expect(faulty.outcomes[outcome]).toBeGreaterThan(0);
      expect(faulty.world).toEqual(clean.world);
      // Each create the service accepted is one resource: none was made twice.
      expect(faulty.creates).toEqual(clean.creates);
    },
  );
});
