// A sample of the interruption sweeps (`npm run sweep`, docs/interruption-sweep.md): the riskiest
// moments of a first up, an update and a destroy of the full example. Killed after a software set
// was marked VALIDATED but before the stack recorded the status it had, the next up must still
// know the status a destroy puts back. Killed with the fleet stopped for its instance-type change
// but not yet started again, and with the fleet disassociated from its stack but not yet deleted,
// the stack must recover, as the CLI tells a user, into exactly the program's intent.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baselines, interrupt, type Baseline, type Hold } from "./sweep/driver";

let keepDir: string;
let runs: Baseline[];

beforeAll(async () => {
  keepDir = fs.mkdtempSync(path.join(os.tmpdir(), "euc-sweep-sample-"));
  runs = await baselines(["up", "update", "destroy"], keepDir);
}, 900_000);

afterAll(() => fs.rmSync(keepDir, { recursive: true, force: true }));

function run(name: Baseline["run"]): Baseline {
  const found = runs.find((r) => r.run === name);
  if (!found) throw new Error(`no baseline of ${name}`);
  return found;
}

async function expectRecovered(baseline: Baseline, hold: Hold): Promise<string> {
  // The uninterrupted run makes the call the sample holds, so the sweep of that run covers it.
  expect(baseline.operations).toContainEqual(
    expect.objectContaining({ service: hold.service, operation: hold.operation }),
  );
  const row = await interrupt(baseline, hold);
  expect(row.outcome).toMatch(/^ok/);
  expect(row.counts).toEqual({ duplicates: 0, orphans: 0, outOfDesiredState: 0, missing: 0 });
  return row.recovery;
}

describe("interrupting the full example's first up, update and destroy", () => {
  it("a first up killed after a software set was marked VALIDATED still remembers the status it had", async () => {
    const recovery = await expectRecovered(run("up"), {
      service: "thinclient",
      operation: "UpdateSoftwareSet",
      occurrence: 1,
      when: "after",
    });
    expect(recovery).toMatch(/(^| )up( \(warned of pending operations\))?$/);
  }, 900_000);

  it("an update killed after the fleet stopped for its instance-type change ends with the fleet RUNNING on the new type", async () => {
    const recovery = await expectRecovered(run("update"), {
      service: "appstream",
      operation: "StopFleet",
      occurrence: 1,
      when: "after",
    });
    // The killed run's lock is what the CLI complains about; its advice is `pulumi cancel`.
    expect(recovery).toContain("pulumi cancel");
    expect(recovery).toMatch(/(^| )up( \(warned of pending operations\))?$/);
  }, 900_000);

  it("a destroy killed after the fleet was disassociated leaves only what deleteBehaviour keeps", async () => {
    const recovery = await expectRecovered(run("destroy"), {
      service: "appstream",
      operation: "DisassociateFleet",
      occurrence: 1,
      when: "after",
    });
    expect(recovery).toMatch(/(^| )destroy( \(warned of pending operations\))?$/);
  }, 900_000);
});
