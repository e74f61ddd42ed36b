// The engine on appstream:Fleet and appstream:FleetStackAssociation against the local endpoint over
// HTTP with the real SDK: preview-time rules, desired state, updates a RUNNING fleet cannot take,
// attribute removal, capacity drift, and the delete sequence.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { deleteResource } from "../../provider/engine/delete";
import { checkResource, diffResource } from "../../provider/engine/plan";
import { readResource } from "../../provider/engine/read";
import { type Outputs } from "../../provider/engine/state";
import { updateResource } from "../../provider/engine/update";

const type = "appstream:Fleet";
let emulator: RunningEmulator;
let sequence = 0;

function fleetInputs(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = checkResource(
    type,
    {},
    {
      __urn: `urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Fleet::fleet${++sequence}`,
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 2 },
      ...overrides,
    },
  );
  expect(failures).toEqual([]);
  return inputs;
}

function failuresOf(overrides: Record<string, unknown>) {
  return checkResource(
    type,
    {},
    {
      __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Fleet::bad",
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      ...overrides,
    },
  ).failures;
}

/** The fleet operations the emulator saw, in order. */
async function fleetCalls(): Promise<string[]> {
  const { log } = await emulator.control.calls();
  return log.map((e) => e.operation).filter((op) => /Fleet|AssociatedStacks/.test(op) && op !== "DescribeFleets");
}

async function live(name: unknown) {
  return (await emulator.control.resource("appstream:Fleet", String(name)))?.attributes ?? {};
}

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 30 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("appstream:Fleet check", () => {
  it("names the property and the documented range", () => {
    expect(failuresOf({ maxUserDurationInSeconds: 432001 })).toEqual([
      { property: "maxUserDurationInSeconds", reason: "maxUserDurationInSeconds must be <= 432000 (got 432001)" },
    ]);
    expect(failuresOf({ disconnectTimeoutInSeconds: 59 })).toEqual([
      { property: "disconnectTimeoutInSeconds", reason: "disconnectTimeoutInSeconds must be >= 60 (got 59)" },
    ]);
    expect(failuresOf({ idleDisconnectTimeoutInSeconds: 30 })).toEqual([
      {
        property: "idleDisconnectTimeoutInSeconds",
        reason: "idleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000",
      },
    ]);
    expect(failuresOf({ idleDisconnectTimeoutInSeconds: 0 })).toEqual([]);
  });

  it("states the cross-field rules in the documentation's words", () => {
    expect(failuresOf({ imageArn: "arn:aws:appstream:us-west-2::image/x" })).toEqual([
      { property: "imageArn", reason: "imageName and imageArn are alternatives; set only one" },
    ]);
    expect(
      failuresOf({
        fleetType: "ELASTIC",
        imageName: undefined,
        maxConcurrentSessions: 5,
        platform: "WINDOWS_SERVER_2019",
        vpcConfig: { subnetIds: ["a", "b"] },
      }),
    ).toEqual([
      {
        property: "computeCapacity",
        reason: "computeCapacity is not allowed for ELASTIC fleets; set maxConcurrentSessions",
      },
    ]);
    expect(failuresOf({ maxSessionsPerInstance: 5 })).toEqual([
      {
        property: "computeCapacity.desiredSessions",
        reason: "a multi-session fleet (maxSessionsPerInstance set) takes computeCapacity.desiredSessions",
      },
    ]);
    expect(failuresOf({ computeCapacity: undefined })).toEqual([
      {
        property: "computeCapacity",
        reason:
          "computeCapacity is required, and maxConcurrentSessions and sessionScriptS3Location are not allowed, unless fleetType is ELASTIC",
      },
    ]);
  });
});

