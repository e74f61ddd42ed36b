// Declaring a resource in a program: Pulumi's SDK records a stack trace for every promise it makes
// (four per property), which under ts-node maps every frame through the source maps and was most of
// a preview's program time at 1,000 resources. The package's classes declare their resources without
// those stacks, and give them back where they are wanted: with PULUMI_DEBUG_PROMISE_LEAKS, and on an
// error raised while the resource is constructed. The classes come from the installed package, as in
// a user's program.
import * as pulumi from "@pulumi/pulumi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
    "stacks",
    "test",
    true,
  );
});
afterAll(() => {
  pulumi.runtime.resetOptions("", "", -1, "", "", false, "");
});

// The formatter in place (source-map-support's under vitest), called as V8 calls it.
const originalPrepare: ((error: Error, callSites: NodeJS.CallSite[]) => unknown) | undefined =
  Error.prepareStackTrace?.bind(Error);
afterEach(() => {
  Error.prepareStackTrace = originalPrepare as typeof Error.prepareStackTrace;
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appstream } = require("pulumi-aws-euc") as typeof import("../../provider");

/** Stack traces formatted with frames (which source-map-support maps one by one) while `work` runs. */
function stacksFormatted(work: () => void): number {
  let stacks = 0;
  Error.prepareStackTrace = (error, callSites) => {
    if (callSites.length > 0) stacks++;
    return originalPrepare ? originalPrepare(error, callSites) : `${String(error)}`;
  };
  try {
    work();
  } finally {
    Error.prepareStackTrace = originalPrepare as typeof Error.prepareStackTrace;
  }
  return stacks;
}

const settled = (resource: pulumi.CustomResource) => new Promise((resolve) => resource.urn.apply(resolve));

describe("declaring resources", () => {
  it("formats one stack per resource (its source position), none per promise, and leaves the limit as it was", async () => {
    const limit = Error.stackTraceLimit;
    const made: pulumi.CustomResource[] = [];
    const stacks = stacksFormatted(() => {
      for (let i = 0; i < 20; i++) made.push(new appstream.Stack(`quiet-${i}`, { displayName: `Stack ${i}` }));
    });
    expect(stacks).toBe(20);
    expect(Error.stackTraceLimit).toBe(limit);
    await Promise.all(made.map(settled));
  });

  it("keeps the SDK's stacks with PULUMI_DEBUG_PROMISE_LEAKS, for debugging promises that never settle", async () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    let made: pulumi.CustomResource | undefined;
    // A Stack has about twenty properties, four promises each.
    expect(stacksFormatted(() => (made = new appstream.Stack("traced", {})))).toBeGreaterThan(80);
    await settled(made as pulumi.CustomResource);
  });

  it("an error raised while the resource is constructed points at the program's `new`", () => {
    const limit = Error.stackTraceLimit;
    let caught: unknown;
    try {
      new appstream.Stack(
        "refused",
        {},
        {
          transformations: [
            () => {
              throw new Error("no stacks on Sundays");
            },
          ],
        },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe("no stacks on Sundays");
    expect((caught as Error).stack).toContain("resource-construction-stacks.test.ts");
    expect(Error.stackTraceLimit).toBe(limit);
  });
});
