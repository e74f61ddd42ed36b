// `npm run sweep -- [--run up|update|destroy]... [--operations service:Operation,...] [--hold service:Operation:occurrence:before|after] [--resume] [--render]`:
// the interruption sweeps of test/e2e/sweep/driver.ts. Without --hold, every (operation, occurrence,
// before/after) of each named run (all three when none is named) is interrupted in turn, and
// docs/interruption-sweep.md's section of that run is rewritten after each row (a sweep cut short
// leaves its rows so far, marked partial, and --resume continues it from them); --operations sweeps
// only those operations' occurrences (a partial section); --render writes the doc from the rows
// the named runs' sweeps saved (in .pulumi-local), without sweeping. With --hold, one interruption
// of the one named run, printed, the doc untouched.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  baselines,
  holdsOf,
  interrupt,
  RUNS,
  updateDoc,
  type Hold,
  type RunName,
  type SweepReport,
  type SweepRow,
} from "../test/e2e/sweep/driver";

interface Args {
  runs: RunName[];
  hold?: Hold;
  operations?: string[];
  resume: boolean;
  render: boolean;
}

function parseArgs(argv: string[]): Args {
  const runs: RunName[] = [];
  let resume = false;
  let render = false;
  let hold: Hold | undefined;
  let operations: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === "--run" && value) {
      for (const run of value.split(",")) {
        if (!RUNS.includes(run as RunName)) throw new Error(`--run must be one of ${RUNS.join(", ")} (got "${run}")`);
        runs.push(run as RunName);
      }
      i++;
    } else if (argv[i] === "--operations" && value) {
      operations = value.split(",");
      i++;
    } else if (argv[i] === "--resume") {
      resume = true;
    } else if (argv[i] === "--render") {
      render = true;
    } else if (argv[i] === "--hold" && value) {
      const [service, operation, occurrence, when] = value.split(":");
      if (!service || !operation || !/^[1-9]\d*$/.test(occurrence ?? "") || (when !== "before" && when !== "after")) {
        throw new Error(
          `--hold must read service:Operation:occurrence:before|after, e.g. appstream:StopFleet:1:after (got "${value}")`,
        );
      }
      hold = { service, operation, occurrence: Number(occurrence), when };
      i++;
    } else {
      throw new Error(
        `unknown argument "${argv[i]}"; usage: npm run sweep -- [--run up|update|destroy]... [--operations service:Operation,...] [--hold service:Operation:occurrence:before|after] [--resume] [--render]`,
      );
    }
  }
  if (hold && runs.length !== 1) throw new Error("--hold needs exactly one --run");
  if (hold && resume) throw new Error("--resume continues a sweep; it has no use with --hold");
  return { runs: runs.length > 0 ? runs : RUNS, hold, operations, resume, render };
}

const savedRows = (run: RunName) => path.resolve(__dirname, `../.pulumi-local/sweep-${run}.json`);

const sameHold = (a: Hold, b: Hold) =>
  a.service === b.service && a.operation === b.operation && a.occurrence === b.occurrence && a.when === b.when;

async function main(): Promise<void> {
  const { runs, hold, operations, resume, render } = parseArgs(process.argv.slice(2));
  const doc = path.resolve(__dirname, "../docs/interruption-sweep.md");
  if (render) {
    // The doc again from the rows the named sweeps saved, without sweeping (sweeps of different
    // runs may go on side by side, each rewriting the doc as it goes).
    updateDoc(
      doc,
      runs.map((run) => JSON.parse(fs.readFileSync(savedRows(run), "utf8")) as SweepReport),
    );
    return;
  }
  const keepDir = fs.mkdtempSync(path.join(os.tmpdir(), "euc-sweep-start-"));
  try {
    for (const baseline of await baselines(runs, keepDir)) {
      const all = holdsOf(baseline);
      const holds = hold
        ? [hold]
        : all.filter((h) => !operations || operations.includes(`${h.service}:${h.operation}`));
      console.log(
        `${baseline.run}: ${holds.length} interruptions of ${baseline.operations.map((o) => `${o.service}:${o.operation} x${o.count}`).join(", ")}`,
      );
      const saved = savedRows(baseline.run);
      // A resumed sweep keeps the rows a sweep cut short wrote, and its wall time so far.
      const earlier: { rows: SweepRow[]; seconds: number } =
        resume && fs.existsSync(saved)
          ? (JSON.parse(fs.readFileSync(saved, "utf8")) as { rows: SweepRow[]; seconds: number })
          : { rows: [], seconds: 0 };
      const done = (h: Hold) => earlier.rows.some((r) => sameHold(r, h));
      const started = Date.now() - earlier.seconds * 1000;
      const rows: SweepRow[] = earlier.rows.filter((r) => holds.some((h) => sameHold(r, h)));
      if (rows.length > 0) console.log(`${baseline.run}: resuming after ${rows.length} interruptions already swept`);
      for (const h of holds.filter((candidate) => !done(candidate))) {
        const row = await interrupt(baseline, h);
        rows.push(row);
        console.log(
          `${baseline.run} ${h.service}:${h.operation} #${h.occurrence} ${h.when}: ${row.recovery} => ${row.outcome} (${row.seconds} s)`,
        );
        if (!hold) {
          const report = {
            run: baseline.run,
            rows,
            seconds: Math.round((Date.now() - started) / 1000),
            of: all.length,
          };
          updateDoc(doc, [report]);
          // The rows as data too, to render the doc again without sweeping again.
          fs.mkdirSync(path.resolve(__dirname, "../.pulumi-local"), { recursive: true });
          fs.writeFileSync(saved, JSON.stringify(report, null, 1));
        }
      }
      if (rows.some((r) => !r.ok)) process.exitCode = 1;
    }
  } finally {
    fs.rmSync(keepDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
