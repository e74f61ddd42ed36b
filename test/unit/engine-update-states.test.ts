// An update and the resource's state, against the local endpoint: a change the current state takes
// leaves the state alone (no state call, no extra read to look for one) when the program does not
// manage it; a type without tags sends its update call only; one with tags puts back live tags
// changed by hand, while one whose program sets no tags keeps those given by hand; a type that has
// no desired states to move between says which changes cannot go together rather than failing on
// the schema.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { call } from "../../provider/engine/calls";
import { createResource } from "../../provider/engine/create";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { ResourceSchema } from "../../provider/engine/schema-types";
import { stateAccepting, updateResource } from "../../provider/engine/update";

const { emulator, checked, operations, mutatingCalls, unique } = engineEndpoint([appstreamService], {
  stack: "update-states",
  namePrefix: "s",
});

describe("an update the current state takes", () => {
  it("of a fleet whose state the program leaves alone sends no state call and reads no more than the update needs", async () => {
    const inputs = checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state: "RUNNING",
    });
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.resetCalls();
    const { state: _unmanaged, ...news } = inputs;
    const { outs: updated } = await updateResource("appstream:Fleet", id, outs, { ...news, displayName: "Web" });
    expect((await operations()).filter((operation) => operation !== "ListTagsForResource")).toEqual([
      "DescribeFleets",
      "UpdateFleet",
      // The update's own read of what it did, then the read of the outputs.
      "DescribeFleets",
      "DescribeFleets",
    ]);
    expect(updated).toMatchObject({ displayName: "Web", currentState: "RUNNING" });
  });
});

describe("an update of a type without tags", () => {
  it("sends its update call only", async () => {
    const inputs = checked("appstream:DirectoryConfig", {
      directoryName: `corp${unique()}.example.com`,
      organizationalUnitDistinguishedNames: ["OU=a,DC=corp"],
    });
    const { id, outs } = await createResource("appstream:DirectoryConfig", inputs);
    await emulator().control.resetCalls();
    const { outs: updated } = await updateResource("appstream:DirectoryConfig", id, outs, {
      ...inputs,
      organizationalUnitDistinguishedNames: ["OU=b,DC=corp"],
    });
    expect(await mutatingCalls()).toEqual(["UpdateDirectoryConfig"]);
    expect(updated.organizationalUnitDistinguishedNames).toEqual(["OU=b,DC=corp"]);
  });
});

describe("an update that leaves the program's tags as they were", () => {
  it("puts back the live tags someone changed by hand, as it does any live value", async () => {
    const inputs = checked("appstream:Stack", { tags: { team: "euc" } });
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await call("appstream", "TagResource", { ResourceArn: outs.arn, Tags: { added: "by-hand" } });
    await emulator().control.resetCalls();
    const { outs: updated } = await updateResource("appstream:Stack", id, outs, { ...inputs, displayName: "Lobby" });
    expect(await mutatingCalls()).toEqual(["UpdateStack", "UntagResource"]);
    expect(await emulator().control.inputs("UntagResource")).toEqual([{ ResourceArn: outs.arn, TagKeys: ["added"] }]);
    expect(updated.tags).toEqual({ team: "euc" });
  });
});

describe("an update of a resource whose program sets no tags", () => {
  it("leaves the tags someone gave it by hand", async () => {
    const inputs = checked("appstream:Stack", {});
    const { id, outs } = await createResource("appstream:Stack", inputs);
    await call("appstream", "TagResource", { ResourceArn: outs.arn, Tags: { added: "by-hand" } });
    await emulator().control.resetCalls();
    const { outs: updated } = await updateResource("appstream:Stack", id, outs, { ...inputs, displayName: "Lobby" });
    expect(await mutatingCalls()).toEqual(["UpdateStack"]);
    expect(updated.tags).toEqual({ added: "by-hand" });
  });
});

describe("changes no state accepts together", () => {
  it("are named for a type without desired states too", () => {
    const base = loadSchema("appstream:Fleet");
    const { desiredState: _none, ...withoutStates } = base;
    const schema: ResourceSchema = withoutStates;
    expect(() => stateAccepting({ schema, subject: "appstream:Fleet web" }, ["instanceType"], "RUNNING")).toThrow(
      "appstream:Fleet web: instanceType cannot change together: no state the resource can be put in accepts all of them",
    );
  });
});
