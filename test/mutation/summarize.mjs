// Prints the figures of a StrykerJS report (its incremental file or the JSON report) as Markdown:
// per file the mutants, killed, survived, no coverage, timeouts, those marked equivalent and the
// score; then every survivor, every mutant marked equivalent with the reason its comment gives, and
// every static mutant the run left to npm run mutate:static.
//   node test/mutation/summarize.mjs [report.json]
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test/mutation/stryker-incremental.json";
const report = JSON.parse(readFileSync(file, "utf8"));
const detected = new Set(["Killed", "Timeout", "RuntimeError", "CompileError"]);
const rows = [];
const survivors = [];
const equivalents = [];
const statics = [];
// Mutants of a run that was interrupted are absent from its incremental file: "mutants" counts the
// ones with a result. Static mutants (module-level constants) are ignored by the configuration and
// not counted; a mutant disabled by a `// Stryker disable` comment is one marked equivalent, counted
// apart and left out of the score.
const empty = () => ({ mutants: 0, tested: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0, equivalent: 0 });
const total = empty();
const cell = (text) => `\`${text.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 90)}\``;
for (const [name, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const counts = empty();
  const lines = entry.source.split("\n");
  for (const mutant of entry.mutants) {
    const line = mutant.location.start.line;
    const where = `${name}:${line}`;
    const original = cell(lines[line - 1].trim());
    if (mutant.status === "Ignored") {
      if (mutant.static) {
        statics.push(`| ${where} | ${mutant.mutatorName} | ${cell(mutant.replacement ?? "")} | ${original} |`);
        continue;
      }
      counts.equivalent++;
      equivalents.push(
        `| ${where} | ${mutant.mutatorName} | ${cell(mutant.replacement ?? "")} | ${mutant.statusReason ?? ""} |`,
      );
      continue;
    }
    counts.mutants++;
    if (mutant.status !== "Pending") counts.tested++;
    if (detected.has(mutant.status)) counts.killed++;
    if (mutant.status === "Timeout") counts.timeout++;
    if (mutant.status === "Survived") counts.survived++;
    if (mutant.status === "NoCoverage") counts.noCoverage++;
    if (mutant.status === "Survived" || mutant.status === "NoCoverage") {
      survivors.push(
        `| ${where} | ${mutant.mutatorName} | ${mutant.status} | ${cell(mutant.replacement ?? "")} | ${original} |`,
      );
    }
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  rows.push([name, counts]);
}
const score = (c) => (c.tested === 0 ? "-" : `${((100 * c.killed) / c.tested).toFixed(1)}%`);
const row = (name, c) =>
  `| ${name} | ${c.mutants} | ${c.tested} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.equivalent} | ${score(c)} |`;
console.log(
  "| file | mutants | tested | killed (incl. timeouts) | of them timeouts | survived | no coverage | marked equivalent (not counted) | score of tested |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [name, c] of rows) console.log(row(name, c));
console.log(row("**total**", total));
console.log("");
if (survivors.length === 0) console.log("No mutant survived, and none went uncovered.");
else {
  console.log("| where | mutator | status | replacement | original line |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const line of survivors) console.log(line);
}
console.log("");
console.log("Marked equivalent in the source (`// Stryker disable next-line <mutator>: <why>`):");
console.log("");
console.log("| where | mutator | replacement | why |");
console.log("| --- | --- | --- | --- |");
for (const line of equivalents) console.log(line);
if (statics.length > 0) {
  console.log("");
  console.log("Static mutants, left out of this run (`npm run mutate:static` tests them through every test):");
  console.log("");
  console.log("| where | mutator | replacement | original line |");
  console.log("| --- | --- | --- | --- |");
  for (const line of statics) console.log(line);
}
