// What a refresh or an import by id records, through readResource against the local endpoint: a
// resource deleted meanwhile drops out, an import counts every reported input as set, the inputs the
// service does not return are kept from state, the desired state drifts only when the live one
// settled elsewhere, object inputs are read back as the program wrote them, the tags come from their
// own listing call (asked alongside the read when the ARN is known), and a malformed id is refused
// naming its form.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource } from "../../provider/engine/create";
import { readResource } from "../../provider/engine/read";

const {
  emulator,
  checked,
  operations: calls,
} = engineEndpoint([appstreamService, thinClientService], { stack: "read" });

const desktopArn = "arn:aws:appstream:us-west-2:123456789012:stack/lobby";

describe("a refresh", () => {
  it("of a resource deleted meanwhile finds nothing, so Pulumi drops it", async () => {
    const { id, outs } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn }),
    );
    await emulator().control.deleteResource("thinclient:Environment", id);
    expect(await readResource("thinclient:Environment", id, outs)).toEqual({});
  });

  it("asks for the tags alongside the read, by the ARN from the last read, once", async () => {
    const inputs = checked("thinclient:Environment", { desktopArn, name: "Front", tags: { team: "euc" } });
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    await emulator().control.resetCalls();
    const read = await readResource("thinclient:Environment", id, outs);
    expect((await calls()).sort()).toEqual(["GetEnvironment", "ListTagsForResource"]);
    expect(await emulator().control.inputs("ListTagsForResource")).toEqual([{ resourceArn: outs.arn }]);
    expect(read.props).toMatchObject({ environmentId: id, name: "Front", tags: { team: "euc" } });
    expect(read.inputs).toEqual({
      __urn: inputs.__urn,
      desktopArn,
      name: "Front",
      tags: { team: "euc" },
    });
  });

  it("keeps the engine's own inputs from state and names the inputs the program set", async () => {
    const inputs = checked("thinclient:Environment", { desktopArn, timeouts: { create: 7 } });
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    const read = await readResource("thinclient:Environment", id, outs);
    expect(read.props).toMatchObject({ timeouts: { create: 7 }, __inputKeys: ["desktopArn", "timeouts"] });
    expect(read.inputs).toEqual({ __urn: inputs.__urn, desktopArn, timeouts: { create: 7 } });
  });

  it("records an object input as the program wrote it, not with the members the service filled in", async () => {
    const window = {
      type: "CUSTOM",
      startTimeHour: 1,
      startTimeMinute: 0,
      endTimeHour: 3,
      endTimeMinute: 0,
      daysOfTheWeek: ["MONDAY"],
    };
    const inputs = checked("thinclient:Environment", { desktopArn, maintenanceWindow: window });
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    const read = await readResource("thinclient:Environment", id, outs);
    expect(read.inputs?.maintenanceWindow).toEqual(window);
    expect(read.props?.__programValues).toEqual({ maintenanceWindow: window });
  });
});

describe("an import by id (no state)", () => {
  it("counts every input the service reports as set, and reads the tags by the ARN the read returned", async () => {
    const { id } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn, name: "Imported", tags: { site: "hq" } }),
    );
    await emulator().control.resetCalls();
    const read = await readResource("thinclient:Environment", id, {});
    expect(await calls()).toEqual(["GetEnvironment", "ListTagsForResource"]);
    expect(read.id).toBe(id);
    expect(read.inputs).toMatchObject({ desktopArn, name: "Imported", tags: { site: "hq" } });
    expect(read.props?.__inputKeys).toEqual(expect.arrayContaining(["desktopArn", "name", "tags"]));
    expect(read.inputs?.environmentId).toBeUndefined();
  });

  it("refuses an id not of the type's form, naming the form", async () => {
    await expect(readResource("thinclient:Environment", "", {})).rejects.toThrow(
      'thinclient:Environment: id "" is not of the form <environmentId>',
    );
    await expect(readResource("appstream:FleetStackAssociation", "only-a-fleet", {})).rejects.toThrow(
      'appstream:FleetStackAssociation: id "only-a-fleet" is not of the form <fleetName>/<stackName>',
    );
  });
});

describe("an id whose last part is an ARN", () => {
  it("gives the ARN, slashes and all, to the last part, and refuses an empty part", async () => {
    const applicationArn = "arn:aws:appstream:us-west-2:123456789012:application/painter";
    expect(await readResource("appstream:ApplicationFleetAssociation", `studio-fleet/${applicationArn}`, {})).toEqual(
      {},
    );
    expect(await emulator().control.inputs("DescribeApplicationFleetAssociations")).toEqual([
      { FleetName: "studio-fleet", ApplicationArn: applicationArn },
    ]);
    await expect(readResource("appstream:ApplicationFleetAssociation", "studio-fleet/", {})).rejects.toThrow(
      'appstream:ApplicationFleetAssociation: id "studio-fleet/" is not of the form <fleetName>/<applicationArn>',
    );
  });
});

describe("the desired state on refresh", () => {
  const fleet = (state: string) =>
    checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state,
    });

  it("drifts to where the fleet settled, and stays as asked while it is between states", async () => {
    const inputs = fleet("RUNNING");
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    await emulator().control.mutate("appstream:Fleet", id, { State: "STOPPED" });
    expect((await readResource("appstream:Fleet", id, outs)).props).toMatchObject({
      currentState: "STOPPED",
      state: "STOPPED",
    });
    await emulator().control.mutate("appstream:Fleet", id, { State: "STARTING" });
    const between = await readResource("appstream:Fleet", id, outs);
    expect(between.props).toMatchObject({ currentState: "STARTING", state: "RUNNING" });
    expect(between.inputs?.state).toBe("RUNNING");
  });
});
