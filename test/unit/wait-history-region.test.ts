// What a wait is remembered under when the provider talks to AWS rather than a local endpoint: the
// region (durations differ from one region to the next), or "default" when the program names none
// and the SDK's own region chain decides. A wait whose first look already finds the target reads
// nothing, so these waits send no call.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runtimeConfig, setRuntimeConfig, type RuntimeConfig } from "../../provider/engine/config";
import { waitForPhase } from "../../provider/engine/lifecycle";
import { contextFor } from "../../provider/engine/resource-context";
import { defaultWaitHistory, useWaitHistory, type WaitHistory } from "../../provider/engine/wait-history";

let originalConfig: RuntimeConfig;
let originalHistory: WaitHistory;
let asked: string[] = [];

beforeEach(() => {
  originalConfig = runtimeConfig();
  originalHistory = defaultWaitHistory();
  asked = [];
  useWaitHistory({
    expectedMs: (key) => void asked.push(key),
    record: () => undefined,
  });
});
afterEach(() => {
  setRuntimeConfig(originalConfig);
  useWaitHistory(originalHistory);
});

async function studioCreateWaitKey(): Promise<string[]> {
  const ctx = contextFor("nimble:Studio", { __urn: "urn:pulumi:test::aws::pulumi-nodejs:dynamic/nimble:Studio::s" });
  const ready = { gone: false, state: "READY", errors: [], outputs: { studioId: "stid-1", state: "READY" } };
  const phase = { pending: ["CREATE_IN_PROGRESS"], target: ["READY"], failed: ["CREATE_FAILED"] };
  const observed = await waitForPhase(ctx, phase, { studioId: "stid-1" }, 60_000, false, ready);
  expect(observed).toBe(ready);
  return asked;
}

describe("a wait against AWS", () => {
  it("is remembered under the region the program names", async () => {
    setRuntimeConfig({ region: "eu-west-1" });
    expect(await studioCreateWaitKey()).toEqual(["aws eu-west-1|nimble:Studio|CREATE_IN_PROGRESS>READY"]);
  });

  it("is remembered under the default region when the program names none", async () => {
    setRuntimeConfig({});
    expect(await studioCreateWaitKey()).toEqual(["aws default|nimble:Studio|CREATE_IN_PROGRESS>READY"]);
  });
});
