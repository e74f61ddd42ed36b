// appstream:ImageBuilder, appstream:Image and the appstream functions through the real CLI: create
// waits PENDING to RUNNING, start and stop by desired state, the requested image name kept, a secret
// streaming URL, every page of sessions, an image taken over by name and its delete while in use.
import { CreateFleetCommand, DeleteFleetCommand } from "@aws-sdk/client-appstream";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";
import { configValues, programStack, type ProgramStack } from "../helpers/pulumi-stack";

let emulator: RunningEmulator;
let main: ProgramStack;
let clients: AwsClients;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 50 });
  clients = createAwsClients({ endpoint: emulator.url });
  main = await programStack("test/e2e/programs/appstream-builder", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
  });
});
afterAll(async () => {
  await main?.cleanup();
  clients?.appstream.destroy();
  await emulator?.close();
});

async function mutations(): Promise<string[]> {
  return (await emulator.control.calls()).log
    .filter((e) => e.mutating && e.service === "appstream" && !e.operation.includes("Tag"))
    .map((e) => e.operation);
}

async function set(values: Record<string, string>): Promise<void> {
  await main.stack.setAllConfig(configValues(values));
}

describe("appstream:ImageBuilder through the real CLI", () => {
  it("creates a builder, waits until it is RUNNING, and keeps the image name the service does not report", async () => {
    const up = await main.stack.up();
    expect(up.outputs.builderState.value).toBe("RUNNING");
    expect(up.outputs.builderImageName.value).toBe("AppStream-WinServer2022-06-12-2024");
    expect(await mutations()).toEqual(["CreateImageBuilder"]);
    const live = await emulator.control.resource("appstream:ImageBuilder", up.outputs.builderName.value as string);
    expect(live?.attributes).not.toHaveProperty("ImageName");
    // A refresh reads everything back but the image name, which it keeps: still no change.
    await main.stack.refresh();
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
    expect((await main.stack.outputs()).builderImageName.value).toBe("AppStream-WinServer2022-06-12-2024");
  }, 180_000);

  it("hands out a streaming URL for the running builder as a secret output", async () => {
    await set({ streamingUrl: "true" });
    const up = await main.stack.up();
    expect(up.outputs.builderUrl.secret).toBe(true);
    const builderUrl = up.outputs.builderUrl.value as { streamingUrl: string; expires: string };
    expect(builderUrl.streamingUrl).toMatch(
      /^https:\/\/appstream2\.[a-z0-9-]+\.aws\.amazon\.com\/authenticate\?parameters=/,
    );
    expect(Date.parse(builderUrl.expires)).toBeGreaterThan(0);
    const state = JSON.stringify((await main.stack.exportStack()).deployment);
    expect(state).not.toContain(builderUrl.streamingUrl);
    await main.stack.removeConfig("streamingUrl");
  }, 180_000);

  it("stops and starts the builder by its desired state", async () => {
    await emulator.control.resetCalls();
    await set({ builderState: "STOPPED" });
    expect((await main.stack.up()).outputs.builderState.value).toBe("STOPPED");
    expect(await mutations()).toEqual(["StopImageBuilder"]);
    await emulator.control.resetCalls();
    await set({ builderState: "RUNNING" });
    expect((await main.stack.up()).outputs.builderState.value).toBe("RUNNING");
    expect(await mutations()).toEqual(["StartImageBuilder"]);
  }, 180_000);
});

describe("appstream:ImageBuilder replacement", () => {
  it("replaces the builder for any other change, since the service has no update call", async () => {
    await set({ builderDisplayName: "Packaging (2025)" });
    const events: EngineEvent[] = [];
    const preview = await main.stack.preview({ onEvent: (e) => events.push(e) });
    expect(preview.changeSummary).toMatchObject({ replace: 1 });
    const keys = events
      .map((e) => e.resourcePreEvent?.metadata)
      .filter((m) => m?.type.endsWith("ImageBuilder"))
      .map((m) => m?.keys);
    expect(keys).toContainEqual(["displayName"]);
    await emulator.control.resetCalls();
    const up = await main.stack.up();
    // Image builder names are unique, so the old one goes first and the new one keeps the name.
    expect(await mutations()).toEqual(["DeleteImageBuilder", "CreateImageBuilder"]);
    expect(up.outputs.builderState.value).toBe("RUNNING");
    const live = await emulator.control.resource("appstream:ImageBuilder", up.outputs.builderName.value as string);
    expect(live?.attributes.DisplayName).toBe("Packaging (2025)");
  }, 180_000);
});

describe("appstream functions", () => {
  it("describeSessions returns every page of a stack and fleet's sessions", async () => {
    await emulator.control.serviceControl("sessions", {
      StackName: "office-stack",
      FleetName: "office-fleet",
      count: 120,
    });
    await emulator.control.serviceControl("sessions", {
      StackName: "other-stack",
      FleetName: "office-fleet",
      count: 3,
    });
    await emulator.control.resetCalls();
    await main.stack.setConfig("sessionsOf", {
      value: JSON.stringify({ stackName: "office-stack", fleetName: "office-fleet" }),
    });
    const up = await main.stack.up();
    expect(up.outputs.sessionCount.value).toBe(120);
    // 50 a page, the service's maximum: three pages, each fetched once.
    expect((await emulator.control.calls()).counts["appstream:DescribeSessions"]).toBe(3);
    await main.stack.removeConfig("sessionsOf");
  }, 180_000);
});

describe("appstream:Image through the real CLI", () => {
  it("takes over an image snapshotted from the builder, and refuses to delete it in plain words while a fleet uses it", async () => {
    const builderName = (await main.stack.outputs()).builderName.value as string;
    // Someone runs the Image Assistant inside the builder: an image appears, outside the API.
    await emulator.control.snapshotImageBuilder(builderName, "packaging-2024-06");
    await set({ adoptImage: "packaging-2024-06" });
    await emulator.control.resetCalls();
    const adopted = await main.stack.up();
    expect(adopted.outputs.imageArn.value).toMatch(/:image\/packaging-2024-06$/);
    expect(await mutations()).toEqual([]);
    expect((await emulator.control.resource("appstream:Image", "packaging-2024-06"))?.attributes).toMatchObject({
      State: "AVAILABLE",
      ImageBuilderName: builderName,
    });

    // A fleet made outside this program uses the image.
    await clients.appstream.send(
      new CreateFleetCommand({
        Name: "uses-packaging",
        ImageName: "packaging-2024-06",
        InstanceType: "stream.standard.medium",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    await main.stack.removeConfig("adoptImage");
    const refused = await main.stack.up().catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(String((refused as Error).message)).toMatch(
      /appstream:Image golden \(packaging-2024-06\) is still in use, so it cannot be deleted: Image packaging-2024-06 is in use by uses-packaging\. Point those fleets/,
    );
    expect(await emulator.control.resource("appstream:Image", "packaging-2024-06")).toBeDefined();

    await clients.appstream.send(new DeleteFleetCommand({ Name: "uses-packaging" }));
    await emulator.control.waitFor(
      () => emulator.control.resource("appstream:Fleet", "uses-packaging"),
      (f) => f === undefined,
    );
    await emulator.control.resetCalls();
    await main.stack.up();
    expect(await mutations()).toEqual(["DeleteImage"]);
    expect(await emulator.control.resource("appstream:Image", "packaging-2024-06")).toBeUndefined();
  }, 240_000);
});
