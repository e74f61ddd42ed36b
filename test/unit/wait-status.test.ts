// The status a wait shows on the resource's line in `pulumi up`: it names what it waits for (a
// deletion too), and it is cleared when the wait ends, so a "created" line keeps no stale suffix.
import { describe, expect, it, vi } from "vitest";

const statuses = vi.hoisted(() => {
  // The setup file wired the hooks in, which loaded the waiter with the real progress module: load
  // it again, with the mock below.
  vi.resetModules();
  return [] as Array<{ urn?: string; message: string; ephemeral?: boolean }>;
});
vi.mock("../../provider/engine/progress", () => ({
  report: async (urn: string | undefined, message: string, options: { ephemeral?: boolean } = {}) => {
    statuses.push({ urn, message, ephemeral: options.ephemeral });
  },
}));

import { waitFor, type Observation } from "../../provider/engine/waiter";
import { simulatedWait } from "../helpers/simulated-clock";

const states = (sequence: Array<Partial<Observation>>) => simulatedWait(sequence).spec;

const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/thinclient:Environment::office";

describe("the wait's status line", () => {
  it("names a deletion as what it waits for, then clears itself", async () => {
    statuses.length = 0;
    await waitFor({
      subject: "thinclient:Environment office",
      urn,
      pending: ["DELETING"],
      target: [],
      failed: [],
      goneIsTarget: true,
      timeoutMs: 60_000,
      ...states([{ state: "DELETING" }, { state: "DELETING" }, { gone: true }]),
    });
    expect(statuses.map((s) => s.message.replace(/[\d.]+s$/, "Ns"))).toEqual([
      "waiting for deletion: DELETING for Ns",
      "",
    ]);
    expect(statuses.every((s) => s.ephemeral && s.urn === urn)).toBe(true);
  });

  it("clears the status of a create once the target state is reached, and when the wait fails", async () => {
    statuses.length = 0;
    await waitFor({
      subject: "appstream:Fleet f",
      urn,
      pending: ["STARTING"],
      target: ["RUNNING"],
      failed: [],
      timeoutMs: 60_000,
      ...states([{ state: "STARTING" }, { state: "STARTING" }, { state: "RUNNING" }]),
    });
    expect(statuses.at(-1)?.message).toBe("");
    expect(statuses[0].message).toMatch(/^waiting for RUNNING: STARTING for [\d.]+s$/);
    statuses.length = 0;
    const failing = states([{ state: "STARTING" }, { state: "STARTING" }, { state: "STOPPED" }]);
    await expect(
      waitFor({
        subject: "appstream:Fleet f",
        urn,
        pending: ["STARTING"],
        target: ["RUNNING"],
        failed: ["STOPPED"],
        timeoutMs: 60_000,
        ...failing,
      }),
    ).rejects.toThrow(/STOPPED/);
    expect(statuses.at(-1)?.message).toBe("");
  });
});
