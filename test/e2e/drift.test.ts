// The drift command as CI runs it: the package's bin against a stack after out-of-band changes.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TagResourceCommand } from "@aws-sdk/client-workspaces-thin-client";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import type { DriftReport } from "../../provider/cli/drift";
import { programStack, repoRoot, type ProgramStack } from "../helpers/pulumi-stack";

const run = promisify(execFile);
let emulator: RunningEmulator;
let program: ProgramStack;

async function drift(): Promise<{ code: number; stdout: string; report: DriftReport; markdown: string }> {
  const json = path.join(program.programDir, "drift.json");
  const markdown = path.join(program.programDir, "drift.md");
  const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
  const args = [bin, "drift", "--stack", "e2e", "--cwd", program.programDir, "--json", json, "--markdown", markdown];
  const outcome = await run(process.execPath, args, { env: { ...process.env, ...program.env } }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: `${e.stdout}${e.stderr}` }),
  );
  return { ...outcome, report: JSON.parse(fs.readFileSync(json, "utf8")) as DriftReport, markdown: fs.readFileSync(markdown, "utf8") };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  program = await programStack("examples/full", { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
  await program.stack.up();
}, 240_000);
afterAll(async () => {
  await program?.stack.destroy().catch(() => undefined);
  await program?.cleanup();
  await emulator?.close();
});

describe("pulumi-aws-euc drift", () => {
  it("exits 0 and says so when nothing drifted", async () => {
    const result = await drift();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no drift: \d+ resources of stack e2e match their state/);
    expect(result.report.drifted).toEqual([]);
    expect(result.markdown).toContain("No drift");
  }, 120_000);

  it("exits 2 and names exactly the changed properties with both values, and deleted resources", async () => {
    const outputs = await program.stack.outputs();
    const fleet = outputs.appstreamFleet.value as string;
    const builder = outputs.appstreamImageBuilder.value as string;
    const launchProfileId = outputs.launchProfileId.value as string;
    const environmentId = outputs.thinClientEnvironmentId.value as string;
    // What someone might do in the console.
    await emulator.control.mutate("appstream:Fleet", fleet, { DisplayName: "Renamed in the console" });
    await emulator.control.mutate("nimble:LaunchProfile", launchProfileId, { description: "Edited by hand" });
    const environment = await emulator.control.resource("thinclient:Environment", environmentId);
    await createAwsClients({ endpoint: emulator.url }).thinClient.send(new TagResourceCommand({ resourceArn: String(environment?.attributes.arn), tags: { team: "operations" } }));
    await emulator.control.deleteResource("appstream:ImageBuilder", builder);

    const result = await drift();
    expect(result.code).toBe(2);
    const byName = Object.fromEntries(result.report.drifted.map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(["design-fleet", "design-packaging", "front-desk", "lighting"]);
    expect(byName["design-fleet"]).toMatchObject({ type: "appstream:Fleet", status: "changed", id: fleet });
    expect(byName["design-fleet"].properties).toEqual([{ property: "displayName", expected: "Design applications", live: "Renamed in the console" }]);
    expect(byName.lighting).toMatchObject({ type: "nimble:LaunchProfile", status: "changed" });
    expect(byName.lighting.properties).toEqual([{ property: "description", expected: "Lighting workstations", live: "Edited by hand" }]);
    expect(byName["front-desk"]).toMatchObject({ type: "thinclient:Environment", status: "changed", id: environmentId });
    expect(byName["front-desk"].properties).toEqual([{ property: "tags.team", expected: "facilities", live: "operations" }]);
    expect(byName["design-packaging"]).toMatchObject({ type: "appstream:ImageBuilder", status: "deleted", properties: [] });
    expect(result.stdout).toContain("drift in 4 of");
    expect(result.markdown).toContain('| `appstream:Fleet` design-fleet | `displayName` | `"Design applications"` | `"Renamed in the console"` |');
    expect(result.markdown).toContain("**deleted out of band**");

    await program.stack.up({ refresh: true });
    const repaired = await drift();
    expect(repaired.code).toBe(0);
    expect(repaired.report.drifted).toEqual([]);
  }, 300_000);

  it("exits 1 with the error text when the stack does not exist", async () => {
    const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
    const failure = await run(process.execPath, [bin, "drift", "--stack", "no-such-stack", "--cwd", program.programDir], { env: { ...process.env, ...program.env } }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/^error: .*no-such-stack/m);
  }, 120_000);
});
