import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { nimbleService } from "../../emulator/services/nimble";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { loadSchema } from "../../provider/engine/schema-loader";
import { clientToken } from "../../provider/engine/wire";

const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/nimble:Studio::main";
const studioSchema = loadSchema("nimble:Studio");
const studio = {
  clientToken: (purpose: string, given: Record<string, unknown>) => clientToken(studioSchema, purpose, given),
};
const inputs = {
  __urn: urn,
  displayName: "Main",
  adminRoleArn: "arn:aws:iam::123456789012:role/a",
  userRoleArn: "arn:aws:iam::123456789012:role/u",
  studioName: "main1234567",
};

describe("client tokens", () => {
  it("are the same for the same resource, purpose and inputs, so a retry is idempotent", () => {
    expect(studio.clientToken("create", { ...inputs })).toBe(studio.clientToken("create", inputs));
    expect(studio.clientToken("create", inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differ by purpose, by resource and by the service inputs, but not by engine inputs", () => {
    const base = studio.clientToken("create", inputs);
    expect(studio.clientToken("delete:st-1", inputs)).not.toBe(base);
    expect(studio.clientToken("create#2", inputs)).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, __urn: urn.replace("::main", "::other") })).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, displayName: "Other" })).not.toBe(base);
    expect(studio.clientToken("create", { ...inputs, timeouts: { create: 5 } })).toBe(base);
  });

  it("stay within the service's length limit for client tokens", () => {
    expect(clientToken(loadSchema("appstream:Stack"), "create", {}).length).toBeLessThanOrEqual(64);
  });
});

describe("the client token a create sends", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorWith([nimbleService], { port: 0, transitionMs: 0 });
    setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  });
  afterAll(() => emulator?.close());

  it("is the derived one, the same on every create of the same resource, not a fresh random one", async () => {
    const first = await createResource("nimble:Studio", inputs);
    const second = await createResource("nimble:Studio", { ...inputs });
    expect(second.id).toBe(first.id);
    expect((await emulator.control.inputs("CreateStudio")).map((input) => input.clientToken)).toEqual([
      studio.clientToken("create", inputs),
      studio.clientToken("create", inputs),
    ]);
    expect(first.outs.__clientToken).toBe(studio.clientToken("create", inputs));
  });

  it("moves on to the next of its series once the first token's resource is gone", async () => {
    const other = { ...inputs, __urn: urn.replace("::main", "::series"), studioName: "series1234" };
    const first = await createResource("nimble:Studio", other);
    await deleteResource("nimble:Studio", first.id, first.outs);
    await emulator.control.resetCalls();
    const again = await createResource("nimble:Studio", other);
    expect(again.id).not.toBe(first.id);
    expect((await emulator.control.inputs("CreateStudio")).map((input) => input.clientToken)).toEqual([
      studio.clientToken("create", other),
      studio.clientToken("create#2", other),
    ]);
  });
});
