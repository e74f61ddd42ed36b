// How the appstream:AppBlockBuilder hook's destroy waits for the builder to stop: within the delete
// timeout the program set, and past the errors a builder may keep listing while it stops. The
// engine's waits run on a simulated clock here, so a timeout of minutes passes at once.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { call } from "../../provider/engine/calls";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { engineOnSimulatedClock } from "../helpers/simulated-clock";

const { checked, emulator, operations } = engineEndpoint([appstreamService], {
  stack: "builder-delete",
  reset: "world",
});

engineOnSimulatedClock(2_000);
afterEach(async () => {
  await emulator().control.updateSettings({ transitionMs: 0 });
});

/** A running builder (it starts only with an app block). */
async function runningBuilder(name: string, more: Record<string, unknown> = {}) {
  const block = await call("appstream", "CreateAppBlock", {
    Name: `${name}-tools`,
    PackagingType: "APPSTREAM2",
    SourceS3Location: { S3Bucket: "euc-apps", S3Key: `blocks/${name}-tools.vhdx` },
  });
  return createResource(
    "appstream:AppBlockBuilder",
    checked("appstream:AppBlockBuilder", {
      name,
      platform: "WINDOWS_SERVER_2019",
      instanceType: "stream.standard.medium",
      vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
      state: "RUNNING",
      appBlockArns: [(block.AppBlock as { Arn: string }).Arn],
      ...more,
    }),
  );
}

describe("appstream:AppBlockBuilder destroy", () => {
  it("gives up on a builder that does not stop within the program's delete timeout, and does not delete it", async () => {
    const builder = await runningBuilder("slow", { timeouts: { delete: 0.05 } });
    // Each transition of the endpoint now takes an hour: the builder stays STOPPING.
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    await emulator().control.resetCalls();
    await expect(deleteResource("appstream:AppBlockBuilder", builder.id, builder.outs)).rejects.toThrow(
      /is still STOPPING after [\d.]+s, past its timeout of 0.05 min/,
    );
    expect(await operations()).not.toContain("DeleteAppBlockBuilder");
  });

  it("stops and deletes a builder that lists errors while it stops", async () => {
    const builder = await runningBuilder("faulty");
    await emulator().control.mutate("appstream:AppBlockBuilder", "faulty", {
      AppBlockBuilderErrors: [
        { ErrorCode: "INTERNAL_SERVICE_ERROR", ErrorMessage: "The instance failed a health check." },
      ],
    });
    await emulator().control.resetCalls();
    await deleteResource("appstream:AppBlockBuilder", builder.id, builder.outs);
    expect((await operations()).filter((op) => /^(Stop|Disassociate|Delete)AppBlockBuilder/.test(op))).toEqual([
      "StopAppBlockBuilder",
      "DisassociateAppBlockBuilderAppBlock",
      "DeleteAppBlockBuilder",
    ]);
  });

  it("fails the destroy with the service's refusal of the delete, other than not found", async () => {
    const builder = await runningBuilder("restarted");
    await emulator().control.holdOperation("DeleteAppBlockBuilder", 1, "before");
    const destroying = deleteResource("appstream:AppBlockBuilder", builder.id, builder.outs);
    const outcome = destroying.then(
      () => undefined,
      (error: Error) => error,
    );
    await emulator().control.waitFor(
      () => emulator().control.blocked(),
      (b) => b.blocked,
    );
    // Started again by someone else between its stop and the delete.
    await emulator().control.mutate("appstream:AppBlockBuilder", "restarted", { State: "RUNNING" });
    await emulator().control.unblock();
    expect((await outcome)?.message).toMatch(/^DeleteAppBlockBuilder failed: .*stop it before deleting it/);
  });

  it("names what it waited for when the deleted builder turns up in another state", async () => {
    const builder = await runningBuilder("revived", { state: "STOPPED" });
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    await emulator().control.holdOperation("DeleteAppBlockBuilder", 1, "after");
    const outcome = deleteResource("appstream:AppBlockBuilder", builder.id, builder.outs).then(
      () => undefined,
      (error: Error) => error,
    );
    await emulator().control.waitFor(
      () => emulator().control.blocked(),
      (b) => b.blocked,
    );
    await emulator().control.mutate("appstream:AppBlockBuilder", "revived", { State: "STARTING" });
    await emulator().control.unblock();
    expect((await outcome)?.message).toContain("is in state STARTING, which leads to neither deletion");
  });

  // The service may still list a builder as it was for a moment after StopAppBlockBuilder.
  it.each(["STARTING", "RUNNING"])("waits for a builder still listed %s after its stop", async (state) => {
    const builder = await runningBuilder(`listed-${state.toLowerCase()}`, { timeouts: { delete: 0.05 } });
    await emulator().control.holdOperation("StopAppBlockBuilder", 1, "after");
    const outcome = deleteResource("appstream:AppBlockBuilder", builder.id, builder.outs).then(
      () => undefined,
      (error: Error) => error,
    );
    await emulator().control.waitFor(
      () => emulator().control.blocked(),
      (b) => b.blocked,
    );
    await emulator().control.mutate("appstream:AppBlockBuilder", String(builder.id), { State: state });
    await emulator().control.unblock();
    // Listed so until the timeout: the wait went on to its end.
    expect((await outcome)?.message).toMatch(
      new RegExp(`is still ${state} after [\\d.]+s, past its timeout of 0.05 min`),
    );
  });
});
