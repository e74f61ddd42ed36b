// Standalone mode: emulator processes started one after the other on the same state file share
// their resources; the file is rewritten atomically after every mutating call.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  CreateFleetCommand,
  CreateStackCommand,
  DescribeFleetsCommand,
  DescribeStacksCommand,
  StartFleetCommand,
  TagResourceCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-appstream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EmulatorControl } from "../../emulator/control-client";
import { startEmulatorWith } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { appStreamClient, fleetInput } from "./support";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "euc-emulator-state-"));
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source (transpile-only), so the test does not depend on a build of dist/. */
async function startCli(stateFile: string, transitionMs: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      "emulator/cli.ts",
      "--port",
      "0",
      "--state-file",
      stateFile,
      "--transition-ms",
      String(transitionMs),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.add(child);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolveUrl, reject) => {
    lines.once("line", resolveUrl);
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once("exit", (code) => done(code));
  });
}

// Each test starts emulator processes from TypeScript sources (ts-node); on a busy machine that alone
// can take longer than the suite's default per-test time, which says nothing about persistence.
describe("two emulator processes on one state file", { timeout: 300_000 }, () => {
  it("the second process sees what the first created, and pending transitions resume", async () => {
    const stateFile = join(dir, "shared.json");
    const first = await startCli(stateFile, 60_000);
    const client1 = appStreamClient(first.url);
    const { Fleet } = await client1.send(new CreateFleetCommand(fleetInput("persisted")));
    await client1.send(new TagResourceCommand({ ResourceArn: Fleet!.Arn!, Tags: { owner: "first" } }));
    await client1.send(new StartFleetCommand({ Name: "persisted" }));
    client1.destroy();
    first.child.kill("SIGTERM");
    expect(await exited(first.child)).toBe(0);

    const second = await startCli(stateFile, 60_000);
    const client2 = appStreamClient(second.url);
    const fleet = (await client2.send(new DescribeFleetsCommand({ Names: ["persisted"] }))).Fleets![0];
    expect(fleet).toMatchObject({ Name: "persisted", State: "STARTING" });
    expect((await client2.send(new ListTagsForResourceCommand({ ResourceArn: Fleet!.Arn! }))).Tags).toEqual({
      owner: "first",
    });
    await new EmulatorControl(second.url).advance(60_000);
    expect((await client2.send(new DescribeFleetsCommand({ Names: ["persisted"] }))).Fleets![0].State).toBe("RUNNING");
    client2.destroy();
    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
  });

  it("every mutating call is on disk at once: a SIGKILLed emulator loses nothing", async () => {
    const stateFile = join(dir, "killed.json");
    const first = await startCli(stateFile, 0);
    const client1 = appStreamClient(first.url);
    await client1.send(new CreateStackCommand({ Name: "survivor" }));
    client1.destroy();
    first.child.kill("SIGKILL");
    await exited(first.child);

    const second = await startCli(stateFile, 0);
    const client2 = appStreamClient(second.url);
    expect((await client2.send(new DescribeStacksCommand({}))).Stacks?.map((s) => s.Name)).toEqual(["survivor"]);
    client2.destroy();
    // Only the state file: the temporary file of each atomic write was renamed over it.
    expect(readdirSync(dir).filter((f) => f.startsWith("killed"))).toEqual(["killed.json"]);
  });
});

describe("in-process emulators", () => {
  it("are in memory without a state file", async () => {
    const a = await startEmulatorWith([appstreamService], { transitionMs: 0 });
    const client = appStreamClient(a.url);
    await client.send(new CreateStackCommand({ Name: "ephemeral" }));
    client.destroy();
    await a.close();
    const b = await startEmulatorWith([appstreamService], { transitionMs: 0 });
    const client2 = appStreamClient(b.url);
    expect((await client2.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    client2.destroy();
    await b.close();
  });

  it("persist when given a state file", async () => {
    const stateFile = join(dir, "in-process.json");
    const a = await startEmulatorWith([appstreamService], { transitionMs: 0, stateFile });
    const client = appStreamClient(a.url);
    await client.send(new CreateStackCommand({ Name: "kept" }));
    client.destroy();
    await a.close();
    const b = await startEmulatorWith([appstreamService], { transitionMs: 0, stateFile });
    const client2 = appStreamClient(b.url);
    expect((await client2.send(new DescribeStacksCommand({}))).Stacks?.map((s) => s.Name)).toEqual(["kept"]);
    client2.destroy();
    await b.close();
  });
});
