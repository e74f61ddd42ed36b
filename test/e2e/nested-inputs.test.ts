// Nested members of a resource's args are Inputs, as in Pulumi's own SDKs: an Output of another
// resource inside computeCapacity, vpcConfig or tags reaches the service resolved, through the real
// CLI. (That such a program type-checks is test/unit/examples.test.ts, which compiles it.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let program: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  program = await programStack("test/e2e/programs/nested-inputs", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
});
afterAll(async () => {
  await program?.cleanup();
  await emulator?.close();
});

describe("nested Outputs in resource args", () => {
  it("previews while the nested values are unknown, then sends them resolved and shows no diff after", async () => {
    const preview = await program.stack.preview();
    expect(preview.changeSummary).toMatchObject({ create: 3 });

    const up = await program.stack.up();
    const stackName = up.outputs.stackName.value as string;
    expect(stackName).toMatch(/^source-/);
    expect(await emulator.control.inputs("CreateStack")).toMatchObject([
      {
        UserSettings: [{ Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "DISABLED" }],
      },
    ]);
    expect(await emulator.control.inputs("CreateFleet")).toMatchObject([
      {
        FleetType: "ON_DEMAND",
        ComputeCapacity: { DesiredInstances: 3 },
        VpcConfig: { SubnetIds: ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds: ["sg-0a1b2c3d4e5f60718"] },
        Tags: { source: stackName },
      },
    ]);
    expect(up.outputs.desiredInstances.value).toBe(3);

    expect((await program.stack.preview()).changeSummary).toEqual({ same: 3 });
  }, 240_000);
});
