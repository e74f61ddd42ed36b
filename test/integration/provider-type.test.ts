// Each resource type's provider knows its type: Pulumi stores it in state as a require() of the
// installed package plus the type, and its host calls the provider's methods on the object it loads
// from there. State written before there was one provider per type holds the package's module itself
// as the provider; those resources say their type only in `__urn`, and must still read, update and
// delete. Both are loaded here exactly as Pulumi's dynamic-provider host loads them.
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";

const root = path.resolve(__dirname, "../..");
// A fresh process loads @pulumi/pulumi and the SDK: slow on a busy machine, so the test waits for it.
const processTimeoutMs = 180_000;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 0 });
});
afterAll(() => emulator?.close());

/**
 * In a fresh Node process (as the host is): serializes `provider` (an expression over `dp`, the
 * installed dynamic-provider module) as pulumi.dynamic.Resource does, loads the text back as the
 * host's requireFromString does, and runs `steps` (an async function body over `typed`, `legacy`,
 * `text`) against the endpoint; returns what it returns.
 */
async function inProviderProcess(steps: string): Promise<Record<string, unknown>> {
  const program = `
    const Module = require("node:module");
    const pulumi = require("@pulumi/pulumi");
    const dp = require("pulumi-aws-euc/dist/provider/dynamic-provider.js");
    async function stored(provider) {
      const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      const m = new Module("stored-provider", module);
      m.paths = module.paths;
      m._compile(text, "stored-provider.js");
      return { text, provider: m.exports.handler() };
    }
    (async () => {
      const typed = await stored(dp.providerFor("appstream:Stack"));
      const legacy = await stored(dp);
      const result = await (async (typed, legacy) => { ${steps} })(typed, legacy);
      console.log(JSON.stringify(result));
      process.exit(0);
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", program], {
    cwd: root,
    env: {
      ...process.env,
      PULUMI_AWS_EUC_ENDPOINT: emulator.url,
      AWS_REGION: "us-west-2",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
    },
  });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, unknown>;
}

describe("the resource type", () => {
  it(
    "comes from the provider, which serializes as a require() of the package plus the type",
    async () => {
      const result = await inProviderProcess(`
      // No __urn at all: the type is still known, and the check of a stack's inputs runs.
      const checked = await typed.provider.check({}, { displayName: 42 });
      return { text: typed.text, failures: checked.failures };`);
      expect(result.text).toContain('Object.create(require("pulumi-aws-euc/dist/provider/dynamic-provider.js"))');
      expect(result.text).toContain('"appstream:Stack"');
      expect(Buffer.byteLength(String(result.text))).toBeLessThan(1024);
      expect(JSON.stringify(result.failures)).toContain("displayName");
    },
    processTimeoutMs,
  );

  it(
    "of a resource in state written by earlier versions comes from its __urn: it reads, updates and deletes",
    async () => {
      const result = await inProviderProcess(`
      const urn = "urn:pulumi:legacy::p::pulumi-nodejs:dynamic/appstream:Stack::old";
      const checked = await legacy.provider.check({}, { __urn: urn, displayName: "Old" });
      const created = await legacy.provider.create(checked.inputs);
      const read = await legacy.provider.read(created.id, created.outs);
      const updated = await legacy.provider.update(created.id, created.outs, { ...checked.inputs, displayName: "Renamed" });
      const reread = await legacy.provider.read(created.id, updated.outs);
      await legacy.provider.delete(created.id, updated.outs);
      const gone = await legacy.provider.read(created.id, updated.outs);
      const unnamed = await legacy.provider.check({}, { displayName: "x" }).then(() => "accepted", (e) => e.message);
      return { text: legacy.text, id: created.id, name: checked.inputs.name, read: read.props.displayName,
        reread: reread.props.displayName, gone, unnamed };`);
      expect(result.text).toContain('require("pulumi-aws-euc/dist/provider/dynamic-provider.js")');
      expect(result.text).not.toContain("resourceType");
      expect(result.id).toBe(result.name);
      expect(result.read).toBe("Old");
      expect(result.reread).toBe("Renamed");
      expect(result.gone).toEqual({});
      expect(result.unnamed).toMatch(/names no type and it carries no __urn/);
      expect((await emulator.control.calls()).counts["appstream:DeleteStack"]).toBe(1);
    },
    processTimeoutMs,
  );
});