describe("appstream:Fleet lifecycle", () => {
  it("is created STOPPED without a start, and started when the desired state says RUNNING", async () => {
    const inputs = fleetInputs({ state: "STOPPED" });
    const { id, outs } = await createResource(type, inputs);
    expect(outs).toMatchObject({ currentState: "STOPPED", state: "STOPPED", computeCapacity: { desiredInstances: 2 } });
    expect(await fleetCalls()).toEqual(["CreateFleet"]);
    const started = await updateResource(type, id, outs, { ...inputs, state: "RUNNING" });
    expect(started.outs).toMatchObject({
      currentState: "RUNNING",
      state: "RUNNING",
      computeCapacityStatus: { running: 2 },
    });
    expect(await fleetCalls()).toEqual(["CreateFleet", "StartFleet"]);
  });

  it("takes displayName and computeCapacity on a RUNNING fleet without stopping it", async () => {
    const inputs = fleetInputs({ state: "RUNNING" });
    const { id, outs } = await createResource(type, inputs);
    await emulator.control.resetCalls();
    const updated = await updateResource(type, id, outs, {
      ...inputs,
      displayName: "Renamed",
      computeCapacity: { desiredInstances: 3 },
    });
    expect(updated.outs).toMatchObject({
      currentState: "RUNNING",
      displayName: "Renamed",
      computeCapacity: { desiredInstances: 3 },
    });
    expect(await fleetCalls()).toEqual(["UpdateFleet"]);
  });

  it("stops a RUNNING fleet for an instance type change, updates it, and starts it again", async () => {
    const inputs = fleetInputs({ state: "RUNNING" });
    const { id, outs } = await createResource(type, inputs);
    await emulator.control.resetCalls();
    const updated = await updateResource(type, id, outs, {
      ...inputs,
      instanceType: "stream.compute.large",
      displayName: "Bigger",
    });
    expect(updated.outs).toMatchObject({
      currentState: "RUNNING",
      instanceType: "stream.compute.large",
      displayName: "Bigger",
    });
    expect(await fleetCalls()).toEqual(["StopFleet", "UpdateFleet", "StartFleet"]);
  });

  it("returns a fleet to RUNNING after such an update when the program does not manage its state", async () => {
    const inputs = fleetInputs();
    const { id, outs } = await createResource(type, inputs);
    await updateResource(type, id, outs, { ...inputs, state: "RUNNING" });
    await emulator.control.resetCalls();
    await updateResource(type, id, { ...outs, state: "RUNNING" }, { ...inputs, maxUserDurationInSeconds: 7200 });
    expect(await fleetCalls()).toEqual(["StopFleet", "UpdateFleet", "StartFleet"]);
    expect(await live(outs.name)).toMatchObject({ State: "RUNNING", MaxUserDurationInSeconds: 7200 });
  });

  it("leaves a STOPPED fleet stopped through the same change, and stops without restarting when asked to", async () => {
    const inputs = fleetInputs({ state: "STOPPED" });
    const { id, outs } = await createResource(type, inputs);
    await emulator.control.resetCalls();
    await updateResource(type, id, outs, { ...inputs, instanceType: "stream.compute.large" });
    expect(await fleetCalls()).toEqual(["UpdateFleet"]);
    expect(await live(outs.name)).toMatchObject({ State: "STOPPED", InstanceType: "stream.compute.large" });
  });

  it("removes security groups and then the VPC configuration with AttributesToDelete", async () => {
    const vpcConfig = { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] };
    const inputs = fleetInputs({ vpcConfig });
    const { id, outs } = await createResource(type, inputs);
    const withoutGroups = { ...inputs, vpcConfig: { subnetIds: ["subnet-1"] } };
    const first = await updateResource(type, id, outs, withoutGroups);
    expect((await live(outs.name)).VpcConfig).toEqual({ SubnetIds: ["subnet-1"] });
    const { vpcConfig: _dropped, ...withoutVpc } = withoutGroups;
    await updateResource(type, id, first.outs, withoutVpc);
    expect((await live(outs.name)).VpcConfig).toBeUndefined();
  });

  it("puts a dropped maxUserDurationInSeconds back to the service default", async () => {
    const inputs = fleetInputs({ maxUserDurationInSeconds: 3600 });
    const { id, outs } = await createResource(type, inputs);
    const { maxUserDurationInSeconds: _dropped, ...rest } = inputs;
    await updateResource(type, id, outs, rest);
    expect((await live(outs.name)).MaxUserDurationInSeconds).toBe(57600);
  });

  it("reports drift of the desired capacity only, not of the live counts", async () => {
    const inputs = fleetInputs({ state: "RUNNING" });
    const { id, outs } = await createResource(type, inputs);
    const status = (await live(outs.name)).ComputeCapacityStatus as Record<string, number>;
    await emulator.control.mutate("appstream:Fleet", String(outs.name), {
      ComputeCapacityStatus: { ...status, InUse: 2, Available: 0 },
    });
    const quiet = await readResource(type, id, outs);
    expect(diffResource(type, quiet.props as Outputs, inputs).changes).toBe(false);
    await emulator.control.mutate("appstream:Fleet", String(outs.name), {
      ComputeCapacityStatus: { ...status, Desired: 5 },
    });
    const drifted = await readResource(type, id, outs);
    expect(drifted.inputs).toMatchObject({ computeCapacity: { desiredInstances: 5 } });
    expect(drifted.props).toMatchObject({ computeCapacityStatus: { desired: 5 } });
  });

  it("fails a start that sits in STARTING with FleetErrors, naming them, and keeps the fleet", async () => {
    await emulator.control.failNextCreate(
      "appstream:Fleet",
      "IAM_SERVICE_ROLE_IS_MISSING",
      "The AppStream service role is missing",
    );
    const error = (await createResource(type, fleetInputs({ state: "RUNNING" })).catch((e: unknown) => e)) as Error & {
      id?: string;
      properties?: Outputs;
    };
    expect(error.message).toContain("IAM_SERVICE_ROLE_IS_MISSING: The AppStream service role is missing");
    expect(error.properties).toMatchObject({
      currentState: "STARTING",
      fleetErrors: [{ errorCode: "IAM_SERVICE_ROLE_IS_MISSING" }],
    });
    expect(error.id).toBe(error.properties?.name);
  });
});

