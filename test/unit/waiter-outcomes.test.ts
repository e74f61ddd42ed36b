// How a wait ends, in the words the user reads: a resource that disappears, fails with or without the
// service's detail, lands in a state that leads nowhere, or outlasts its timeout; and how often it
// looks (backoff, predictive looks around the usual duration, what it learns).
import { describe, expect, it } from "vitest";
import { longestPause, nextPollAt, predictive, waitFor, WaitError, type WaitSpec } from "../../provider/engine/waiter";
import { simulatedWait as simulated } from "../helpers/simulated-clock";

const fleet = {
  subject: "appstream:Fleet render (render)",
  pending: ["STARTING"],
  target: ["RUNNING"],
  failed: [],
  timeoutMs: 60_000,
};

async function failure(spec: WaitSpec): Promise<WaitError> {
  const error = await waitFor(spec).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WaitError);
  return error as WaitError;
}

describe("how a wait fails", () => {
  it("says the resource disappeared, and what it waited for", async () => {
    const sim = simulated([{ state: "STARTING" }, { gone: true }]);
    const error = await failure({ ...fleet, ...sim.spec });
    expect(error.message).toBe("appstream:Fleet render (render) disappeared while waiting for RUNNING");
    expect(error.reasons).toEqual(["gone"]);
    expect(error.name).toBe("WaitError");
  });

  it("says a wait without target states waited for a stable state", async () => {
    const sim = simulated([{ state: "UPDATING" }, { gone: true }]);
    const error = await failure({ ...fleet, pending: ["UPDATING"], target: [], ...sim.spec });
    expect(error.message).toBe("appstream:Fleet render (render) disappeared while waiting for a stable state");
  });

  it("names only the detail the service gave: errors without a status code or state", async () => {
    const sim = simulated([{ errors: ["IAM_SERVICE_ROLE_IS_MISSING: the role is missing"] }]);
    const error = await failure({ ...fleet, ...sim.spec });
    expect(error.message).toBe(
      "appstream:Fleet render (render) is in error after 0.0s: IAM_SERVICE_ROLE_IS_MISSING: the role is missing",
    );
    expect(error.reasons).toEqual(["IAM_SERVICE_ROLE_IS_MISSING: the role is missing"]);
  });

  it("ends a failed state with no detail at the elapsed time", async () => {
    const sim = simulated([{ state: "STARTING" }, { state: "FAILED" }]);
    const error = await failure({ ...fleet, failed: ["FAILED"], ...sim.spec });
    expect(error.message).toMatch(/^appstream:Fleet render \(render\) is FAILED after \d+\.\ds$/);
    expect(error.reasons).toEqual([]);
    expect(error.observation.state).toBe("FAILED");
  });

  it("refuses a state that leads to none of the targets, naming it and the service's detail", async () => {
    const sim = simulated([{ state: "STOPPED", statusMessage: "Stopped by its owner" }]);
    const error = await failure({ ...fleet, target: ["RUNNING"], goneIsTarget: true, ...sim.spec });
    expect(error.message).toBe(
      "appstream:Fleet render (render) is in state STOPPED, which leads to neither RUNNING nor deletion: Stopped by its owner",
    );
    expect(error.reasons).toEqual(["STOPPED"]);
    expect(sim.looks).toHaveLength(1);
  });

  it("gives up at the timeout with the state it is stuck in as the reason", async () => {
    const sim = simulated([{ state: "STARTING" }]);
    const error = await failure({ ...fleet, timeoutMs: 6_000, ...sim.spec });
    expect(error.message).toMatch(
      /^appstream:Fleet render \(render\) is still STARTING after 6\.0s, past its timeout of 0\.1 min; it stays in the stack/,
    );
    expect(error.reasons).toEqual(["timeout in STARTING"]);
    // The last look is at the timeout, not past it.
    expect(sim.looks.at(-1)).toBe(6_000);
  });
});

describe("which states end a wait", () => {
  it("fails on a target state that comes with errors, naming them", async () => {
    const sim = simulated([
      { state: "STARTING" },
      { state: "RUNNING", errors: ["DOMAIN_JOIN_ERROR_ACCESS_DENIED: denied"] },
    ]);
    const error = await failure({ ...fleet, ...sim.spec });
    expect(error.message).toMatch(
      /^appstream:Fleet render \(render\) is RUNNING after \d+\.\ds: DOMAIN_JOIN_ERROR_ACCESS_DENIED: denied$/,
    );
    expect(error.reasons).toEqual(["DOMAIN_JOIN_ERROR_ACCESS_DENIED: denied"]);
  });

  it("ends at whichever of several target states comes", async () => {
    const sim = simulated([{ state: "PENDING" }, { state: "STOPPED" }]);
    const result = await waitFor({ ...fleet, pending: ["PENDING"], target: ["RUNNING", "STOPPED"], ...sim.spec });
    expect(result.state).toBe("STOPPED");
    expect(sim.looks).toHaveLength(2);
  });

  it("fails on whichever of several failed states comes, as a failure rather than a state that leads nowhere", async () => {
    const sim = simulated([{ state: "STARTING" }, { state: "UPDATE_FAILED" }]);
    const error = await failure({ ...fleet, failed: ["CREATE_FAILED", "UPDATE_FAILED"], ...sim.spec });
    expect(error.message).toMatch(/^appstream:Fleet render \(render\) is UPDATE_FAILED after \d+\.\ds$/);
  });

  it("keeps waiting through a read that reports no state yet", async () => {
    const sim = simulated([{ state: "STARTING" }, {}, { state: "RUNNING" }]);
    const result = await waitFor({ ...fleet, ...sim.spec });
    expect(result.state).toBe("RUNNING");
    expect(sim.looks).toHaveLength(3);
  });
});

describe("how often a wait looks", () => {
  it("after the usual duration, looks again half the overrun later, at least the fine step and never longer than a first wait would pause", () => {
    const usual = 60_000;
    expect(nextPollAt(usual + 4_000, usual)).toBe(usual + 4_000 + 2_000);
    expect(nextPollAt(usual + 100, usual)).toBe(usual + 100 + predictive.fineMs);
    expect(nextPollAt(usual + 60_000, usual)).toBe(usual + 60_000 + longestPause(usual + 60_000));
  });

  it("learns the midpoint between the last pending look and the first that found it done", async () => {
    const learned: Array<[string, number]> = [];
    const store = { expectedMs: () => undefined, record: (key: string, ms: number) => learned.push([key, ms]) };
    const sim = simulated([{ state: "STARTING" }, { state: "STARTING" }, { state: "RUNNING" }]);
    await waitFor({ ...fleet, history: { store, key: "fleet-start" }, ...sim.spec });
    expect(learned).toEqual([["fleet-start", (sim.looks[1] + sim.looks[2]) / 2]]);
  });

  it("learns nothing from a transition that was over at the first look", async () => {
    const learned: number[] = [];
    const store = { expectedMs: () => undefined, record: (_key: string, ms: number) => learned.push(ms) };
    const sim = simulated([{ state: "RUNNING" }]);
    await waitFor({ ...fleet, history: { store, key: "fleet-start" }, ...sim.spec });
    expect(learned).toEqual([]);
  });
});
