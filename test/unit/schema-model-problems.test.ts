// What the check of a schema against its service's model says of each kind of mistake, at its place
// in the file: a call's input list naming a property the schema lacks, a response path the
// operation's answer does not have, a read by listing without the listing's items, a state field
// that is not a property.
import { describe, expect, it } from "vitest";
import { loadSchema } from "../../provider/engine/schema-loader";
import { modelProblems } from "../../provider/engine/schema-model-check";
import type { ResourceSchema } from "../../provider/engine/schema-types";

/** A shipped schema with one change, the shipped one left as it is. */
function edited(type: string, edit: (schema: ResourceSchema) => void): ResourceSchema {
  const schema = structuredClone(loadSchema(type));
  edit(schema);
  return schema;
}

describe("a schema checked against its service's model", () => {
  it("as shipped has no problem", () => {
    for (const type of ["appstream:User", "appstream:Fleet", "nimble:Studio"])
      expect(modelProblems(loadSchema(type))).toEqual([]);
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
});
