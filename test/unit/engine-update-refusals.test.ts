// The sentences a user (or a hook's author) reads when an update or a delete cannot be done as the
// schema says: a type without an update call asked to update properties, a type without a delete
// call asked to delete, and a resource that still reports the service's errors after an update.
import { describe, expect, it } from "vitest";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource } from "../../provider/engine/create";
import { contextFor } from "../../provider/engine/resource-context";
import { updateResource } from "../../provider/engine/update";
import { engineEndpoint } from "../helpers/engine-endpoint";

const { emulator, checked, mutatingCalls } = engineEndpoint([appstreamService, thinClientService], {
  stack: "refusals",
  namePrefix: "x",
});

describe("the schema's own update and delete, asked of a type that has none", () => {
  it("an update names the type and the changed properties, and sends nothing", async () => {
    const ctx = contextFor("appstream:User", {});
    const scope = { userName: "ana@example.com", authenticationType: "USERPOOL" };
    await expect(
      ctx.updateAsSchemaSays(scope, { ...scope, firstName: "Ana", lastName: "Silva" }, ["firstName", "lastName"], 1000),
    ).rejects.toThrow("appstream:User has no update operation, yet firstName, lastName changed");
    expect(await mutatingCalls()).toEqual([]);
  });

  it("a delete names the type, and sends nothing", async () => {
    const ctx = contextFor("thinclient:SoftwareSetValidation", {});
    await expect(ctx.deleteAsSchemaSays({ softwareSetId: "s-1" }, {}, 1000)).rejects.toThrow(
      "thinclient:SoftwareSetValidation has no delete operation",
    );
    expect(await mutatingCalls()).toEqual([]);
  });
});

describe("an update of a resource that reports errors", () => {
  it("is applied, then fails naming the resource, its id and each error", async () => {
    const inputs = checked(
      "appstream:Fleet",
      {
        instanceType: "stream.standard.medium",
        imageName: "AppStream-WinServer2019-06-12-2024",
        computeCapacity: { desiredInstances: 1 },
        state: "STOPPED",
      },
      "erring",
    );
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.fleetErrors(id, [
      { ErrorCode: "IAM_SERVICE_ROLE_IS_MISSING", ErrorMessage: "The service role is missing" },
      { ErrorCode: "SUBNET_NOT_FOUND", ErrorMessage: "subnet-1 is gone" },
    ]);
    await emulator().control.resetCalls();
    await expect(updateResource("appstream:Fleet", id, outs, { ...inputs, displayName: "Renamed" })).rejects.toThrow(
      `appstream:Fleet erring (${id}) reports errors: IAM_SERVICE_ROLE_IS_MISSING: The service role is missing; SUBNET_NOT_FOUND: subnet-1 is gone`,
    );
    expect(await mutatingCalls()).toEqual(["UpdateFleet"]);
  });
});
