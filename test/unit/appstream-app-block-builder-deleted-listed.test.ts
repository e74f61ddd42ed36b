// The appstream:AppBlockBuilder hook's destroy after DeleteAppBlockBuilder: the service may list the
// deleted builder, STOPPED, for a while, with the errors it had; the destroy waits until it is gone
// rather than failing on those errors.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";

const { checked, emulator, operations, unique } = engineEndpoint([appstreamService], {
  stack: "builder-deleted-listed",
});

afterEach(() => emulator().control.updateSettings({ transitionMs: 0 }));

describe("a deleted app block builder still listed STOPPED with errors", () => {
  it("is waited for until it is gone, and the destroy succeeds", async () => {
    const name = `listed${unique()}`;
    const { id, outs } = await createResource(
      "appstream:AppBlockBuilder",
      checked("appstream:AppBlockBuilder", {
        name,
        platform: "WINDOWS_SERVER_2019",
        instanceType: "stream.standard.medium",
        vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
        state: "STOPPED",
      }),
    );
    await emulator().control.mutate("appstream:AppBlockBuilder", name, {
      AppBlockBuilderErrors: [
        { ErrorCode: "INTERNAL_SERVICE_ERROR", ErrorMessage: "The instance failed a health check." },
      ],
    });
    // The deletion now takes an hour: the builder stays listed, STOPPED, until it is removed below.
    await emulator().control.updateSettings({ transitionMs: 3_600_000 });
    await emulator().control.resetCalls();
    let settled = false;
    const destroyed = deleteResource("appstream:AppBlockBuilder", id, outs)
      .then(
        () => "deleted",
        (error: Error) => error.message,
      )
      .finally(() => (settled = true));
    const readsAfterDelete = async () => {
      const log = await operations();
      return log.slice(log.indexOf("DeleteAppBlockBuilder") + 1).filter((op) => op === "DescribeAppBlockBuilders");
    };
    await emulator().control.waitFor(readsAfterDelete, (reads) => reads.length >= 2 || settled);
    await emulator().control.deleteResource("appstream:AppBlockBuilder", name);
    expect(await destroyed).toBe("deleted");
    expect(await operations()).toContain("DeleteAppBlockBuilder");
  });
});
