// The engine against the local endpoint over HTTP with the real SDK: create, wait, read for import,
// update, client-token idempotency, partial initialization and deletion.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { updateResource } from "../../provider/engine/update";
import { setRuntimeConfig } from "../../provider/engine/config";

const type = "nimble:Studio";
let emulator: RunningEmulator;
let sequence = 0;

function studioInputs(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = checkResource(
    type,
    {},
    {
      __urn: `urn:pulumi:test::engine::pulumi-nodejs:dynamic/nimble:Studio::studio${++sequence}`,
      displayName: "Engine test",
      adminRoleArn: "arn:aws:iam::123456789012:role/admin",
      userRoleArn: "arn:aws:iam::123456789012:role/user",
      tags: { team: "euc" },
      ...overrides,
    },
  );
  expect(failures).toEqual([]);
  return inputs;
}

async function counter(operation: string): Promise<number> {
  return (await emulator.control.calls()).counts[`nimble:${operation}`] ?? 0;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([nimbleService], { port: 0, transitionMs: 30 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("the engine on nimble:Studio", () => {
  it("creates, waits for READY, and returns every output", async () => {
    const inputs = studioInputs();
    const { id, outs } = await createResource(type, inputs);
    expect(outs).toMatchObject({
      studioId: id,
      state: "READY",
      displayName: "Engine test",
      studioName: inputs.studioName,
      tags: { team: "euc" },
    });
    expect(outs.arn).toMatch(/^arn:aws:nimble:/);
    expect(await counter("CreateStudio")).toBe(1);
    expect(await counter("GetStudio")).toBeGreaterThanOrEqual(1);
  });

  it("sends the same client token again, so a retried create makes no second studio", async () => {
    const inputs = studioInputs();
    const first = await createResource(type, inputs);
    const second = await createResource(type, inputs);
    expect(second.id).toBe(first.id);
    const studios = (await emulator.control.resources("nimble:Studio")).filter(
      (r) => r.attributes.studioName === inputs.studioName,
    );
    expect(studios).toHaveLength(1);
  });

  it("reads by id alone what a program needs to reproduce the studio", async () => {
    const inputs = studioInputs({ displayName: "Imported" });
    const { id } = await createResource(type, inputs);
    const read = await readResource(type, id, {});
    expect(read.id).toBe(id);
    expect(read.inputs).toMatchObject({
      studioName: inputs.studioName,
      displayName: "Imported",
      adminRoleArn: inputs.adminRoleArn,
      userRoleArn: inputs.userRoleArn,
      tags: { team: "euc" },
    });
  });

  it("updates in place and waits for the update to finish", async () => {
    const inputs = studioInputs();
    const { id, outs } = await createResource(type, inputs);
    const updated = await updateResource(type, id, outs, { ...inputs, displayName: "Renamed" });
    expect(updated.outs).toMatchObject({ displayName: "Renamed", state: "READY" });
    expect(await counter("UpdateStudio")).toBe(1);
  });

  it("keeps a studio whose create failed: the error carries its id and state", async () => {
    await emulator.control.failNextCreate(
      "nimble:Studio",
      "ENCRYPTION_KEY_ACCESS_DENIED",
      "The key policy denies Nimble Studio",
    );
    const error = await createResource(type, studioInputs()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    const init = error as ResourceInitError;
    expect(init.id).toMatch(/.+/);
    expect(init.properties).toMatchObject({
      studioId: init.id,
      state: "CREATE_FAILED",
      statusCode: "ENCRYPTION_KEY_ACCESS_DENIED",
    });
    expect(init.message).toContain("ENCRYPTION_KEY_ACCESS_DENIED; The key policy denies Nimble Studio");
  });

  it("deletes, waits until the studio is gone, and treats a second delete as done", async () => {
    const { id, outs } = await createResource(type, studioInputs());
    await deleteResource(type, id, outs);
    expect(await readResource(type, id, outs)).toEqual({});
    await deleteResource(type, id, outs);
  });

  it.each([
    ["throttled", { throttlePercent: 40, seed: 7 }],
    ["server-error", { serverErrorPercent: 40, seed: 1 }],
  ] as const)(
    "rides out %s calls with the SDK's bounded retries, creating exactly one studio",
    async (outcome, faults) => {
      await emulator.control.setFaults(faults);
      try {
        const { outs } = await createResource(type, studioInputs());
        expect(outs.state).toBe("READY");
        const outcomes = (await emulator.control.calls()).log.map((entry) => entry.outcome);
        expect(outcomes).toContain(outcome);
        const studios = (await emulator.control.resources("nimble:Studio")).filter(
          (r) => r.attributes.studioName === outs.studioName,
        );
        expect(studios).toHaveLength(1);
      } finally {
        await emulator.control.clearFaults();
      }
    },
  );

  it("gives up after the bounded attempts when the service keeps failing", async () => {
    setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2", maxAttempts: 2 });
    await emulator.control.setFaults({ serverErrorPercent: 100, seed: 1 });
    try {
      await expect(createResource(type, studioInputs())).rejects.toThrow(
        /CreateStudio failed: InternalServerErrorException/,
      );
      expect((await emulator.control.calls()).counts["nimble:CreateStudio"]).toBe(2);
    } finally {
      await emulator.control.clearFaults();
      setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
    }
  });

  it("reports an adoptId that does not exist, naming the property", async () => {
    await expect(createResource(type, studioInputs({ adoptId: "st-doesnotexist" }))).rejects.toThrow(
      /adoptId: nimble:Studio "st-doesnotexist" does not exist/,
    );
  });
});
