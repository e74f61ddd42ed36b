// A thinclient:Device's stated environmentId at preview, through the device's hooks with a stand-in
// read: a device joins an environment only by registering with its activation code, so a stated
// environment can only confirm the one the device is registered to. The device is read only when
// both its id and a stated environment are known, and a device that cannot be judged is let through.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { contextFor } from "../../provider/engine/resource-context";
import type { Observation } from "../../provider/engine/waiter";
import { hooks } from "../../provider/hooks/thinclient-device";

type Props = Record<string, unknown>;

/** The device's context whose reads answer `device`, and the scopes they were asked for. */
function deviceReading(device: Partial<Observation>) {
  const reads: Props[] = [];
  const ctx: HookContext = {
    ...contextFor("thinclient:Device", {}),
    observe: (scope: Props) => {
      reads.push(scope);
      return Promise.resolve({ gone: false, errors: [], outputs: {}, ...device });
    },
  };
  return { ctx, reads };
}

const registered = { outputs: { deviceId: "tcdevice-1", environmentId: "env-lobby" } };

describe("thinclient:Device's stated environment at preview", () => {
  it("refuses another environment than the one the device registered to, saying how a device changes it", async () => {
    const { ctx, reads } = deviceReading(registered);
    expect(await hooks.checkWithService!(ctx, {}, { adoptId: "tcdevice-1", environmentId: "env-other" })).toEqual([
      {
        property: "environmentId",
        reason:
          "environmentId: device tcdevice-1 is registered to environment env-lobby, not env-other; a device changes environment only by registering again with that environment's activation code",
      },
    ]);
    expect(reads).toEqual([ctx.partsOf("tcdevice-1")]);
  });

  it("confirms the environment the device registered to", async () => {
    const { ctx, reads } = deviceReading(registered);
    expect(await hooks.checkWithService!(ctx, {}, { adoptId: "tcdevice-1", environmentId: "env-lobby" })).toEqual([]);
    expect(reads).toHaveLength(1);
  });

  it.each([
    ["the device is gone", { gone: true, outputs: { environmentId: "env-lobby" } }],
    ["the device is registered to no environment", { outputs: { deviceId: "tcdevice-1" } }],
  ])("cannot judge, and lets through, when %s", async (_, device) => {
    const { ctx, reads } = deviceReading(device);
    expect(await hooks.checkWithService!(ctx, {}, { adoptId: "tcdevice-1", environmentId: "env-other" })).toEqual([]);
    expect(reads).toHaveLength(1);
  });

  it.each([
    ["no environment is stated", { adoptId: "tcdevice-1" }],
    ["the device's id is not known yet", { environmentId: "env-other" }],
    ["the stated environment is not known yet", { adoptId: "tcdevice-1", name: "kiosk" }],
  ])("reads nothing when %s", async (_, inputs) => {
    const { ctx, reads } = deviceReading(registered);
    expect(await hooks.checkWithService!(ctx, {}, inputs)).toEqual([]);
    expect(reads).toEqual([]);
  });
});
