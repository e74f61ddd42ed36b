// The drift command as CI runs it: the package's bin against a stack after out-of-band changes.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TagResourceCommand } from "@aws-sdk/client-workspaces-thin-client";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients } from "../../provider/aws-clients";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { DriftReport } from "../../provider/cli/report";
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
  return {
    ...outcome,
    report: JSON.parse(fs.readFileSync(json, "utf8")) as DriftReport,
    markdown: fs.readFileSync(markdown, "utf8"),
  };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  program = await programStack("examples/full", { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" });
  await program.stack.up();
}, 240_000);
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("pulumi-aws-euc drift", () => {
  it("exits 0 and says so when nothing drifted", async () => {
    const result = await drift();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no drift: \d+ resources of stack e2e match their state/);
    expect(result.report.stacks[0].drifted).toEqual([]);
    expect(result.markdown).toContain("No drift");
  }, 120_000);

  it("never reports what the service changes by itself: statuses, live counts, timestamps, autoscaled capacity, for each type", async () => {
    const outputs = await program.stack.outputs();
    const later = (value: unknown) =>
      typeof value === "number" ? value + 3600 : new Date(Date.parse(String(value)) + 3600_000).toISOString();
    // What the services and their users do between two checks, one record per resource type of the example.
    const changes: [string, string, (a: Record<string, unknown>) => Record<string, unknown>][] = [
      [
        "appstream:Fleet",
        outputs.appstreamFleet.value as string,
        () => ({ ComputeCapacityStatus: { Desired: 5, Running: 5, InUse: 3, Available: 2 } }),
      ],
      ["appstream:Stack", outputs.appstreamStack.value as string, (a) => ({ CreatedTime: later(a.CreatedTime) })],
      [
        "appstream:ImageBuilder",
        outputs.appstreamImageBuilder.value as string,
        () => ({ StateChangeReason: { Code: "INTERNAL_ERROR", Message: "Stopped for maintenance" } }),
      ],
      [
        "nimble:Studio",
        outputs.studioId.value as string,
        (a) => ({ statusMessage: "Studio is healthy", updatedAt: later(a.updatedAt) }),
      ],
      [
        "nimble:LaunchProfile",
        outputs.launchProfileId.value as string,
        (a) => ({ updatedAt: later(a.updatedAt), updatedBy: "AROAEXAMPLE:admin" }),
      ],
      [
        "nimble:StreamingSession",
        outputs.workstationId.value as string,
        (a) => ({ stopAt: later(a.stopAt ?? a.updatedAt), updatedAt: later(a.updatedAt) }),
      ],
      [
        "thinclient:Environment",
        outputs.thinClientEnvironmentId.value as string,
        (a) => ({ updatedAt: later(a.updatedAt) }),
      ],
      [
        "thinclient:Device",
        "tcdevice0000000000000001",
        (a) => ({
          lastConnectedAt: later(a.lastConnectedAt ?? a.updatedAt),
          lastUserId: "visitor-12",
          softwareSetUpdateStatus: "IN_PROGRESS",
        }),
      ],
    ];
    for (const [kind, id, patch] of changes) {
      const record = await emulator.control.resource(kind, id);
      expect(record, `${kind} ${id}`).toBeDefined();
      await emulator.control.mutate(kind, id, patch(record?.attributes ?? {}));
    }
    const result = await drift();
    expect(result.report.stacks[0].drifted).toEqual([]);
    expect(result.code).toBe(0);

    // The refresh itself sees every one of those changes: they are left out by the schemas' serviceManaged lists.
    const seen = new Set<string>();
    await program.stack.previewRefresh({
      onEvent: (event) => {
        const meta = event.resOutputsEvent?.metadata;
        if (!meta?.old || !meta.new || !meta.type.startsWith("pulumi-nodejs:dynamic/")) return;
        const type = meta.type.replace("pulumi-nodejs:dynamic/", "");
        const managed = loadSchema(type).serviceManaged ?? [];
        for (const key of managed)
          if (JSON.stringify(meta.old.outputs?.[key]) !== JSON.stringify(meta.new.outputs?.[key])) seen.add(type);
      },
    });
    expect([...seen].sort()).toEqual(changes.map(([kind]) => kind).sort());
  }, 240_000);

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
    await createAwsClients({ endpoint: emulator.url }).thinClient.send(
      new TagResourceCommand({ resourceArn: String(environment?.attributes.arn), tags: { team: "operations" } }),
    );
    await emulator.control.deleteResource("appstream:ImageBuilder", builder);

    const result = await drift();
    expect(result.code).toBe(2);
    const byName = Object.fromEntries(result.report.stacks[0].drifted.map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(["design-fleet", "design-packaging", "front-desk", "lighting"]);
    expect(byName["design-fleet"]).toMatchObject({ type: "appstream:Fleet", status: "changed", id: fleet });
    expect(byName["design-fleet"].properties).toEqual([
      { property: "displayName", expected: "Design applications", live: "Renamed in the console" },
    ]);
    expect(byName.lighting).toMatchObject({ type: "nimble:LaunchProfile", status: "changed" });
    expect(byName.lighting.properties).toEqual([
      { property: "description", expected: "Lighting workstations", live: "Edited by hand" },
    ]);
    expect(byName["front-desk"]).toMatchObject({
      type: "thinclient:Environment",
      status: "changed",
      id: environmentId,
    });
    expect(byName["front-desk"].properties).toEqual([
      { property: "tags.team", expected: "facilities", live: "operations" },
    ]);
    expect(byName["design-packaging"]).toMatchObject({
      type: "appstream:ImageBuilder",
      status: "deleted",
      properties: [],
    });
    expect(result.stdout).toContain("drift in 4 of");
    expect(result.markdown).toContain(
      '| `appstream:Fleet` design-fleet | `displayName` | `"Design applications"` | `"Renamed in the console"` |',
    );
    expect(result.markdown).toContain("**deleted out of band**");
    expect(result.markdown).toContain("Run `pulumi up --refresh` to put them back");
    expect(result.markdown).not.toMatch(/Run `pulumi up` /);

    await program.stack.up({ refresh: true });
    const repaired = await drift();
    expect(repaired.code).toBe(0);
    expect(repaired.report.stacks[0].drifted).toEqual([]);
  }, 300_000);

  it("exits 1 with the error text when the stack does not exist", async () => {
    const bin = path.join(repoRoot, "node_modules/pulumi-aws-euc/dist/provider/cli/main.js");
    const failure = await run(
      process.execPath,
      [bin, "drift", "--stack", "no-such-stack", "--cwd", program.programDir],
      { env: { ...process.env, ...program.env } },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(1);
    expect((failure as { stderr: string }).stderr).toMatch(/^error: stack no-such-stack: .*no-such-stack/m);
  }, 120_000);
});
