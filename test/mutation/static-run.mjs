// Tests the static mutants that `npm run mutate` leaves out (npm run mutate:static).
//
// A static mutant changes a value a module computes once, as it loads (a hook table, a list of
// service error names): no test runs while it is computed, so Stryker cannot tell which tests cover
// it, and can only test it by loading the engine afresh with the mutant on and running every test.
// The main run ignores them ("ignoreStatic") to stay within its time budget; this run takes the
// static mutants the main run's incremental file names through every test.
// A static mutant's range holds every mutant inside it (a hook table holds the hooks' code), so Stryker
// tests those too; the verdicts printed at the end are the static mutants' alone. The whole report:
// .pulumi-local/mutation/static-report.json.
//   npm run mutate:static [-- --report-only]
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const base = JSON.parse(readFileSync("stryker.config.json", "utf8"));
const incremental = JSON.parse(readFileSync(base.incrementalFile, "utf8"));

// Stryker's mutate ranges take 1-based lines and 0-based columns; a report's columns are 1-based.
const ranges = [];
const keyOf = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column}:${m.mutatorName}:${m.replacement}`;
const statics = new Set();
for (const [file, entry] of Object.entries(incremental.files)) {
  for (const mutant of entry.mutants) {
    if (mutant.status !== "Ignored" || !mutant.static) continue;
    const { start, end } = mutant.location;
    ranges.push(`${file}:${start.line}:${start.column - 1}-${end.line}:${end.column - 1}`);
    statics.add(keyOf(file, mutant));
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
// --report-only prints the verdicts of the last run again without running it.
if (!process.argv.includes("--report-only")) {
  const run = spawnSync("stryker", ["run", configFile], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const report = JSON.parse(readFileSync(config.jsonReporter.fileName, "utf8"));
const counts = {};
const rows = [];
const cell = (text) => `\`${String(text).replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 90)}\``;
for (const [file, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const lines = entry.source.split("\n");
  for (const mutant of entry.mutants) {
    if (!statics.has(keyOf(file, mutant))) continue;
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    const line = mutant.location.start.line;
    rows.push(
      `| ${file}:${line} | ${mutant.mutatorName} | ${mutant.status} | ${cell(mutant.replacement ?? "")} | ${cell(lines[line - 1].trim())} |`,
    );
  }
}
console.log("");
console.log(`The ${statics.size} static mutants: ${JSON.stringify(counts)}`);
console.log("");
console.log("| where | mutator | status | replacement | original line |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
