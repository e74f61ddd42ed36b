// provider/aws-clients.ts against the full emulator: all three services on one port.
import { DescribeImagesCommand } from "@aws-sdk/client-appstream";
import { ListStudiosCommand } from "@aws-sdk/client-nimble";
import { ListEnvironmentsCommand } from "@aws-sdk/client-workspaces-thin-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients, isLoopbackEndpoint, LOCAL_TEST_CREDENTIALS } from "../../provider/aws-clients";

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ transitionMs: 0 });
});
afterAll(() => emu.close());

describe("createAwsClients", () => {
  it("talks to all three services of a local endpoint with the static test credentials", async () => {
    const clients = createAwsClients({ endpoint: emu.url, maxAttempts: 4 });
    // What a fresh endpoint holds: the public images AppStream ships, and no studio or environment.
    const images = (await clients.appstream.send(new DescribeImagesCommand({ Type: "PUBLIC" }))).Images ?? [];
    expect(images.map((image) => image.Name)).toContain("AppStream-WinServer2019-06-12-2024");
    expect(images.every((image) => image.Visibility === "PUBLIC" && image.State === "AVAILABLE")).toBe(true);
    expect((await clients.nimble.send(new ListStudiosCommand({}))).studios).toEqual([]);
    expect((await clients.thinClient.send(new ListEnvironmentsCommand({}))).environments).toEqual([]);
    expect(await clients.appstream.config.credentials()).toMatchObject(LOCAL_TEST_CREDENTIALS);
    expect(await clients.appstream.config.maxAttempts()).toBe(4);
    expect(await clients.appstream.config.region()).toBe("us-east-1");
    expect(clients.thinClient.config.disableHostPrefix).toBe(true);
    const calls = await emu.control.calls();
    expect(calls.counts).toEqual({
      "appstream:DescribeImages": 1,
      "nimble:ListStudios": 1,
      "thinclient:ListEnvironments": 1,
    });
    expect(calls.log.map((entry) => [entry.operation, entry.input])).toEqual([
      ["DescribeImages", { Type: "PUBLIC" }],
      ["ListStudios", {}],
      ["ListEnvironments", {}],
    ]);
    for (const client of Object.values(clients) as Array<{ destroy(): void }>) client.destroy();
  });

  it("leaves credentials to the standard chain when there is no local endpoint", async () => {
    const clients = createAwsClients({ region: "eu-west-1" });
    expect(await clients.appstream.config.region()).toBe("eu-west-1");
    expect(clients.thinClient.config.disableHostPrefix).toBe(false);
    // The chain is a provider function the SDK resolves on first use, not the static test keys.
    expect(clients.appstream.config.credentials).not.toBe(LOCAL_TEST_CREDENTIALS);
    for (const client of Object.values(clients) as Array<{ destroy(): void }>) client.destroy();
  });

  it("recognises loopback endpoints only", () => {
    for (const url of ["http://127.0.0.1:4566", "http://localhost:1", "http://[::1]:8080", "http://127.1.2.3"])
      expect(isLoopbackEndpoint(url), url).toBe(true);
    for (const url of ["https://appstream2.us-east-1.example.com", "http://10.0.0.1", "not a url"])
      expect(isLoopbackEndpoint(url), url).toBe(false);
  });
});
