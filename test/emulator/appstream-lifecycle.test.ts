// Lifecycles on a manual clock: every transitional state is observed, then its target.
import {
  ConcurrentModificationException,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DeleteFleetCommand,
  DeleteImageBuilderCommand,
  DeleteImageCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  InvalidParameterCombinationException,
  ResourceInUseException,
  ResourceNotFoundException,
  StartFleetCommand,
  StartImageBuilderCommand,
  StopFleetCommand,
  StopImageBuilderCommand,
  UpdateFleetCommand,
} from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fleetInput, PRIVATE_IMAGE, PUBLIC_IMAGE, startAppStream, type AppStreamHarness } from "./support";

const STEP = 1000;
let h: AppStreamHarness;

beforeAll(async () => {
  h = await startAppStream({ transitionMs: STEP });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.control.reset());

async function fleet(name: string) {
  return (await h.client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0];
}

async function builderState(name: string) {
  return (await h.client.send(new DescribeImageBuildersCommand({ Names: [name] }))).ImageBuilders![0].State;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

describe("fleet lifecycle", () => {
  it("STOPPED -> STARTING -> RUNNING with capacity following, then STOPPING -> STOPPED", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    expect((await fleet("f")).State).toBe("STOPPED");
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    expect(await fleet("f")).toMatchObject({ State: "STARTING", ComputeCapacityStatus: { Desired: 2, Running: 0 } });
    h.clock.advance(STEP - 1);
    expect((await fleet("f")).State).toBe("STARTING");
    h.clock.advance(1);
    expect(await fleet("f")).toMatchObject({
      State: "RUNNING",
      ComputeCapacityStatus: { Desired: 2, Running: 2, InUse: 0, Available: 2 },
    });
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    expect((await fleet("f")).State).toBe("STOPPING");
    h.clock.advance(STEP);
    expect(await fleet("f")).toMatchObject({
      State: "STOPPED",
      ComputeCapacityStatus: { Desired: 2, Running: 0, Available: 0 },
    });
  });

  it("nothing can be updated while STARTING or STOPPING, and a STOPPING fleet cannot be started", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    const whileStarting = await rejection(h.client.send(new UpdateFleetCommand({ Name: "f", DisplayName: "x" })));
    expect(whileStarting).toBeInstanceOf(ConcurrentModificationException);
    h.clock.advance(STEP);
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    const whileStopping = await rejection(h.client.send(new UpdateFleetCommand({ Name: "f", DisplayName: "x" })));
    expect(whileStopping).toBeInstanceOf(ConcurrentModificationException);
    expect(await rejection(h.client.send(new StartFleetCommand({ Name: "f" })))).toBeInstanceOf(
      ConcurrentModificationException,
    );
  });

  it("a RUNNING fleet accepts only DisplayName and ComputeCapacity (seed 002)", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    h.clock.advance(STEP);
    const { Fleet } = await h.client.send(
      new UpdateFleetCommand({ Name: "f", DisplayName: "Renamed", ComputeCapacity: { DesiredInstances: 3 } }),
    );
    expect(Fleet).toMatchObject({
      State: "RUNNING",
      DisplayName: "Renamed",
      ComputeCapacityStatus: { Desired: 3, Running: 3, Available: 3 },
    });
    const refused = [
      { InstanceType: "stream.compute.large" },
      { Description: "d" },
      { MaxUserDurationInSeconds: 3600 },
      { ImageName: PRIVATE_IMAGE },
      { EnableDefaultInternetAccess: false },
      { AttributesToDelete: ["VPC_CONFIGURATION" as const] },
    ];
    for (const change of refused) {
      const err = await rejection(h.client.send(new UpdateFleetCommand({ Name: "f", ...change })));
      expect(err, JSON.stringify(change)).toBeInstanceOf(InvalidParameterCombinationException);
    }
    // The reconciler's path: stop, update, start again.
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    h.clock.advance(STEP);
    const updated = await h.client.send(
      new UpdateFleetCommand({ Name: "f", InstanceType: "stream.compute.large", Description: "d" }),
    );
    expect(updated.Fleet).toMatchObject({ State: "STOPPED", InstanceType: "stream.compute.large", Description: "d" });
  });

  it("StopFleet on a STARTING fleet wins over the pending start; Start and Stop are idempotent", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    expect((await fleet("f")).State).toBe("STOPPING");
    h.clock.advance(10 * STEP);
    expect((await fleet("f")).State).toBe("STOPPED");
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    expect((await fleet("f")).State).toBe("STOPPED");
  });

  it("DeleteFleet needs STOPPED; the fleet lingers one transition, then is gone", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    h.clock.advance(STEP);
    expect(await rejection(h.client.send(new DeleteFleetCommand({ Name: "f" })))).toBeInstanceOf(
      ResourceInUseException,
    );
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    expect(await rejection(h.client.send(new DeleteFleetCommand({ Name: "f" })))).toBeInstanceOf(
      ResourceInUseException,
    );
    h.clock.advance(STEP);
    await h.client.send(new DeleteFleetCommand({ Name: "f" }));
    expect((await fleet("f")).State).toBe("STOPPED");
    h.clock.advance(STEP);
    expect(await rejection(h.client.send(new DescribeFleetsCommand({ Names: ["f"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe("image builder lifecycle", () => {
  it("PENDING -> RUNNING, STOPPING -> STOPPED, PENDING -> RUNNING, DELETING -> gone", async () => {
    const created = await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    expect(created.ImageBuilder?.State).toBe("PENDING");
    expect(await builderState("ib")).toBe("PENDING");
    const early = [
      await rejection(h.client.send(new StopImageBuilderCommand({ Name: "ib" }))),
      await rejection(h.client.send(new DeleteImageBuilderCommand({ Name: "ib" }))),
    ];
    for (const err of early) expect(err).toBeInstanceOf(ConcurrentModificationException);
    h.clock.advance(STEP);
    expect(await builderState("ib")).toBe("RUNNING");
    await h.client.send(new StopImageBuilderCommand({ Name: "ib" }));
    expect(await builderState("ib")).toBe("STOPPING");
    expect(await rejection(h.client.send(new StartImageBuilderCommand({ Name: "ib" })))).toBeInstanceOf(
      ConcurrentModificationException,
    );
    h.clock.advance(STEP);
    expect(await builderState("ib")).toBe("STOPPED");
    await h.client.send(new StartImageBuilderCommand({ Name: "ib" }));
    expect(await builderState("ib")).toBe("PENDING");
    h.clock.advance(STEP);
    expect(await builderState("ib")).toBe("RUNNING");
    await h.client.send(new DeleteImageBuilderCommand({ Name: "ib" }));
    expect(await builderState("ib")).toBe("DELETING");
    h.clock.advance(STEP);
    expect(await rejection(h.client.send(new DescribeImageBuildersCommand({ Names: ["ib"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("a STOPPED builder can be deleted too", async () => {
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    h.clock.advance(STEP);
    await h.client.send(new StopImageBuilderCommand({ Name: "ib" }));
    h.clock.advance(STEP);
    const deleted = await h.client.send(new DeleteImageBuilderCommand({ Name: "ib" }));
    expect(deleted.ImageBuilder?.State).toBe("DELETING");
    h.clock.advance(STEP);
    expect(await h.emulator.control.resource("appstream:ImageBuilder", "ib")).toBeUndefined();
  });
});

describe("image builder snapshot (control API)", () => {
  it("SNAPSHOTTING -> STOPPED for the builder, PENDING -> AVAILABLE for its private image; refused unless RUNNING", async () => {
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    await expect(h.emulator.control.snapshotImageBuilder("ib", "snap")).rejects.toThrow(/not RUNNING/);
    h.clock.advance(STEP);
    await h.emulator.control.snapshotImageBuilder("ib", "snap");
    expect(await builderState("ib")).toBe("SNAPSHOTTING");
    expect(await rejection(h.client.send(new DeleteImageBuilderCommand({ Name: "ib" })))).toBeInstanceOf(
      ConcurrentModificationException,
    );
    const pending = (await h.client.send(new DescribeImagesCommand({ Names: ["snap"] }))).Images?.[0];
    expect(pending).toMatchObject({
      State: "PENDING",
      Visibility: "PRIVATE",
      ImageBuilderName: "ib",
      Platform: "WINDOWS_SERVER_2019",
    });
    h.clock.advance(STEP);
    expect(await builderState("ib")).toBe("STOPPED");
    expect((await h.client.send(new DescribeImagesCommand({ Names: ["snap"] }))).Images?.[0].State).toBe("AVAILABLE");
    await expect(h.emulator.control.snapshotImageBuilder("ib", "snap")).rejects.toThrow(/not RUNNING|already exists/);
  });
});

describe("image deletion", () => {
  it("DELETING, then gone", async () => {
    await h.client.send(new DeleteImageCommand({ Name: PRIVATE_IMAGE }));
    const during = await h.client.send(new DescribeImagesCommand({ Names: [PRIVATE_IMAGE] }));
    expect(during.Images?.[0].State).toBe("DELETING");
    h.clock.advance(STEP);
    expect(await rejection(h.client.send(new DescribeImagesCommand({ Names: [PRIVATE_IMAGE] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});
