// The whole path through the real engine: Automation API -> pulumi CLI -> Node.js language host ->
// program -> dynamic-provider plugin -> this package's engine -> AWS SDK -> the local endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

describe("a program on the real Pulumi CLI", () => {
  let emulator: RunningEmulator;
  let program: ProgramStack;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, transitionMs: 50 });
    program = await programStack("test/e2e/programs/stack-basic", {
      "aws-euc:endpoint": emulator.url,
      "aws:region": "us-west-2",
    });
  });
  afterAll(async () => {
    await program?.stack.workspace.removeStack("e2e", { force: true }).catch(() => undefined);
    await program?.cleanup();
    await emulator?.close();
  });

  it("previews, creates, shows no changes, and destroys", async () => {
    const preview = await program.stack.preview();
    expect(preview.changeSummary).toMatchObject({ create: 2 });

    const up = await program.stack.up();
    expect(up.summary.result).toBe("succeeded");
    // The dynamic-provider plugin is found bundled beside the CLI: nothing downloaded, no warning.
    expect(`${up.stdout}\n${up.stderr}`).not.toMatch(/download|pulumi-resource-pulumi-nodejs from \$PATH|warning/i);
    expect(program.stack.workspace.pulumiVersion).toBe("3.259.0");
    expect(up.summary.resourceChanges).toMatchObject({ create: 2 });
    expect(up.outputs.stackName.value).toMatch(/^training-[0-9a-f]{7}$/);
    expect(up.outputs.displayName.value).toBe("Training");
    const stacks = await emulator.control.resources("appstream:Stack");
    expect(stacks.map((r) => r.id)).toEqual([up.outputs.stackName.value]);
    expect(up.outputs.stackArn.value).toBe(stacks[0].attributes.Arn);

    const again = await program.stack.preview();
    expect(again.changeSummary).toEqual({ same: 2 });

    const destroy = await program.stack.destroy();
    expect(destroy.summary.resourceChanges).toMatchObject({ delete: 2 });
    expect(await emulator.control.resources("appstream:Stack")).toEqual([]);
  }, 180_000);
});
