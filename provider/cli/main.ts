#!/usr/bin/env node
// `pulumi-aws-euc drift --stack NAME [--cwd DIR] [--json FILE] [--markdown FILE]`
// Exit codes: 0 no drift, 2 drift found, 1 error.
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { detectDrift, renderMarkdown, renderTable } from "./drift";

const usage = "usage: pulumi-aws-euc drift --stack NAME [--cwd DIR] [--json FILE] [--markdown FILE]";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "drift") {
    process.stderr.write(`${usage}\n`);
    return 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: { stack: { type: "string" }, cwd: { type: "string" }, json: { type: "string" }, markdown: { type: "string" } },
  });
  if (!values.stack) {
    process.stderr.write(`error: --stack is required\n${usage}\n`);
    return 1;
  }
  const report = await detectDrift({ stack: values.stack, cwd: values.cwd ?? process.cwd() });
  process.stdout.write(`${renderTable(report)}\n`);
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  if (values.markdown) fs.writeFileSync(values.markdown, renderMarkdown(report));
  return report.drifted.length > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
