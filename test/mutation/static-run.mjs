// Tests the static mutants that `npm run mutate` leaves out (npm run mutate:static).
//
// A static mutant changes a value a module computes once, as it loads (a hook table, a list of
// service error names): no test runs while it is computed, so Stryker cannot tell which tests cover
// it, and can only test it by loading the engine afresh with the mutant on and running every test.
// The main run ignores them ("ignoreStatic") to stay within its time budget; this run takes the
// static mutants the main run's incremental file names, and only them, through every test.
// Its report: .pulumi-local/mutation/static-report.json, printed by test/mutation/summarize.mjs.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const base = JSON.parse(readFileSync("stryker.config.json", "utf8"));
const incremental = JSON.parse(readFileSync(base.incrementalFile, "utf8"));

// Stryker's mutate ranges take 1-based lines and 0-based columns; a report's columns are 1-based.
const ranges = [];
for (const [file, entry] of Object.entries(incremental.files)) {
  for (const mutant of entry.mutants) {
    if (mutant.status !== "Ignored" || !mutant.static) continue;
    const { start, end } = mutant.location;
    ranges.push(`${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
  }
}
if (ranges.length === 0) {
  console.log(`No static mutants in ${base.incrementalFile}: run npm run mutate first.`);
  process.exit(0);
}

const out = ".pulumi-local/mutation";
mkdirSync(out, { recursive: true });
const config = {
  ...base,
  mutate: ranges,
  ignoreStatic: false,
  incremental: false,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: path.join(out, "static-report.json") },
  tempDirName: ".pulumi-local/stryker-tmp-static",
};
delete config.htmlReporter;
const configFile = path.join(out, "stryker-static.config.json");
writeFileSync(configFile, JSON.stringify(config, null, 2));
console.log(`${ranges.length} static mutants from ${base.incrementalFile}`);
const run = spawnSync("stryker", ["run", configFile], { stdio: "inherit" });
process.exit(run.status ?? 1);
