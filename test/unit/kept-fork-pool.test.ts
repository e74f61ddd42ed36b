// The mutation runs' pool (test/mutation/kept-fork-pool.ts) keeps one child process across vitest
// runs, as Stryker makes one run per mutant. A mutant's verdict is only right if its run starts as
// in a new process: the repository's modules evaluated afresh, no mutant active while they load,
// and nothing a previous run left running.
import { mkdtempSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createVitest } from "vitest/node";
import { expect, it } from "vitest";
import { keptForks } from "../mutation/kept-fork-pool";

interface ProbeRecord {
  pid: number;
  count: number;
  activeMutantAtLoad: string | null;
}

it("reuses a child for successive runs, each from unevaluated modules and no active mutant, until a run leaves a timer", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "kept-fork-")), "records.jsonl");
  process.env.KEPT_FORK_PROBE_OUT = out;
  const vitest = await createVitest(
    "test",
    {
      config: false,
      include: ["test/mutation/fixtures/*.probe.ts"],
      // What Stryker's runner asks for; the plugin then swaps the pool.
      pool: "forks",
      maxWorkers: 1,
      isolate: false,
      watch: false,
      reporters: [],
    },
    { plugins: [keptForks()] },
  );
  try {
    for (let run = 0; run < 4; run++) {
      vitest.state.filesMap.clear();
      await vitest.start();
      expect(vitest.state.getCountOfFailedTests()).toBe(0);
    }
  } finally {
    await vitest.close();
    delete process.env.KEPT_FORK_PROBE_OUT;
  }
  expect(vitest.config.pool).toBe("kept-forks");
  const records = readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ProbeRecord);
  expect(records).toHaveLength(4);
  const [first, second, third, fourth] = records.map((r) => r.pid);
  expect(first).not.toBe(process.pid);
  expect(second).toBe(first);
  // The second run left an interval running: its child is not kept.
  expect(third).not.toBe(first);
  expect(fourth).toBe(third);
  for (const record of records) expect(record).toMatchObject({ count: 2, activeMutantAtLoad: null });
});
