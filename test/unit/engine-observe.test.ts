// Reading the live resource, through readResource, updateResource and the list the hooks use: a read
// the service refuses for another reason than "not found" is an error (a refresh must not drop a
// resource it could not read); a user, which AppStream only lists, is the listed item of its name and
// gone when none has it; a type without a list operation says so.
import { afterEach, describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { runtimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { list } from "../../provider/engine/observe";
import { readResource } from "../../provider/engine/read";
import { loadSchema } from "../../provider/engine/schema-loader";

const { emulator, checked, unique } = engineEndpoint([appstreamService, thinClientService], {
  stack: "observe",
  namePrefix: "o",
});

afterEach(async () => {
  await emulator().control.clearFaults();
});

describe("a read the service refuses", () => {
  it("is the service's error, not a deletion", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby" }),
    );
    const config = runtimeConfig();
    setRuntimeConfig({ ...config, maxAttempts: 1 });
    await emulator().control.setFaults({ serverErrorPercent: 100 });
    try {
      await expect(readResource("thinclient:Environment", id, outs)).rejects.toThrow(
        /^GetEnvironment failed: InternalServerException/,
      );
    } finally {
      setRuntimeConfig(config);
    }
  });
});

describe("a user, read by listing", () => {
  const user = async () => {
    const userName = `user${unique()}@example.com`;
    return createResource(
      "appstream:User",
      checked("appstream:User", { userName, authenticationType: "USERPOOL", firstName: "A", lastName: "B" }),
    );
  };

  it("is the listed user of its name", async () => {
    await user();
    const second = await user();
    const read = await readResource("appstream:User", second.id, second.outs);
    expect(read.props).toMatchObject({ userName: second.outs.userName, authenticationType: "USERPOOL" });
  });

  it("is gone when no listed user has its name", async () => {
    await user();
    const { id, outs } = await user();
    const record = (await emulator().control.resources("appstream:User")).find(
      (r) => r.attributes.UserName === outs.userName,
    )!;
    await emulator().control.deleteResource("appstream:User", record.id);
    expect(await readResource("appstream:User", id, outs)).toEqual({});
  });
});

describe("listing a type", () => {
  it("without a list operation says so", async () => {
    await expect(list(loadSchema("appstream:Entitlement"), {})).rejects.toThrow(
      "appstream:Entitlement has no list operation",
    );
  });
});
