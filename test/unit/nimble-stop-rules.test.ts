// Whether a Nimble launch profile lets its streaming sessions be stopped, in the words the preview's
// refusal gives: without persistence never; with automatic termination ACTIVATED only when stopped
// sessions may last (maxStoppedSessionLengthInMinutes above 0, which is not the default).
import { describe, expect, it } from "vitest";
import { whyStopIsRefused } from "../../provider/hooks/nimble-stop-rules";

const noPersistence = "its sessionPersistenceMode is not ACTIVATED";
const noStoppedTime = "its automaticTerminationMode is ACTIVATED with maxStoppedSessionLengthInMinutes 0";

describe("whyStopIsRefused", () => {
  it.each([
    ["no persistence mode at all", {}],
    ["persistence DEACTIVATED", { sessionPersistenceMode: "DEACTIVATED" }],
    [
      "persistence DEACTIVATED, even with a stopped time allowed",
      {
        sessionPersistenceMode: "DEACTIVATED",
        automaticTerminationMode: "ACTIVATED",
        maxStoppedSessionLengthInMinutes: 60,
      },
    ],
  ])("refuses with %s: its sessionPersistenceMode is not ACTIVATED", (_, config) => {
    expect(whyStopIsRefused(config)).toBe(noPersistence);
  });

  it.each([
    ["left out (its default, 0)", {}],
    ["0", { maxStoppedSessionLengthInMinutes: 0 }],
  ])("refuses with automatic termination ACTIVATED and maxStoppedSessionLengthInMinutes %s", (_, length) => {
    expect(
      whyStopIsRefused({ sessionPersistenceMode: "ACTIVATED", automaticTerminationMode: "ACTIVATED", ...length }),
    ).toBe(noStoppedTime);
  });

  it.each([
    ["persistence without automatic termination", { sessionPersistenceMode: "ACTIVATED" }],
    [
      "persistence with automatic termination DEACTIVATED",
      { sessionPersistenceMode: "ACTIVATED", automaticTerminationMode: "DEACTIVATED" },
    ],
    [
      "automatic termination after a stopped time",
      {
        sessionPersistenceMode: "ACTIVATED",
        automaticTerminationMode: "ACTIVATED",
        maxStoppedSessionLengthInMinutes: 60,
      },
    ],
  ])("lets %s stop", (_, config) => {
    expect(whyStopIsRefused(config)).toBeUndefined();
  });
});