describe("appstream:Fleet delete", () => {
  it("disassociates its stacks, stops, waits STOPPED, deletes and waits until it is gone", async () => {
    const inputs = fleetInputs({ state: "RUNNING" });
    const { id, outs } = await createResource(type, inputs);
    const stack = await createResource(
      "appstream:Stack",
      checkResource(
        "appstream:Stack",
        {},
        { __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Stack::s" },
      ).inputs,
    );
    await createResource("appstream:FleetStackAssociation", {
      __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:FleetStackAssociation::a",
      fleetName: id,
      stackName: stack.id,
    });
    await emulator.control.resetCalls();
    await deleteResource(type, id, outs);
    expect(await fleetCalls()).toEqual(["ListAssociatedStacks", "DisassociateFleet", "StopFleet", "DeleteFleet"]);
    expect(await readResource(type, id, outs)).toEqual({});
    const { log } = await emulator.control.calls();
    expect(log[log.length - 1]).toMatchObject({
      operation: "DescribeFleets",
      outcome: "error",
      errorCode: "ResourceNotFoundException",
    });
  });
});

describe("appstream:Fleet delete of a fleet that cannot start", () => {
  it("stops a fleet stuck STARTING with FleetErrors and deletes it", async () => {
    await emulator.control.failNextCreate("appstream:Fleet", "SUBNET_NOT_FOUND", "Subnet subnet-0abc does not exist");
    const error = (await createResource(type, fleetInputs({ state: "RUNNING" })).catch((e: unknown) => e)) as Error & {
      id: string;
      properties: Outputs;
    };
    expect(error.properties).toMatchObject({ currentState: "STARTING" });
    await emulator.control.resetCalls();
    await deleteResource(type, error.id, error.properties);
    expect(await fleetCalls()).toEqual(["ListAssociatedStacks", "StopFleet", "DeleteFleet"]);
    expect(await readResource(type, error.id, error.properties)).toEqual({});
  });
});

describe("appstream:FleetStackAssociation", () => {
  it("associates, reads back by fleet/stack id, and disassociates", async () => {
    const { id: fleet } = await createResource(type, fleetInputs());
    const stack = await createResource(
      "appstream:Stack",
      checkResource(
        "appstream:Stack",
        {},
        { __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Stack::s2" },
      ).inputs,
    );
    const associationType = "appstream:FleetStackAssociation";
    const props = {
      __urn: "urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:FleetStackAssociation::a2",
      fleetName: fleet,
      stackName: stack.id,
    };
    const created = await createResource(associationType, props);
    expect(created.id).toBe(`${fleet}/${stack.id}`);
    expect((await readResource(associationType, created.id, {})).inputs).toMatchObject({
      fleetName: fleet,
      stackName: stack.id,
    });
    await deleteResource(associationType, created.id, created.outs);
    expect(await readResource(associationType, created.id, created.outs)).toEqual({});
  });

  it("finds an association past the first page of the fleet's stacks, asking for each page once", async () => {
    const { id: fleet } = await createResource(type, fleetInputs());
    const stacks: string[] = [];
    for (let i = 0; i < 55; i++) {
      const stack = await createResource("appstream:Stack", {
        __urn: `urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:Stack::many${i}`,
        name: `many-${sequence}-${i}`,
      });
      await createResource("appstream:FleetStackAssociation", {
        __urn: `urn:pulumi:test::engine::pulumi-nodejs:dynamic/appstream:FleetStackAssociation::many${i}`,
        fleetName: fleet,
        stackName: stack.id,
      });
      stacks.push(stack.id);
    }
    await emulator.control.resetCalls();
    const last = await readResource("appstream:FleetStackAssociation", `${fleet}/${stacks[54]}`, {});
    expect(last.inputs).toMatchObject({ fleetName: fleet, stackName: stacks[54] });
    // Each of the two pages (50 names, then 5) is asked for once, the second from the first's token.
    const listings = await emulator.control.inputs("ListAssociatedStacks");
    expect(listings.map((input) => typeof input.NextToken)).toEqual(["undefined", "string"]);
    // A stack on the first page costs that page only.
    const first = await readResource("appstream:FleetStackAssociation", `${fleet}/${stacks[0]}`, {});
    expect(first.inputs).toMatchObject({ fleetName: fleet, stackName: stacks[0] });
    expect(await emulator.control.inputs("ListAssociatedStacks")).toHaveLength(3);
  });
});
