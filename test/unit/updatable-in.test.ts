// x-updatableIn: which desired state an update must park a resource in, decided from the schema alone.
import { describe, expect, it } from "vitest";
import { stateAccepting } from "../../provider/engine/update";
import { loadSchema } from "../../provider/engine/schema-loader";
import type { ResourceSchema } from "../../provider/engine/schema-types";

const fleet = { schema: loadSchema("appstream:Fleet"), subject: "appstream:Fleet" };

describe("stateAccepting", () => {
  it("parks a RUNNING fleet in STOPPED for what only a stopped fleet takes", () => {
    expect(stateAccepting(fleet, ["instanceType"], "RUNNING")).toBe("STOPPED");
    expect(stateAccepting(fleet, ["displayName", "vpcConfig"], "RUNNING")).toBe("STOPPED");
  });

  it("does not park for what the current state takes", () => {
    expect(stateAccepting(fleet, ["displayName", "computeCapacity"], "RUNNING")).toBeUndefined();
    expect(stateAccepting(fleet, ["instanceType"], "STOPPED")).toBeUndefined();
    expect(stateAccepting(fleet, [], "RUNNING")).toBeUndefined();
  });

  it("does not park a resource read without a state: there is no state to leave, nor one to come back to", () => {
    expect(stateAccepting(fleet, ["instanceType"], undefined)).toBeUndefined();
  });

  it("refuses changes that no reachable state accepts together", () => {
    const base = loadSchema("appstream:Fleet");
    const schema: ResourceSchema = {
      ...base,
      inputs: {
        ...base.inputs,
        properties: {
          ...base.inputs.properties,
          displayName: { ...base.inputs.properties.displayName, "x-updatableIn": ["RUNNING"] },
        },
      },
    };
    const ctx = { schema, subject: "appstream:Fleet" };
    expect(() => stateAccepting(ctx, ["displayName", "instanceType"], "STARTING")).toThrow(
      /displayName, instanceType cannot change together/,
    );
  });
});
