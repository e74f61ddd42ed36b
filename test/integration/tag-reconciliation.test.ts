// A tag change is sent as its difference: TagResource with the added and changed keys only, and
// UntagResource with the removed keys only, for an AppStream stack and a Nimble Studio studio. What
// is sent is read from the endpoint's call log, since re-sending an unchanged tag leaves the live
// tags the same and only the request shows it (and every key sent counts against the service's limits).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { updateResource } from "../../provider/engine/update";

let emulator: RunningEmulator;
let sequence = 0;

function checked(type: string, properties: Record<string, unknown>) {
  const { inputs, failures } = checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::tags::pulumi-nodejs:dynamic/${type}::t${++sequence}`, ...properties },
  );
  expect(failures).toEqual([]);
  return inputs;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService, nimbleService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

const before = { team: "euc", owner: "alice", site: "hq" };
const after = { team: "vfx", site: "hq", costCenter: "4410" };

describe("tags reconciled by their difference", () => {
  it("appstream:Stack: tags the changed and added keys, untags the removed one, and leaves the unchanged one alone", async () => {
    const inputs = checked("appstream:Stack", { displayName: "Tagged", tags: before });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await emulator.control.resetCalls();
    await updateResource("appstream:Stack", id, outs, { ...inputs, tags: after });
    expect(await emulator.control.inputs("TagResource")).toEqual([
      { ResourceArn: outs.arn, Tags: { team: "vfx", costCenter: "4410" } },
    ]);
    expect(await emulator.control.inputs("UntagResource")).toEqual([{ ResourceArn: outs.arn, TagKeys: ["owner"] }]);
    expect(await emulator.control.inputs("UpdateStack")).toEqual([]);
    expect((await readResource("appstream:Stack", id, outs)).props?.tags).toEqual(after);
  });

  it("nimble:Studio: the same difference, and no call at all when only the order of the keys changed", async () => {
    const inputs = checked("nimble:Studio", {
      displayName: "Tagged",
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
      tags: before,
    });
    const { id, outs } = await createResource("nimble:Studio", inputs);
    await emulator.control.resetCalls();
    const updated = await updateResource("nimble:Studio", id, outs, { ...inputs, tags: after });
    expect(await emulator.control.inputs("TagResource")).toEqual([
      { resourceArn: outs.arn, tags: { team: "vfx", costCenter: "4410" } },
    ]);
    expect(await emulator.control.inputs("UntagResource")).toEqual([{ resourceArn: outs.arn, tagKeys: ["owner"] }]);
    expect((await emulator.control.resource("nimble:Studio", id))?.attributes.tags).toEqual(after);
    await emulator.control.resetCalls();
    await updateResource("nimble:Studio", id, updated.outs, {
      ...inputs,
      tags: { costCenter: "4410", site: "hq", team: "vfx" },
    });
    expect((await emulator.control.calls()).log.filter((entry) => entry.mutating)).toEqual([]);
  });
});
