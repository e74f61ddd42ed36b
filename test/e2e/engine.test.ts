// The engine's promises, checked through the real CLI: half-created resources stay in state and are
// repaired, refresh shows drift property by property, adoption takes over without a diff, and the
// provider in state is a one-line loader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, stateResource, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  program = await programStack("test/e2e/programs/studio-basic", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
});
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

function changedProperties(events: EngineEvent[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of events) {
    const m = e.resourcePreEvent?.metadata;
    if (m && m.op !== "same" && m.type.includes("dynamic")) out[`${m.op} ${m.urn.split("::").pop()}`] = m.diffs ?? [];
  }
  return out;
}

const studios = async () =>
  (await emulator.control.resources("nimble:Studio")).filter((s) => s.attributes.state !== "DELETED");

describe("the engine through the real CLI", () => {
  it("keeps a studio whose create failed in state, and the next up replaces it with a working one", async () => {
    await emulator.control.failNextCreate("nimble:Studio", "ENCRYPTION_KEY_NOT_FOUND", "The studio key is missing");
    const failed = await program.stack.up().catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(String((failed as Error).message)).toContain("ENCRYPTION_KEY_NOT_FOUND; The studio key is missing");
    const kept = await stateResource(program.stack, "pulumi-nodejs:dynamic/nimble:Studio");
    expect(kept?.outputs?.state).toBe("CREATE_FAILED");
    expect(kept?.initErrors?.length).toBeGreaterThan(0);
    const brokenId = kept?.id;

    const repaired = await program.stack.up();
    expect(repaired.summary.resourceChanges).toMatchObject({ replace: 1 });
    expect(repaired.outputs.studioState.value).toBe("READY");
    expect(repaired.outputs.studioId.value).not.toBe(brokenId);
    expect((await studios()).map((s) => s.id)).toEqual([repaired.outputs.studioId.value]);
  }, 240_000);

  it("shows an out-of-band change after refresh as a diff of that property, and up repairs it", async () => {
    const id = (await program.stack.outputs()).studioId.value as string;
    await emulator.control.mutate("nimble:Studio", id, { displayName: "Changed in the console" });
    await program.stack.refresh();
    const events: EngineEvent[] = [];
    const preview = await program.stack.preview({ onEvent: (e) => events.push(e) });
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    expect(changedProperties(events)).toEqual({ "update main": ["displayName"] });
    await program.stack.up();
    expect((await emulator.control.resource("nimble:Studio", id))?.attributes.displayName).toBe("Main studio");
  }, 240_000);

  it("stores a provider of a few hundred bytes that loads the installed package", async () => {
    const studio = await stateResource(program.stack, "pulumi-nodejs:dynamic/nimble:Studio");
    const provider = String(studio?.outputs?.__provider);
    expect(provider).toContain('require("pulumi-aws-euc/dist/provider/dynamic-provider.js")');
    expect(Buffer.byteLength(provider)).toBeLessThan(1024);
  });

  it("adopts an existing studio by id with no diff on the next preview", async () => {
    const existing = (await program.stack.outputs()) as Record<string, { value: string }>;
    // Forget it from this stack, then take it over again by id.
    await program.stack.workspace.removeStack("e2e", { force: true });
    const adopter = await programStack("test/e2e/programs/studio-basic", {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
      adoptId: existing.studioId.value,
    });
    const createsBefore = (await emulator.control.calls()).counts["nimble:CreateStudio"];
    try {
      const up = await adopter.stack.up();
      expect(up.summary.resourceChanges).toMatchObject({ create: 2 });
      expect(up.outputs.studioId.value).toBe(existing.studioId.value);
      expect((await emulator.control.calls()).counts["nimble:CreateStudio"]).toBe(createsBefore);
      const preview = await adopter.stack.preview();
      expect(preview.changeSummary).toEqual({ same: 2 });
    } finally {
      await adopter.stack.destroy();
      await adopter.cleanup();
    }
    expect(await studios()).toEqual([]);
  }, 240_000);
});
