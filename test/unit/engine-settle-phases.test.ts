// Waiting out a busy state of a type whose lifecycle has phases, through deleteResource against the
// local endpoint: a studio UPDATE_IN_PROGRESS is waited for until it is READY (its phases' target),
// then deleted.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";

const { emulator, checked, unique, mutatingCalls } = engineEndpoint([nimbleService], {
  stack: "settle-phases",
  namePrefix: "sp",
});

const count = async (operation: string) => (await emulator().control.calls()).counts[operation] ?? 0;

describe("a destroy of a studio that is UPDATE_IN_PROGRESS", () => {
  it("waits until it is READY, then deletes it", async () => {
    const { id, outs } = await createResource(
      "nimble:Studio",
      checked("nimble:Studio", {
        displayName: "Busy",
        adminRoleArn: "arn:aws:iam::123456789012:role/a",
        userRoleArn: "arn:aws:iam::123456789012:role/u",
        studioName: `busy${unique()}x`,
      }),
    );
    await emulator().control.mutate("nimble:Studio", id, { state: "UPDATE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    const destroy = deleteResource("nimble:Studio", id, outs);
    await emulator().control.waitFor(
      () => count("nimble:GetStudio"),
      (n) => n >= 2,
    );
    expect(await mutatingCalls()).toEqual([]);
    await emulator().control.mutate("nimble:Studio", id, { state: "READY" });
    await destroy;
    expect(await mutatingCalls()).toEqual(["DeleteStudio"]);
  });
});
