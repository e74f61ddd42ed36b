// The engine's waits on the service's states, through createResource, updateResource and
// deleteResource against the local endpoint: what each wait is remembered under (the endpoint without
// its port, the type, the states waited through and the target or deletion), an update that first
// waits out a busy state, and a start that fails on the service's errors, naming them.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { updateResource } from "../../provider/engine/update";
import { defaultWaitHistory, useWaitHistory, type WaitHistory } from "../../provider/engine/wait-history";

const { emulator, checked } = engineEndpoint([appstreamService, nimbleService], { stack: "waits", namePrefix: "w" });

let original: WaitHistory;
let asked: string[] = [];
let recorded: string[] = [];

const studio = () =>
  checked("nimble:Studio", {
    displayName: "Main",
    adminRoleArn: "arn:aws:iam::123456789012:role/a",
    userRoleArn: "arn:aws:iam::123456789012:role/u",
  });
const count = async (operation: string) => (await emulator().control.calls()).counts[operation] ?? 0;

beforeAll(async () => {
  original = defaultWaitHistory();
});
beforeEach(async () => {
  asked = [];
  recorded = [];
  useWaitHistory({
    expectedMs: (key) => {
      asked.push(key);
      return undefined;
    },
    record: (key) => void recorded.push(key),
  });
});
afterEach(() => useWaitHistory(original));

describe("the waits' history", () => {
  it("keys each kind of wait by endpoint, type, states and target", async () => {
    const { id, outs } = await createResource("nimble:Studio", studio());
    await updateResource("nimble:Studio", id, outs, { ...studio(), displayName: "Renamed" });
    await deleteResource("nimble:Studio", id, outs);
    const where = "endpoint http://127.0.0.1";
    expect(asked).toEqual([
      `${where}|nimble:Studio|CREATE_IN_PROGRESS>READY`,
      `${where}|nimble:Studio|UPDATE_IN_PROGRESS>READY`,
      `${where}|nimble:Studio|DELETE_IN_PROGRESS>gone`,
    ]);
    // Only a wait that saw a pending state before the target learns a duration: the create's (its
    // call answered CREATE_IN_PROGRESS); the others found their target on the first read.
    expect(recorded).toEqual([asked[0]]);
  });
});

describe("an update of a busy resource", () => {
  it("waits until it settles before sending the change", async () => {
    const inputs = studio();
    const { id, outs } = await createResource("nimble:Studio", inputs);
    await emulator().control.mutate("nimble:Studio", id, { state: "UPDATE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    asked = [];
    const update = updateResource("nimble:Studio", id, outs, { ...inputs, displayName: "Later" });
    await emulator().control.waitFor(
      () => count("nimble:GetStudio"),
      (n) => n >= 3,
    );
    expect(await count("nimble:UpdateStudio")).toBe(0);
    await emulator().control.mutate("nimble:Studio", id, { state: "READY" });
    const { outs: updated } = await update;
    expect(await count("nimble:UpdateStudio")).toBe(1);
    expect(updated.displayName).toBe("Later");
    // Waiting out the busy state: through every transitional state, to any stable one or deletion.
    expect(asked[0]).toBe(
      "endpoint http://127.0.0.1|nimble:Studio|CREATE_IN_PROGRESS,UPDATE_IN_PROGRESS,DELETE_IN_PROGRESS>gone",
    );
  });
});

describe("a start that the service's errors hold back", () => {
  it("fails naming each error by its code and message", async () => {
    const inputs = checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state: "STOPPED",
    });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.fleetErrors(id, [
      { ErrorCode: "IAM_SERVICE_ROLE_IS_MISSING", ErrorMessage: "The service role is missing" },
      { ErrorCode: "SUBNET_NOT_FOUND", ErrorMessage: "subnet-1 is gone" },
    ]);
    await expect(updateResource("appstream:Fleet", id, outs, { ...inputs, state: "RUNNING" })).rejects.toThrow(
      /^appstream:Fleet w\d+ \(\S+\) is STARTING after \d+\.\ds: IAM_SERVICE_ROLE_IS_MISSING: The service role is missing; SUBNET_NOT_FOUND: subnet-1 is gone$/,
    );
  });
});
