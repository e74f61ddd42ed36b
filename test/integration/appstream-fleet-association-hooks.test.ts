// More of what the appstream:Fleet and appstream:FleetStackAssociation hooks do that a user notices,
// through the provider's entry points against the local endpoint: which stacks a fleet's destroy
// disassociates and how it stops the fleet, a refusal to delete that fails the destroy, the desired
// capacity read back from what the service reports, and whether an association exists, on whichever
// page of the fleet's stacks it is listed.
import { describe, expect, it } from "vitest";
import { AssociateFleetCommand } from "@aws-sdk/client-appstream";
import { appstreamService } from "../../emulator/services/appstream";
import { createAwsClients } from "../../provider/aws-clients";
import { checked, create, destroy, destroyError, providerEndpoint, read, urnOf } from "../helpers/provider-calls";

const associationType = "appstream:FleetStackAssociation";

const endpoint = providerEndpoint([appstreamService], "world");

const onDemand = {
  instanceType: "stream.standard.medium",
  imageName: "AppStream-WinServer2019-06-12-2024",
  computeCapacity: { desiredInstances: 1 },
};

const operations = async () => (await endpoint().control.calls()).log.map((e) => e.operation);

async function stack(name: string): Promise<string> {
  return (await create(await checked("appstream:Stack", { name }))).id;
}

async function associate(fleetName: string, stackName: string) {
  return create(await checked(associationType, { fleetName, stackName }));
}

describe("appstream:Fleet destroy", () => {
  it("disassociates each of its stacks by name, stops the running fleet by name, and deletes it", async () => {
    const fleet = await create(await checked("appstream:Fleet", { ...onDemand, name: "desks", state: "RUNNING" }));
    for (const name of ["front", "back"]) await associate("desks", await stack(name));
    await endpoint().control.resetCalls();
    await destroy(fleet.id, fleet.outs);
    expect(await endpoint().control.inputs("DisassociateFleet")).toEqual([
      { FleetName: "desks", StackName: "front" },
      { FleetName: "desks", StackName: "back" },
    ]);
    expect(await endpoint().control.inputs("StopFleet")).toEqual([{ Name: "desks" }]);
    expect(await endpoint().control.inputs("DeleteFleet")).toEqual([{ Name: "desks" }]);
    expect(await endpoint().control.resource("appstream:Fleet", "desks")).toBeUndefined();
    expect(await endpoint().control.resource("appstream:Stack", "front")).toBeDefined();
  });

  it("fails the destroy, keeping the fleet, when the service refuses the delete", async () => {
    const fleet = await create(await checked("appstream:Fleet", { ...onDemand, name: "kept" }));
    const lateStack = await stack("late");
    await endpoint().control.holdOperation("DeleteFleet", 1, "before");
    const destroying = destroyError(fleet.id, fleet.outs);
    await endpoint().control.waitFor(
      () => endpoint().control.blocked(),
      (b) => b.blocked && b.operation === "DeleteFleet",
    );
    // Someone associates a stack between the destroy's disassociations and its delete.
    await createAwsClients({ endpoint: endpoint().url }).appstream.send(
      new AssociateFleetCommand({ FleetName: "kept", StackName: lateStack }),
    );
    await endpoint().control.unblock();
    expect((await destroying)?.message).toMatch(/ResourceInUseException/);
    expect(await endpoint().control.resource("appstream:Fleet", "kept")).toBeDefined();
  });
});

describe("appstream:Fleet read of its capacity", () => {
  it("reads a multi-session fleet's sessions from Desired when the service reports no DesiredUserSessions", async () => {
    const fleet = await create(
      await checked("appstream:Fleet", {
        ...onDemand,
        name: "shared",
        maxSessionsPerInstance: 5,
        computeCapacity: { desiredSessions: 10 },
      }),
    );
    const live = await endpoint().control.resource("appstream:Fleet", "shared");
    const status = { ...(live?.attributes.ComputeCapacityStatus as Record<string, unknown>) };
    delete status.DesiredUserSessions;
    await endpoint().control.mutate("appstream:Fleet", "shared", { ComputeCapacityStatus: { ...status, Desired: 7 } });
    expect((await read(fleet.id, fleet.outs)).inputs?.computeCapacity).toEqual({ desiredSessions: 7 });
  });

  it("reads a single-session fleet's desired instances, whatever its live counts", async () => {
    const fleet = await create(await checked("appstream:Fleet", { ...onDemand, name: "single" }));
    const live = await endpoint().control.resource("appstream:Fleet", "single");
    await endpoint().control.mutate("appstream:Fleet", "single", {
      ComputeCapacityStatus: { ...(live?.attributes.ComputeCapacityStatus as object), Desired: 3, Running: 2 },
    });
    const refreshed = await read(fleet.id, fleet.outs);
    expect(refreshed.inputs?.computeCapacity).toEqual({ desiredInstances: 3 });
    expect(refreshed.props?.computeCapacityStatus).toMatchObject({ desired: 3, running: 2 });
  });
});

describe("appstream:FleetStackAssociation read", () => {
  it("finds an association on the first page with one ListAssociatedStacks, and tells one that is gone", async () => {
    const fleet = await create(await checked("appstream:Fleet", { ...onDemand, name: "few" }));
    const association = await associate(fleet.id, await stack("one"));
    await stack("other");
    await endpoint().control.resetCalls();
    const found = await read(association.id, association.outs);
    expect(found.inputs).toMatchObject({ fleetName: "few", stackName: "one" });
    expect((await operations()).filter((op) => op === "ListAssociatedStacks")).toHaveLength(1);

    await endpoint().control.resetCalls();
    const other = await read("few/other", { __urn: urnOf(associationType), fleetName: "few", stackName: "other" });
    expect(other).toEqual({});
    // One page answered it: the stack is not on it and there is no next page.
    expect((await operations()).filter((op) => op === "ListAssociatedStacks")).toHaveLength(1);
  });

  it("reads an association of a fleet with no stack at all as gone", async () => {
    await create(await checked("appstream:Fleet", { ...onDemand, name: "lonely" }));
    await stack("alone");
    const props = { __urn: urnOf(associationType), fleetName: "lonely", stackName: "alone" };
    expect(await read("lonely/alone", props)).toEqual({});
  });

  it("finds an association past the first page, and tells one that is on no page", async () => {
    const fleet = await create(await checked("appstream:Fleet", { ...onDemand, name: "many" }));
    const names: string[] = [];
    for (let i = 0; i < 51; i++) {
      names.push(await stack(`s${i}`));
      await associate(fleet.id, names[i]);
    }
    await stack("unlisted");
    const last = await read(`many/${names[50]}`, {
      __urn: urnOf(associationType),
      fleetName: "many",
      stackName: names[50],
    });
    expect(last.inputs).toMatchObject({ fleetName: "many", stackName: names[50] });
    expect(
      await read("many/unlisted", { __urn: urnOf(associationType), fleetName: "many", stackName: "unlisted" }),
    ).toEqual({});
  });
});
