// What a read records beyond the live values, against the local endpoint: an import by id counts as
// set exactly the inputs the service reports (not every input the type has), and a fleet caught
// between states has no desired state to import (STARTING is no value the program could give); a
// refresh keeps the engine's marker of a name it made up, and a resource taken over by id records
// no program values, since the service's values are not the program's.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { thinClientService } from "../../emulator/services/thinclient";
import { checkResource } from "../../provider/engine/plan";
import { createResource } from "../../provider/engine/create";
import { readResource } from "../../provider/engine/read";

const { emulator, checked, urnOf } = engineEndpoint([appstreamService, thinClientService], {
  stack: "read-takeover",
  namePrefix: "k",
});

const desktopArn = "arn:aws:appstream:us-west-2:123456789012:stack/lobby";
const fleetInputs = {
  instanceType: "stream.standard.medium",
  imageName: "AppStream-WinServer2019-06-12-2024",
  computeCapacity: { desiredInstances: 1 },
};

describe("an import by id", () => {
  it("counts as set exactly the inputs the service reports", async () => {
    const { id } = await createResource("thinclient:Environment", checked("thinclient:Environment", { desktopArn }));
    const read = await readResource("thinclient:Environment", id, {});
    const keys = read.props?.__inputKeys as string[];
    // The type's other inputs (its name here), which the service leaves out, are not the program's to say.
    expect(keys.sort()).toEqual(
      ["desktopArn", "maintenanceWindow", "softwareSetUpdateMode", "softwareSetUpdateSchedule", "tags"].sort(),
    );
    expect(Object.keys(read.inputs ?? {}).sort()).toEqual(keys.filter((key) => key !== "__urn").sort());
  });

  it("of a fleet between states gives it no desired state, which no program value could match", async () => {
    const { id } = await createResource(
      "appstream:Fleet",
      checked("appstream:Fleet", { ...fleetInputs, state: "RUNNING" }),
    );
    await emulator().control.mutate("appstream:Fleet", id, { State: "STARTING" });
    const read = await readResource("appstream:Fleet", id, {});
    expect(read.props).toMatchObject({ currentState: "STARTING" });
    expect(read.props?.state).toBeUndefined();
    expect(read.props?.__inputKeys).not.toContain("state");
    expect(read.inputs).not.toHaveProperty("state");
    // What the import gives the program raises no complaint about the state in its check.
    const urn = urnOf("appstream:Fleet", "imported");
    const { failures } = checkResource("appstream:Fleet", {}, { ...read.inputs, __urn: urn });
    expect(failures.filter((failure) => failure.property === "state")).toEqual([]);
  });

  it("of a fleet that settled takes the state it settled in as desired", async () => {
    const { id } = await createResource(
      "appstream:Fleet",
      checked("appstream:Fleet", { ...fleetInputs, state: "RUNNING" }),
    );
    const read = await readResource("appstream:Fleet", id, {});
    expect(read.props).toMatchObject({ currentState: "RUNNING", state: "RUNNING" });
    expect(read.inputs?.state).toBe("RUNNING");
  });

  it("records no program values, through later refreshes too", async () => {
    const window = {
      type: "CUSTOM",
      startTimeHour: 1,
      startTimeMinute: 0,
      endTimeHour: 3,
      endTimeMinute: 0,
      daysOfTheWeek: ["MONDAY"],
    };
    const { id } = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", { desktopArn, maintenanceWindow: window }),
    );
    const imported = await readResource("thinclient:Environment", id, {});
    expect(imported.props?.maintenanceWindow).toMatchObject(window);
    expect(imported.props).not.toHaveProperty("__programValues");
    const refreshed = await readResource("thinclient:Environment", id, imported.props ?? {});
    expect(refreshed.props?.maintenanceWindow).toMatchObject(window);
    expect(refreshed.props).not.toHaveProperty("__programValues");
  });
});

describe("a refresh of a resource the engine named", () => {
  it("keeps the marker that the name was made up, among the inputs too", async () => {
    const inputs = checked("appstream:Fleet", fleetInputs);
    expect(inputs.__autoNamed).toBe(true);
    const { id, outs } = await createResource("appstream:Fleet", inputs);
    const read = await readResource("appstream:Fleet", id, outs);
    expect(read.inputs).toMatchObject({ __urn: inputs.__urn, __autoNamed: true, name: inputs.name });
    expect(read.props?.__autoNamed).toBe(true);
  });
});
