import { unknownValue as pulumis } from "@pulumi/pulumi/runtime/rpc";
import { expect, it } from "vitest";
import { unknownValue } from "../../provider/engine/unknowns";

it("the engine's placeholder for an unknown input is Pulumi's", () => {
  expect(unknownValue).toBe(pulumis);
});
