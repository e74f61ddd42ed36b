// What a provider process loads decides how long every preview and refresh takes before its first
// call: a program that only declares resources, and a refresh of AppStream stacks, must not pay for
// the other services' SDKs or the JSON Schema validator.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

/** Runs `script` (an expression, maybe a promise) in a fresh Node process in the package root and returns the modules it loaded. */
async function modulesLoadedBy(script: string): Promise<string[]> {
  const program = `Promise.resolve(${script}).catch(() => undefined).then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", program], { cwd: root });
  return (JSON.parse(stdout) as string[]).map((file) => path.relative(root, file));
}

const packagesOf = (modules: string[]) => [
  ...new Set(
    modules
      .filter((m) => m.startsWith("node_modules/"))
      .map((m) =>
        m
          .split("/")
          .slice(1, m.split("/")[1].startsWith("@") ? 3 : 2)
          .join("/"),
      ),
  ),
];

describe("what a process loads", () => {
  it("declaring resources loads no AWS SDK and no validator", async () => {
    const packages = packagesOf(await modulesLoadedBy(`require("./dist/provider")`));
    expect(packages.filter((p) => p.startsWith("@aws-sdk/") || p === "ajv")).toEqual([]);
  });

  it("reading AppStream stacks loads the AppStream SDK only, and no validator", async () => {
    const packages = packagesOf(
      await modulesLoadedBy(
        `(require("./dist/provider/engine/config").setRuntimeConfig({ endpoint: "http://127.0.0.1:9", maxAttempts: 1 }),
          require("./dist/provider/engine/read").readResource("appstream:Stack", "s", { __urn: "urn:pulumi:t::p::pulumi-nodejs:dynamic/appstream:Stack::s", name: "s" }))`,
      ),
    );
    expect(packages).toContain("@aws-sdk/client-appstream");
    expect(packages.filter((p) => /^@aws-sdk\/client-(nimble|workspaces-thin-client)$/.test(p) || p === "ajv")).toEqual(
      [],
    );
  });
});
