// Prints the figures of a StrykerJS report (its incremental file or the JSON report) as Markdown:
// per file the mutants, killed, survived, no coverage, timeouts and the score; then every survivor.
//   node test/mutation/summarize.mjs [report.json]
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test/mutation/stryker-incremental.json";
const report = JSON.parse(readFileSync(file, "utf8"));
const detected = new Set(["Killed", "Timeout", "RuntimeError", "CompileError"]);
const rows = [];
const survivors = [];
// Mutants of a run that was interrupted are absent from its incremental file: "mutants" counts the
// ones with a result.
const total = { mutants: 0, tested: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0, pending: 0 };
for (const [name, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const counts = { mutants: 0, tested: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0, pending: 0 };
  const lines = entry.source.split("\n");
  for (const mutant of entry.mutants) {
    // Static mutants (module-level constants) are ignored by the configuration: not counted.
    if (mutant.status === "Ignored") continue;
    counts.mutants++;
    if (mutant.status === "Pending") counts.pending++;
    else counts.tested++;
    if (detected.has(mutant.status)) counts.killed++;
    if (mutant.status === "Timeout") counts.timeout++;
    if (mutant.status === "Survived") counts.survived++;
    if (mutant.status === "NoCoverage") counts.noCoverage++;
    if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
      const line = mutant.location.start.line;
      survivors.push(
        `| ${name}:${line} | ${mutant.mutatorName} | ${mutant.status} | \`${(mutant.replacement ?? "").replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 70)}\` | \`${lines[line - 1].trim().replace(/\|/g, "\\|").slice(0, 90)}\` |`,
      );
    }
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  rows.push([name, counts]);
}
const score = (c) => (c.tested === 0 ? "-" : `${((100 * c.killed) / c.tested).toFixed(1)}%`);
console.log("| file | mutants | tested | killed (incl. timeouts) | survived | no coverage | score of tested |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [name, c] of rows)
  console.log(`| ${name} | ${c.mutants} | ${c.tested} | ${c.killed} | ${c.survived} | ${c.noCoverage} | ${score(c)} |`);
console.log(
  `| **total** | ${total.mutants} | ${total.tested} | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${score(total)} |`,
);
console.log("");
console.log("| where | mutator | status | replacement | original line |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of survivors) console.log(row);
