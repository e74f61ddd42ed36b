// What reaches state and the terminal: no credential of any kind, and sensitive values only as
// ciphertext in state and masked in the CLI's output.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { LOCAL_TEST_CREDENTIALS } from "../../provider/aws-clients";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

const secretMarker = "4dabf18193072939515e22adb298388d";
// Credentials in the environment of the run must not be copied anywhere either.
const environmentCredentials = {
  AWS_ACCESS_KEY_ID: "AKIAEUCTESTLEAKCHECK",
  AWS_SECRET_ACCESS_KEY: "euc-env-secret-leak-check",
  AWS_SESSION_TOKEN: "euc-env-session-leak-check",
};

let emulator: RunningEmulator;
let program: ProgramStack;
let upOutput: string;
let exported: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  program = await programStack(
    "examples/full",
    { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" },
    environmentCredentials,
  );
  const up = await program.stack.up();
  upOutput = `${up.stdout}\n${up.stderr}`;
  // The checkpoint as the backend stores it (the Automation API's export decrypts secrets).
  exported = fs.readFileSync(path.join(program.backendDir, ".pulumi/stacks/euc-full/e2e.json"), "utf8");
}, 300_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("secrets and credentials", () => {
  it("leaves no credential in the exported stack", () => {
    for (const value of [
      LOCAL_TEST_CREDENTIALS.accessKeyId,
      LOCAL_TEST_CREDENTIALS.secretAccessKey,
      ...Object.values(environmentCredentials),
    ]) {
      expect(exported).not.toContain(value);
    }
    expect(exported).not.toMatch(/secretAccessKey|sessionToken|accessKeyId/i);
  });

  it("stores the provider as a require() and the resource type only, with no endpoint or credential in it", async () => {
    const state = JSON.parse(exported) as {
      checkpoint: { latest: { resources: Array<{ type: string; outputs?: { __provider?: string } }> } };
    };
    const dynamic = state.checkpoint.latest.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    expect(dynamic.length).toBeGreaterThan(0);
    for (const resource of dynamic) {
      const provider = String(resource.outputs?.__provider);
      expect(provider).toContain('require("pulumi-aws-euc/dist/provider/dynamic-provider.js")');
      expect(provider).toContain(`"${resource.type.replace("pulumi-nodejs:dynamic/", "")}"`);
      expect(provider).not.toContain(emulator.url);
      expect(provider).not.toMatch(/credential|secret|endpoint/i);
    }
  });

  it("keeps the activation code as ciphertext in state and masks it in the CLI's output", async () => {
    const environments = await emulator.control.resources("thinclient:Environment");
    expect(environments).toHaveLength(1);
    const code = String(environments[0].attributes.activationCode);
    expect(code.length).toBeGreaterThan(4);
    expect(exported).not.toContain(code);
    expect(upOutput).not.toContain(code);
    const state = JSON.parse(exported) as {
      checkpoint: { latest: { resources: Array<{ type: string; outputs?: Record<string, unknown> }> } };
    };
    const environment = state.checkpoint.latest.resources.find(
      (r) => r.type === "pulumi-nodejs:dynamic/thinclient:Environment",
    );
    expect(environment?.outputs?.activationCode).toMatchObject({
      [secretMarker]: "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: expect.any(String),
    });
    expect(upOutput).toMatch(/thinClientActivationCode\s*:\s*\[secret\]/);
  });
});
