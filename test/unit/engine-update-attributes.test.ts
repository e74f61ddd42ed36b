// What the generic update and delete send for what the program drops, through the engine against the
// local endpoint: a nested property absent before and after is not deleted; a dropped property the
// service removes by name is removed, not set to a default (a schema naming both, as no shipped one
// does yet); and a delete the service answers with not found is done.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { partsOf } from "../../provider/engine/identity";
import { contextFor } from "../../provider/engine/resource-context";
import { applyUpdate, deleteGenerically } from "../../provider/engine/schema-steps";
import { updateResource } from "../../provider/engine/update";

const { emulator, checked, unique } = engineEndpoint([appstreamService], { stack: "attributes", namePrefix: "at" });

describe("an update of a builder's network", () => {
  it("deletes no security groups it had neither before nor after", async () => {
    const inputs = checked("appstream:AppBlockBuilder", {
      name: `net${unique()}`,
      platform: "WINDOWS_SERVER_2019",
      instanceType: "stream.standard.medium",
      vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
      state: "STOPPED",
    });
    const { id, outs } = await createResource("appstream:AppBlockBuilder", inputs);
    await emulator().control.resetCalls();
    await updateResource("appstream:AppBlockBuilder", id, outs, {
      ...inputs,
      vpcConfig: { subnetIds: ["subnet-0b0b0b0b0b0b0b0b0"] },
    });
    expect(await emulator().control.inputs("UpdateAppBlockBuilder")).toEqual([
      { Name: id, VpcConfig: { SubnetIds: ["subnet-0b0b0b0b0b0b0b0b0"] } },
    ]);
  });
});

describe("a stack's application settings without their settings group", () => {
  it("are sent as the program gives them, with nothing to delete", async () => {
    const inputs = checked("appstream:Stack", { applicationSettings: { enabled: true, settingsGroup: "studio" } });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await emulator().control.resetCalls();
    await updateResource("appstream:Stack", id, outs, { ...inputs, applicationSettings: { enabled: true } });
    expect(await emulator().control.inputs("UpdateStack")).toEqual([
      { Name: id, ApplicationSettings: { Enabled: true } },
    ]);
  });

  it("dropped, are turned off as the service's default, with nothing to delete", async () => {
    const inputs = checked("appstream:Stack", { applicationSettings: { enabled: true, settingsGroup: "studio" } });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await emulator().control.resetCalls();
    const { applicationSettings: _dropped, ...without } = inputs;
    await updateResource("appstream:Stack", id, outs, without);
    expect(await emulator().control.inputs("UpdateStack")).toEqual([
      { Name: id, ApplicationSettings: { Enabled: false } },
    ]);
  });
});

describe("a dropped property with both an attribute to delete and a service default", () => {
  it("is deleted by name, not set to the default", async () => {
    const inputs = checked("appstream:Stack", { redirectUrl: "https://example.com/bye" });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    const ctx = contextFor("appstream:Stack", inputs);
    const redirectUrl = { ...ctx.schema.inputs.properties.redirectUrl, "x-serviceDefault": "https://example.com/" };
    const schema = {
      ...ctx.schema,
      inputs: { ...ctx.schema.inputs, properties: { ...ctx.schema.inputs.properties, redirectUrl } },
    };
    const { redirectUrl: _dropped, ...without } = inputs;
    await emulator().control.resetCalls();
    await applyUpdate({ ...ctx, schema }, { ...outs, ...partsOf(schema, id) }, without, ["redirectUrl"], 60_000);
    expect(await emulator().control.inputs("UpdateStack")).toEqual([
      { Name: id, AttributesToDelete: ["REDIRECT_URL"] },
    ]);
  });
});

describe("a delete the service answers with not found", () => {
  it("is done: the resource is already gone", async () => {
    const inputs = checked("appstream:Stack", {});
    const { id, outs } = await createResource("appstream:Stack", inputs);
    const scope = { ...outs, ...partsOf(contextFor("appstream:Stack", outs).schema, id) };
    await deleteGenerically(contextFor("appstream:Stack", outs), scope, outs, 60_000);
    await emulator().control.resetCalls();
    await deleteGenerically(contextFor("appstream:Stack", outs), scope, outs, 60_000);
    expect(await emulator().control.inputs("DeleteStack")).toEqual([{ Name: id }]);
  });
});
