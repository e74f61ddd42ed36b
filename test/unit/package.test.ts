// The package as the registry would get it: what `npm pack` puts in the tarball, and the ecosystem's
// package linters (publint for package.json and the files it points at, @arethetypeswrong/cli for
// how TypeScript resolves the types under every module resolution).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

interface PackEntry {
  files: Array<{ path: string }>;
}

describe("the published package", () => {
  it("holds the LICENSE and only runtime files: no codegen, build stamp, source maps or tests", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const files = (JSON.parse(stdout) as PackEntry[])[0].files.map((f) => f.path);
    expect(files).toContain("LICENSE");
    expect(files).toContain("dist/provider/index.js");
    expect(files).toContain("dist/provider/index.d.ts");
    expect(files).toContain("dist/provider/dynamic-provider.js");
    // The engine finds its schema files beside package.json, so every type's file must ship.
    const schemaFiles = fs
      .readdirSync(path.join(root, "schema"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `schema/${f}`);
    expect(schemaFiles.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(schemaFiles));
    expect(files.filter((f) => f.startsWith("dist/provider/codegen/"))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.includes(".build-stamp"))).toEqual([]);
    expect(files.filter((f) => /(^|\/)test\//.test(f))).toEqual([]);
    // Whatever JavaScript ships names no source map (its .ts sources are not shipped).
    const mapped = files.filter(
      (f) => f.endsWith(".js") && /sourceMappingURL=/.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(mapped).toEqual([]);
  }, 300_000);

  it("is the Apache License 2.0 that package.json names, in full", () => {
    const license = fs.readFileSync(path.join(root, "LICENSE"), "utf8");
    expect((JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { license: string }).license).toBe(
      "Apache-2.0",
    );
    expect(license).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(license).toContain("END OF TERMS AND CONDITIONS");
    expect(license).toContain("APPENDIX: How to apply the Apache License to your work.");
  });

  it("passes publint (strict) and @arethetypeswrong/cli", async () => {
    const publint = await run(bin("publint"), ["run", "--strict"], { cwd: root }).catch(
      (e: { stdout: string; stderr: string }) => ({ ...e, failed: true }),
    );
    expect(publint.stdout + publint.stderr).toContain("All good!");
    expect("failed" in publint).toBe(false);
    const attw = await run(bin("attw"), ["--pack", ".", "--format", "json"], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout: string }) => ({ ...e, failed: true }));
    const report = JSON.parse(attw.stdout) as { problems?: Record<string, unknown[]> | unknown[] };
    expect(Object.values(report.problems ?? {}).flat()).toEqual([]);
    expect("failed" in attw).toBe(false);
  }, 600_000);
});
