// The example programs and the e2e programs are what users copy: they must type-check against the
// package as installed (node_modules/pulumi-aws-euc, with its generated declarations).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

describe("example programs", () => {
  it("each has its own Pulumi.yaml", () => {
    const programs = fs
      .readdirSync(path.join(root, "examples"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, "examples", d.name, "index.ts")));
    expect(programs.length).toBeGreaterThanOrEqual(1);
    for (const program of programs)
      expect(fs.existsSync(path.join(root, "examples", program.name, "Pulumi.yaml")), program.name).toBe(true);
  });

  it("type-check with strict TypeScript against the installed package", async () => {
    const tsc = path.join(root, "node_modules/typescript/bin/tsc");
    const result = await promisify(execFile)(process.execPath, [
      tsc,
      "-p",
      path.join(root, "examples/tsconfig.json"),
    ]).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(result).toBe("");
  }, 300_000);
});
