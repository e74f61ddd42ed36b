// What the check of a schema against its service's model says of each kind of mistake, at its place
// in the file (a JSON pointer, `~0` for `~` and `~1` for `/` in a key): a call's input list naming a
// property the schema lacks, a request member or response path the operation does not have, a read
// by listing without the listing's items or matching a member its items lack, a property (at any
// depth) or output the service spells otherwise, a state the model's status enum lacks.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";
import { modelProblems } from "../../provider/engine/schema-model-check";
import type { ResourceSchema } from "../../provider/engine/schema-types";

const schemaRoot = path.resolve(__dirname, "../../schema");

/** A shipped schema with one change, the shipped one left as it is. */
function edited(type: string, edit: (schema: ResourceSchema) => void): ResourceSchema {
  const schema = structuredClone(loadSchema(type));
  edit(schema);
  return schema;
}

describe("a schema checked against its service's model", () => {
  it("as shipped has no problem", () => {
    const types = allSchemaTypes();
    expect(types.length).toBe(
      fs.readdirSync(schemaRoot, { recursive: true }).filter((f) => String(f).endsWith(".yaml")).length,
    );
    for (const type of types)
      expect({ type, problems: modelProblems(loadSchema(type)) }).toEqual({ type, problems: [] });
  });

  it("names an input of a call that is not an input property of the schema", () => {
    const schema = edited("appstream:User", (s) => {
      s.operations.create!.inputs = ["userName", "emailAddress"];
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/create/inputs/1", problem: "emailAddress is not an input property of the schema" },
    ]);
  });

  it("names a response path the operation's answer does not have", () => {
    const schema = edited("appstream:Fleet", (s) => {
      s.operations.update!.response = "Fleets";
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/update/response", problem: "UpdateFleet's response has no Fleets" },
    ]);
  });

  it("names a read by listing that does not say where the listing's items are", () => {
    const schema = edited("appstream:User", (s) => {
      delete s.operations.read.items;
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/read/match", problem: "a read by listing needs operations.read.items" },
    ]);
  });

  it("names a state field that is not a property of the schema", () => {
    const schema = edited("appstream:Fleet", (s) => {
      s.lifecycle!.stateField = "fleetState";
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/lifecycle/stateField", problem: "fleetState is not a property of the schema" },
    ]);
  });

  it("names a fixed request member, at its key in params, which the operation does not take", () => {
    const schema = edited("appstream:Stack", (s) => {
      s.operations.delete!.params = { Name: "{name}", "Force/Delete~Now": true };
    });
    expect(modelProblems(schema)).toEqual([
      {
        at: "/operations/delete/params/Force~1Delete~0Now",
        problem: "DeleteStack's request has no member Force/Delete~Now in the model",
      },
    ]);
  });

  it("names a client token, batch parameter or continuation token the request does not have", () => {
    const launchProfile = edited("nimble:LaunchProfile", (s) => {
      s.operations.create!.clientToken = "clientTokn";
    });
    expect(modelProblems(launchProfile)).toEqual([
      {
        at: "/operations/create/clientToken",
        problem: "CreateLaunchProfile's request has no member clientTokn in the model",
      },
    ]);
    const batched = edited("appstream:Stack", (s) => {
      s.operations.read.batch!.param = "Name";
    });
    expect(modelProblems(batched)).toEqual([
      { at: "/operations/read/batch/param", problem: "DescribeStacks's request has no member Name in the model" },
    ]);
    const listed = edited("appstream:Stack", (s) => {
      s.operations.list!.nextToken = "Marker";
    });
    expect(modelProblems(listed)).toEqual([
      { at: "/operations/list/nextToken", problem: "DescribeStacks's response has no Marker" },
      { at: "/operations/list/nextToken", problem: "DescribeStacks's request has no member Marker in the model" },
    ]);
  });

  it("follows a response path's list index of any length, and names a part that is not all digits", () => {
    const withResponse = (response: string) =>
      modelProblems(
        edited("appstream:Stack", (s) => {
          s.operations.read.response = response;
        }),
      );
    expect(withResponse("Stacks.10")).toEqual([]);
    for (const response of ["Stacks.0x", "Stacks.x0", "Stackz.0"])
      expect(withResponse(response)).toEqual([
        { at: "/operations/read/response", problem: `DescribeStacks's response has no ${response}` },
      ]);
  });

  it("names a read response that is not a structure, as a list instead of its item", () => {
    const schema = edited("appstream:Stack", (s) => {
      s.operations.read.response = "Stacks";
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/read/response", problem: "DescribeStacks's Stacks is a list, not a structure" },
    ]);
    // With hooks and a lifecycle too: the state is read from that structure.
    const device = edited("thinclient:Device", (s) => {
      s.operations.read.response = "device.status";
    });
    expect(modelProblems(device)).toEqual([
      { at: "/operations/read/response", problem: "GetDevice's device.status is a string, not a structure" },
    ]);
  });

  it("names an operation the model lacks once, and nothing the call would need from it", () => {
    const create = edited("appstream:Stack", (s) => {
      s.operations.create!.operation = "CreateStacks";
    });
    expect(modelProblems(create)).toEqual([
      { at: "/operations/create/operation", problem: "operation CreateStacks is not in the appstream model" },
    ]);
    const read = edited("appstream:Stack", (s) => {
      s.operations.read.operation = "DescribeStack";
    });
    expect(modelProblems(read)).toEqual([
      { at: "/operations/read/operation", problem: "operation DescribeStack is not in the appstream model" },
    ]);
    const readByListing = edited("appstream:User", (s) => {
      s.operations.read.operation = "DescribeUser";
    });
    expect(modelProblems(readByListing)).toEqual([
      { at: "/operations/read/operation", problem: "operation DescribeUser is not in the appstream model" },
    ]);
  });

  it("names a member a read by listing matches that the listing's items lack", () => {
    const schema = edited("appstream:User", (s) => {
      s.operations.read.match = { Username: "{userName}" };
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/read/match/Username", problem: "DescribeUsers's Users has no member Username in the model" },
    ]);
  });

  it("names a read by listing whose items are names, not structures with the matched member", () => {
    const schema = edited("appstream:User", (s) => {
      s.operations.read = {
        operation: "ListAssociatedStacks",
        params: { FleetName: "{userName}" },
        items: "Names",
        nextToken: "NextToken",
        match: { Name: "{userName}" },
      };
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/read/match/Name", problem: "ListAssociatedStacks's Names has no member Name in the model" },
      { at: "/operations/read/items", problem: "ListAssociatedStacks's Names holds strings, not structures" },
    ]);
  });

  it("names a nested property of a sent structure, or of a list's structures, that its member lacks", () => {
    const hint = "set x-wireName if the service spells it otherwise";
    const listed = edited("appstream:Stack", (s) => {
      s.inputs.properties.storageConnectors.items!.properties!.mountPoint = { type: "string" };
    });
    const at = "/inputs/properties/storageConnectors/items/properties/mountPoint";
    expect(modelProblems(listed)).toEqual([
      { at, problem: `CreateStack's request's StorageConnectors has no member MountPoint (for mountPoint); ${hint}` },
      { at, problem: `UpdateStack's request's StorageConnectors has no member MountPoint (for mountPoint); ${hint}` },
    ]);
    const nested = edited("appstream:Stack", (s) => {
      s.inputs.properties.applicationSettings.properties!.settingsGroup["x-wireName"] = "Group";
    });
    const settingsAt = "/inputs/properties/applicationSettings/properties/settingsGroup";
    expect(modelProblems(nested)).toEqual([
      {
        at: settingsAt,
        problem: `CreateStack's request's ApplicationSettings has no member Group (for settingsGroup); ${hint}`,
      },
      {
        at: settingsAt,
        problem: `UpdateStack's request's ApplicationSettings has no member Group (for settingsGroup); ${hint}`,
      },
    ]);
    // The structure's properties are checked even where the node also says `items`: the model's member is no list.
    const stray = edited("appstream:Stack", (s) => {
      s.inputs.properties.applicationSettings.items = { type: "string" };
      s.inputs.properties.applicationSettings.properties!.settingsGroup["x-wireName"] = "Group";
    });
    expect(modelProblems(stray)).toEqual(modelProblems(nested));
  });

  it("takes the named keys of a map, and a structure without declared properties, as they are", () => {
    const namedTagKeys = edited("appstream:Stack", (s) => {
      s.inputs.properties.tags.properties = { owner: { type: "string" } };
    });
    expect(modelProblems(namedTagKeys)).toEqual([]);
    const freeForm = edited("appstream:Stack", (s) => {
      delete s.inputs.properties.applicationSettings.properties;
    });
    expect(modelProblems(freeForm)).toEqual([]);
  });

  it("names an output the read's response spells otherwise, unless hooks compose the outputs", () => {
    const stack = edited("appstream:Stack", (s) => {
      s.outputs.arn["x-wireName"] = "StackArn";
    });
    expect(modelProblems(stack)).toEqual([
      {
        at: "/outputs/arn",
        problem:
          "DescribeStacks's response has no member StackArn (for arn); set x-wireName if the service spells it otherwise",
      },
    ]);
    const fleet = edited("appstream:Fleet", (s) => {
      s.outputs.arn["x-wireName"] = "FleetArn";
    });
    expect(modelProblems(fleet)).toEqual([]);
  });

  it("names a state the model's status enum lacks, wherever the schema lists states", () => {
    const device = edited("thinclient:Device", (s) => {
      s.lifecycle!.busy = ["DEREGISTERING", "RETIRED"];
      s.deleteBehaviours!.values.ARCHIVE.target = ["ARCHIVED", "GONE"];
    });
    expect(modelProblems(device)).toEqual([
      { at: "/lifecycle/busy/1", problem: "RETIRED is not a value of status in the model" },
      { at: "/deleteBehaviours/values/ARCHIVE/target/1", problem: "GONE is not a value of status in the model" },
    ]);
    const fleet = edited("appstream:Fleet", (s) => {
      s.desiredState!.values.RUNNING.failed = ["STOPPING", "HALTED"];
    });
    expect(modelProblems(fleet)).toEqual([
      { at: "/desiredState/values/RUNNING/failed/1", problem: "HALTED is not a value of currentState in the model" },
    ]);
  });

  it("checks no states against a state field the read's response does not have", () => {
    const schema = edited("appstream:ImageBuilder", (s) => {
      s.outputs.currentState["x-wireName"] = "Status";
    });
    expect(modelProblems(schema)).toEqual([
      {
        at: "/outputs/currentState",
        problem:
          "DescribeImageBuilders's response has no member Status (for currentState); set x-wireName if the service spells it otherwise",
      },
    ]);
  });

  it("names the tagging calls' members and operations the model lacks", () => {
    const params = edited("appstream:Stack", (s) => {
      s.tags!.arnParam = "Arn";
      s.tags!.tagsParam = "TagMap";
      s.tags!.keysParam = "Keys";
    });
    expect(modelProblems(params)).toEqual([
      { at: "/tags/arnParam", problem: "TagResource's request has no member Arn in the model" },
      { at: "/tags/tagsParam", problem: "TagResource's request has no member TagMap in the model" },
      { at: "/tags/keysParam", problem: "UntagResource's request has no member Keys in the model" },
      { at: "/tags/arnParam", problem: "ListTagsForResource's request has no member Arn in the model" },
    ]);
    const operations = edited("appstream:Stack", (s) => {
      s.tags!.tag.operation = "TagResources";
      s.tags!.untag.operation = "UntagResources";
      s.tags!.list!.operation = "ListTags";
    });
    expect(modelProblems(operations)).toEqual([
      { at: "/tags/tag/operation", problem: "operation TagResources is not in the appstream model" },
      { at: "/tags/untag/operation", problem: "operation UntagResources is not in the appstream model" },
      { at: "/tags/list/operation", problem: "operation ListTags is not in the appstream model" },
    ]);
  });

  it("names what a desired state's or a delete behaviour's call sends that the model lacks", () => {
    const fleet = edited("appstream:Fleet", (s) => {
      s.desiredState!.values.RUNNING.call.operation = "StartFleets";
    });
    expect(modelProblems(fleet)).toEqual([
      {
        at: "/desiredState/values/RUNNING/call/operation",
        problem: "operation StartFleets is not in the appstream model",
      },
    ]);
    const device = edited("thinclient:Device", (s) => {
      s.deleteBehaviours!.values.ARCHIVE.call!.params = { id: "{deviceId}", targetStatus: "ARCHIVED" };
    });
    expect(modelProblems(device)).toEqual([
      {
        at: "/deleteBehaviours/values/ARCHIVE/call/params/targetStatus",
        problem: "DeregisterDevice's request has no member targetStatus in the model",
      },
    ]);
  });

  it("names a state of a create, update or delete wait the model's status enum lacks", () => {
    const schema = edited("appstream:ImageBuilder", (s) => {
      s.lifecycle!.create!.failed = ["FAILED", "BROKEN"];
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/lifecycle/create/failed/1", problem: "BROKEN is not a value of currentState in the model" },
    ]);
  });

  it("checks no states when the read's operation is missing", () => {
    const schema = edited("thinclient:Device", (s) => {
      s.operations.read.operation = "DescribeDevice";
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/read/operation", problem: "operation DescribeDevice is not in the thinclient model" },
    ]);
  });

  it("checks the tag property in a create's request only when the create sends tags", () => {
    const hint = "set x-wireName if the service spells it otherwise";
    const schema = edited("appstream:Stack", (s) => {
      s.tags!.inCreate = false;
      s.inputs.properties.displayName["x-wireName"] = "Title";
      s.inputs.properties.tags["x-wireName"] = "Labels";
    });
    expect(modelProblems(schema)).toEqual([
      {
        at: "/inputs/properties/displayName",
        problem: `CreateStack's request has no member Title (for displayName); ${hint}`,
      },
      {
        at: "/inputs/properties/displayName",
        problem: `UpdateStack's request has no member Title (for displayName); ${hint}`,
      },
    ]);
    const sent = edited("appstream:Stack", (s) => {
      s.inputs.properties.tags["x-wireName"] = "Labels";
    });
    expect(modelProblems(sent)).toEqual([
      { at: "/inputs/properties/tags", problem: `CreateStack's request has no member Labels (for tags); ${hint}` },
    ]);
  });

  it("checks every list of states a schema has against the model's status enum", () => {
    // Each list gets one state the model lacks, named for where it is.
    const imageBuilder = edited("appstream:ImageBuilder", (s) => {
      for (const phase of ["create", "update", "delete"] as const)
        s.lifecycle![phase] = {
          pending: [`${phase}-pending`],
          target: [`${phase}-target`],
          failed: [`${phase}-failed`],
        };
      const running = s.desiredState!.values.RUNNING;
      Object.assign(running, { pending: ["RUNNING-pending"], target: ["RUNNING-target"], failed: ["RUNNING-failed"] });
    });
    const notAState = (at: string, state: string) => ({
      at: `${at}/0`,
      problem: `${state} is not a value of currentState in the model`,
    });
    const waits = ["create", "update", "delete"].flatMap((phase) =>
      ["pending", "target", "failed"].map((kind) => notAState(`/lifecycle/${phase}/${kind}`, `${phase}-${kind}`)),
    );
    const desired = ["pending", "target", "failed"].map((kind) =>
      notAState(`/desiredState/values/RUNNING/${kind}`, `RUNNING-${kind}`),
    );
    expect(modelProblems(imageBuilder)).toEqual([...waits, ...desired]);

    const kinds = ["keepIn", "from", "pending", "target", "failed"] as const;
    const device = edited("thinclient:Device", (s) => {
      const archive = s.deleteBehaviours!.values.ARCHIVE;
      for (const kind of kinds) archive[kind] = [`ARCHIVE-${kind}`];
    });
    expect(modelProblems(device)).toEqual(
      kinds.map((kind) => ({
        at: `/deleteBehaviours/values/ARCHIVE/${kind}/0`,
        problem: `ARCHIVE-${kind} is not a value of status in the model`,
      })),
    );
  });

  it("names a listing's items or a tag listing's field the response does not have", () => {
    const schema = edited("appstream:Stack", (s) => {
      s.operations.list!.items = "StackList";
      s.tags!.list!.field = "TagList";
    });
    expect(modelProblems(schema)).toEqual([
      { at: "/operations/list/items", problem: "DescribeStacks's response has no StackList" },
      { at: "/tags/list/field", problem: "ListTagsForResource's response has no TagList" },
    ]);
  });
});
