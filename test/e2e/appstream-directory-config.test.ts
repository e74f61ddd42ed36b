// appstream:DirectoryConfig through the real CLI: the service account's password kept secret
// everywhere a user could see it, in-place updates of what UpdateDirectoryConfig takes, replacement
// for a new directory name, a domain-joined fleet that needs the config first, drift, and destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { diffs, driftCheck, exportedState, mutations } from "../helpers/appstream-e2e";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

const password = "Join-Passw0rd-5d3f9a";
const ops = ["CreateDirectoryConfig", "UpdateDirectoryConfig", "DeleteDirectoryConfig", "CreateFleet", "DeleteFleet"];
let emulator: RunningEmulator;
let main: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  main = await programStack("test/e2e/programs/appstream-directory", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

const directories = async () =>
  (await emulator.control.resources("appstream:DirectoryConfig")).map((r) => r.attributes);

describe("appstream:DirectoryConfig through the real CLI", () => {
  let upOutput = "";

  it("creates the directory config with one call", async () => {
    const up = await main.stack.up();
    upOutput = `${up.stdout}\n${up.stderr}`;
    expect(await mutations(emulator, ops)).toEqual(["CreateDirectoryConfig"]);
    expect(await directories()).toEqual([
      expect.objectContaining({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
      }),
    ]);
    const [sent] = await emulator.control.inputs("CreateDirectoryConfig");
    expect(sent.ServiceAccountCredentials).toEqual({
      AccountName: await emulator.control.redacted("CORP\\appstream-join"),
      AccountPassword: await emulator.control.redacted(password),
    });
  }, 180_000);

  it("never shows the password in plain text: not in the state file, the stack export, the outputs or the CLI's output", async () => {
    const { exported, checkpoint } = await exportedState(main, "appstream-directory");
    for (const text of [exported, checkpoint, upOutput]) expect(text).not.toContain(password);
    const state = JSON.parse(checkpoint) as {
      checkpoint: {
        latest: {
          resources: Array<{ type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }>;
        };
      };
    };
    const directory = state.checkpoint.latest.resources.find(
      (r) => r.type === "pulumi-nodejs:dynamic/appstream:DirectoryConfig",
    );
    expect(directory?.outputs?.serviceAccountCredentials).toMatchObject({ ciphertext: expect.any(String) });
    expect(directory?.inputs?.serviceAccountCredentials).toMatchObject({ ciphertext: expect.any(String) });
    const outputs = await main.stack.outputs();
    expect(outputs.credentials.secret).toBe(true);
    expect(upOutput).toMatch(/credentials\s*:\s*\[secret\]/);
  }, 120_000);

  it("previews no change when nothing changed", async () => {
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 120_000);

  it("updates the organizational units in place with one UpdateDirectoryConfig that carries only them", async () => {
    await emulator.control.resetCalls();
    const ous = ["OU=Streaming,DC=corp,DC=example,DC=com", "OU=Builders,DC=corp,DC=example,DC=com"];
    await main.stack.setConfig("ous", { value: JSON.stringify(ous) });
    const events: EngineEvent[] = [];
    await main.stack.up({ onEvent: (e) => events.push(e) });
    expect(diffs(events)).toEqual({ "update DirectoryConfig": ["organizationalUnitDistinguishedNames"] });
    expect(await mutations(emulator, ops)).toEqual(["UpdateDirectoryConfig"]);
    expect(await emulator.control.inputs("UpdateDirectoryConfig")).toEqual([
      { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedNames: ous },
    ]);
  }, 180_000);

  it("turns certificate-based auth on and, when the program drops it, off again (the service's default)", async () => {
    const arn = "arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/0a1b2c3d";
    await main.stack.setAllConfig({ cbaStatus: { value: "ENABLED" }, caArn: { value: arn } });
    await emulator.control.resetCalls();
    await main.stack.up();
    expect(await emulator.control.inputs("UpdateDirectoryConfig")).toEqual([
      {
        DirectoryName: "corp.example.com",
        CertificateBasedAuthProperties: { Status: "ENABLED", CertificateAuthorityArn: arn },
      },
    ]);
    await main.stack.removeAllConfig(["cbaStatus", "caArn"]);
    await emulator.control.resetCalls();
    await main.stack.up();
    expect(await emulator.control.inputs("UpdateDirectoryConfig")).toEqual([
      { DirectoryName: "corp.example.com", CertificateBasedAuthProperties: { Status: "DISABLED" } },
    ]);
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 240_000);

  it("shows organizational units changed in the console as drift", async () => {
    await emulator.control.mutate("appstream:DirectoryConfig", "corp.example.com", {
      OrganizationalUnitDistinguishedNames: ["OU=Console,DC=corp,DC=example,DC=com"],
    });
    const { code, report } = await driftCheck(main);
    expect(code).toBe(2);
    const [drifted] = report.stacks[0].drifted;
    expect(drifted).toMatchObject({ type: "appstream:DirectoryConfig", status: "changed" });
    expect(drifted.properties.map((p) => p.property)).toEqual(["organizationalUnitDistinguishedNames"]);
    expect(JSON.stringify(report)).not.toContain(password);
    await main.stack.up({ refresh: true });
    expect((await driftCheck(main)).code).toBe(0);
  }, 240_000);

  it("refuses a domain-joined fleet naming a directory without a config, and creates it after the config", async () => {
    await main.stack.setAllConfig({ withFleet: { value: "true" }, fleetDirectory: { value: "other.example.com" } });
    await expect(main.stack.up()).rejects.toThrow("Directory config other.example.com not found");
    expect(await emulator.control.resources("appstream:Fleet")).toEqual([]);
    await main.stack.removeConfig("fleetDirectory");
    await emulator.control.resetCalls();
    await main.stack.up();
    expect(await mutations(emulator, ops)).toEqual(["CreateFleet"]);
    expect((await emulator.control.resources("appstream:Fleet"))[0].attributes.DomainJoinInfo).toMatchObject({
      DirectoryName: "corp.example.com",
    });
  }, 240_000);

  it("replaces the directory config for a new directory name: the fleet moves first, the old config goes last", async () => {
    await main.stack.setConfig("directoryName", { value: "corp2.example.com" });
    await emulator.control.resetCalls();
    await main.stack.up();
    const order = await mutations(emulator, ["CreateDirectoryConfig", "DeleteDirectoryConfig", "UpdateFleet"]);
    expect(order).toEqual(["CreateDirectoryConfig", "UpdateFleet", "DeleteDirectoryConfig"]);
    expect((await directories()).map((d) => d.DirectoryName)).toEqual(["corp2.example.com"]);
  }, 240_000);

  it("destroys the fleet, then the directory config, leaving nothing behind", async () => {
    await emulator.control.resetCalls();
    await main.stack.destroy();
    expect(await mutations(emulator, ["DeleteFleet", "DeleteDirectoryConfig"])).toEqual([
      "DeleteFleet",
      "DeleteDirectoryConfig",
    ]);
    expect(await directories()).toEqual([]);
    expect(await emulator.control.resources("appstream:Fleet")).toEqual([]);
  }, 240_000);
});
