// The inputs the engine gives every type (adoptId, timeouts): what a program sees when it changes or
// misspells them.
import { describe, expect, it } from "vitest";
import { diffProperties, inputKeysField } from "../../provider/engine/diff";
import { loadSchema } from "../../provider/engine/schema-loader";
import { failuresOf } from "../helpers/check-fixture";

const stack = loadSchema("appstream:Stack");
const state = {
  name: "training",
  arn: "arn:aws:appstream:us-west-2:123456789012:stack/training",
  adoptId: "training",
  timeouts: { create: 10 },
  [inputKeysField]: ["adoptId", "name", "timeouts"],
};

describe("adoptId", () => {
  it("replaces the resource when it names another one to take over", () => {
    const diff = diffProperties(stack, state, { name: "training", adoptId: "onboarding", timeouts: { create: 10 } });
    expect(diff.changed).toEqual(["adoptId"]);
    expect(diff.replaces).toEqual(["adoptId"]);
  });
});

describe("timeouts", () => {
  it("change in place, without replacing the resource", () => {
    const diff = diffProperties(stack, state, { name: "training", adoptId: "training", timeouts: { create: 30 } });
    expect(diff).toEqual({ changed: ["timeouts"], replaces: [], deleteBeforeReplace: false });
  });

  it("refuse a kind of change they do not know, naming it", () => {
    const failures = failuresOf(stack, { name: "training", timeouts: { craete: 30 } });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("timeouts.craete");
    expect(failures[0].reason).toBe(
      "timeouts.craete is not a property of timeouts; known properties: create, update, delete",
    );
  });
});
