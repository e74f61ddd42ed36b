// What an update sends when the program drops a property: AppStream keeps an attribute that is
// simply left out of Update*, so the engine names it in AttributesToDelete (the schema's
// x-removeAttribute), for a nested member too, and sends nothing to delete otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { updateResource } from "../../provider/engine/update";

let emulator: RunningEmulator;
let sequence = 0;

function checked(type: string, inputs: Record<string, unknown>) {
  const result = checkResource(
    type,
    {},
    { __urn: `urn:pulumi:test::removals::pulumi-nodejs:dynamic/${type}::r${++sequence}`, ...inputs },
  );
  expect(result.failures).toEqual([]);
  return result.inputs;
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());

describe("an update that drops properties", () => {
  it("names each dropped stack attribute in AttributesToDelete, alongside the changed values", async () => {
    const inputs = checked("appstream:Stack", {
      displayName: "Removals",
      redirectUrl: "https://example.com/bye",
      feedbackUrl: "https://example.com/feedback",
    });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await emulator.control.resetCalls();
    const { redirectUrl: _r, feedbackUrl: _f, ...rest } = inputs;

    await updateResource("appstream:Stack", id, outs, { ...rest, displayName: "Renamed" });

    expect(await emulator.control.inputs("UpdateStack")).toEqual([
      { Name: outs.name, DisplayName: "Renamed", AttributesToDelete: ["REDIRECT_URL", "FEEDBACK_URL"] },
    ]);
  });

  it("sends no AttributesToDelete when nothing was dropped", async () => {
    const inputs = checked("appstream:Stack", { displayName: "Kept", redirectUrl: "https://example.com/bye" });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await emulator.control.resetCalls();

    await updateResource("appstream:Stack", id, outs, { ...inputs, redirectUrl: "https://example.com/other" });

    expect(await emulator.control.inputs("UpdateStack")).toEqual([
      { Name: outs.name, RedirectURL: "https://example.com/other" },
    ]);
  });

  it("names a dropped member of an object by its own attribute, and the object once it is dropped whole", async () => {
    const base = {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
    };
    const inputs = checked("appstream:Fleet", {
      ...base,
      vpcConfig: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] },
    });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator.control.resetCalls();

    const withoutGroups = { ...inputs, vpcConfig: { subnetIds: ["subnet-1"] } };
    const first = await updateResource("appstream:Fleet", id, outs, withoutGroups);
    const { vpcConfig: _dropped, ...withoutVpc } = withoutGroups;
    await updateResource("appstream:Fleet", id, first.outs, withoutVpc);

    expect(await emulator.control.inputs("UpdateFleet")).toEqual([
      {
        Name: outs.name,
        VpcConfig: { SubnetIds: ["subnet-1"] },
        AttributesToDelete: ["VPC_CONFIGURATION_SECURITY_GROUP_IDS"],
      },
      { Name: outs.name, AttributesToDelete: ["VPC_CONFIGURATION"] },
    ]);
  });
});
