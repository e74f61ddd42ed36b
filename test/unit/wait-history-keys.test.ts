// What a wait is remembered under for a local endpoint and for a phase of several states: the endpoint
// without its port (a restarted endpoint on another port keeps its history), an IPv6 host's colons
// kept, and the pending and target states each listed in full. A wait whose first look already finds
// the target reads nothing, so these waits send no call.
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
  useWaitHistory({ expectedMs: (key) => void asked.push(key), record: () => undefined });
});
afterEach(() => {
  setRuntimeConfig(originalConfig);
  useWaitHistory(originalHistory);
});

/** The key a session's wait through `pending` to `target` is remembered under; the session is already READY. */
async function sessionWaitKey(pending: string[], target: string[]): Promise<string[]> {
  const ctx = contextFor("nimble:StreamingSession", {
    __urn: "urn:pulumi:test::aws::pulumi-nodejs:dynamic/nimble:StreamingSession::s",
  });
  const scope = { studioId: "stid-1", sessionId: "ss-1" };
  const ready = { gone: false, state: "READY", errors: [], outputs: { ...scope, state: "READY" } };
  const observed = await waitForPhase(ctx, { pending, target, failed: [] }, scope, 60_000, false, ready);
  expect(observed).toBe(ready);
  return asked;
}

describe("a wait against a local endpoint", () => {
  it("is remembered under the endpoint without its port, an IPv6 host whole", async () => {
    setRuntimeConfig({ endpoint: "http://[::1]:4566", region: "us-west-2" });
    expect(await sessionWaitKey(["CREATE_IN_PROGRESS"], ["READY"])).toEqual([
      "endpoint http://[::1]|nimble:StreamingSession|CREATE_IN_PROGRESS>READY",
    ]);
  });
});

describe("a wait for a phase of several states", () => {
  it("is remembered under every pending and target state", async () => {
    setRuntimeConfig({ region: "eu-west-1" });
    expect(
      await sessionWaitKey(["CREATE_IN_PROGRESS", "START_IN_PROGRESS", "STOP_IN_PROGRESS"], ["READY", "STOPPED"]),
    ).toEqual([
      "aws eu-west-1|nimble:StreamingSession|CREATE_IN_PROGRESS,START_IN_PROGRESS,STOP_IN_PROGRESS>READY,STOPPED",
    ]);
  });
});
