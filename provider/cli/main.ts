#!/usr/bin/env node
// The pulumi-aws-euc command: drift checks of Pulumi stacks for CI, and their baseline.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { boundedMap, checkStack, plainError, projectStacks } from "./drift";
import { appendRules, baselineRules, ignoreFileName, readIgnoreFile } from "./ignore-rules";
import { combine, renderJUnit, renderMarkdown, renderTable } from "./report";

const usage = `usage: pulumi-aws-euc drift (--stack NAME ... | --all-stacks) [options]
       pulumi-aws-euc drift baseline (--stack NAME ... | --all-stacks) [--output FILE] [--expires-in-days N]
       pulumi-aws-euc --help | --version

Checks Pulumi stacks for drift without changing them: a preview-only refresh per stack (what changed
out of band). With --pending-changes, also a preview beside it (program changes not yet applied).

options:
  --stack NAME          a stack to check; repeat for several
  --all-stacks          every stack of the project in --cwd
  --cwd DIR             the Pulumi program's directory (default: the current directory)
  --ignore-file FILE    accepted drift (default: DIR/${ignoreFileName} when it exists)
  --json FILE           write the report as JSON (schema/drift-report.schema.json in the package)
  --markdown FILE       write the report as Markdown for a pull-request comment
  --markdown-max N      cap the Markdown at N characters (default 60000)
  --junit FILE          write the report as JUnit XML, a failed test case per drifted resource
  --parallel N          stacks checked at once (default 4)
  --pending-changes     also run the program (a preview without refresh) and report the changes it
                        would make; costs a program run, about twice the refresh at 300 resources
  --output FILE         baseline: the ignore file to add the rules to (default: DIR/${ignoreFileName})
  --expires-in-days N   baseline: when the rules expire (default 90)
  -h, --help            this text
  --version             the package's version

exit codes: 0 clean, 2 drift, 3 program changes not yet applied, 4 drift and program changes
(3 and 4 only with --pending-changes),
1 the check failed. Over several stacks the worst wins: 1, then 4, then 2 or 3 (2 and 3 in
different stacks make 4).
`;

class UsageError extends Error {}

function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pulumi-aws-euc") return pkg.version ?? "unknown";
    }
  }
  return "unknown";
}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return n;
}

async function drift(args: string[]): Promise<number> {
  const baseline = args[0] === "baseline";
  const { values } = parseArgs({
    args: baseline ? args.slice(1) : args,
    strict: true,
    options: {
      stack: { type: "string", multiple: true },
      "all-stacks": { type: "boolean" },
      cwd: { type: "string" },
      "ignore-file": { type: "string" },
      json: { type: "string" },
      markdown: { type: "string" },
      "markdown-max": { type: "string" },
      junit: { type: "string" },
      parallel: { type: "string" },
      "pending-changes": { type: "boolean" },
      output: { type: "string" },
      "expires-in-days": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const cwd = path.resolve(values.cwd ?? process.cwd());
  if (!fs.existsSync(path.join(cwd, "Pulumi.yaml")) && !fs.existsSync(path.join(cwd, "Pulumi.yml")))
    throw new UsageError(`${cwd} holds no Pulumi.yaml; run in the program's directory or pass --cwd`);
  if (values["all-stacks"] && values.stack) throw new UsageError("pass either --stack or --all-stacks, not both");
  const stacks = values["all-stacks"]
    ? await projectStacks(cwd).catch((e: unknown) =>
        Promise.reject(new UsageError(`cannot list the project's stacks: ${plainError(e)}`)),
      )
    : (values.stack ?? []);
  if (stacks.length === 0)
    throw new UsageError(
      values["all-stacks"] ? `the project in ${cwd} has no stacks` : "name a stack with --stack, or pass --all-stacks",
    );
  const ignorePath = values["ignore-file"] ? path.resolve(values["ignore-file"]) : path.join(cwd, ignoreFileName);
  if (values["ignore-file"] && !fs.existsSync(ignorePath))
    throw new UsageError(`the ignore file ${ignorePath} does not exist`);
  const ignoreFile = readIgnoreFile(ignorePath);
  const parallel = positiveInteger(values.parallel, "--parallel", 4);
  const markdownMax = positiveInteger(values["markdown-max"], "--markdown-max", 60_000);
  const now = new Date();

  const results = await boundedMap(stacks, parallel, (stack) =>
    checkStack({ stack, cwd, ignoreFile, now, checkPendingChanges: !baseline && !!values["pending-changes"] }),
  );
  const report = combine(results, ignoreFile?.path, now);

  if (baseline) {
    for (const failed of results.filter((r) => r.status === "error")) process.stderr.write(`error: ${failed.error}\n`);
    if (report.exitCode === 1) return 1;
    const output = values.output ? path.resolve(values.output) : ignorePath;
    const rules = baselineRules(results, now, positiveInteger(values["expires-in-days"], "--expires-in-days", 90));
    if (rules.length > 0) appendRules(output, rules);
    process.stdout.write(
      rules.length > 0
        ? `wrote ${rules.length} ignore rules for the current drift to ${output}; replace each reason placeholder with the real reason\n`
        : `no drift to write to ${output}\n`,
    );
    return 0;
  }

  process.stdout.write(`${renderTable(report)}\n`);
  for (const failed of results.filter((r) => r.status === "error")) process.stderr.write(`error: ${failed.error}\n`);
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.markdown) fs.writeFileSync(values.markdown, renderMarkdown(report, { maxLength: markdownMax }));
  if (values.junit) fs.writeFileSync(values.junit, renderJUnit(report));
  return report.exitCode;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(usage);
    return 0;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command !== "drift")
    throw new UsageError(
      command === undefined ? "name a command: drift (see --help)" : `unknown command "${command}" (see --help)`,
    );
  return drift(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One plain sentence: the Automation API's and parseArgs' messages are cut down to their point.
    const message = error instanceof UsageError ? error.message : plainError(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(1);
  },
);
