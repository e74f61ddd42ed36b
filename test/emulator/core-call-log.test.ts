// The call log keeps each call's parameters by the API's member names, from whichever part of the
// request carried them, and never a value the service's model marks sensitive.
import { CreateStackCommand } from "@aws-sdk/client-appstream";
import { CreateStudioCommand } from "@aws-sdk/client-nimble";
import { ListDevicesCommand, UpdateDeviceCommand } from "@aws-sdk/client-workspaces-thin-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createAwsClients, type AwsClients } from "../../provider/aws-clients";

let emu: RunningEmulator;
let clients: AwsClients;

beforeAll(async () => {
  emu = await startEmulator({ transitionMs: 0 });
  clients = createAwsClients({ endpoint: emu.url, maxAttempts: 1 });
});
afterAll(async () => {
  for (const client of Object.values(clients) as Array<{ destroy(): void }>) client.destroy();
  await emu.close();
});
beforeEach(() => emu.control.resetCalls());

describe("the call log's request parameters", () => {
  it("names restJson1 members from the path, the client-token header and the body, and fingerprints the sensitive display name", async () => {
    await clients.nimble.send(
      new CreateStudioCommand({
        studioName: "logged1",
        displayName: "Secret project",
        adminRoleArn: "arn:aws:iam::123456789012:role/a",
        userRoleArn: "arn:aws:iam::123456789012:role/u",
        tags: { team: "fx" },
        clientToken: "token-0001",
      }),
    );
    const [input] = await emu.control.inputs("CreateStudio", "nimble");
    expect(input).toEqual({
      studioName: "logged1",
      displayName: await emu.control.redacted("Secret project"),
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
      tags: { team: "fx" },
      clientToken: "token-0001",
    });
    const log = JSON.stringify(await emu.control.calls());
    expect(log).not.toContain("Secret project");
  });

  it("reads the query string by the member's type, and a thin client device name only as a fingerprint", async () => {
    await clients.thinClient.send(new ListDevicesCommand({ maxResults: 7 }));
    await clients.thinClient.send(new UpdateDeviceCommand({ id: "tcdevice0000000000000001", name: "front-desk" }));
    expect(await emu.control.inputs("ListDevices")).toEqual([{ maxResults: 7 }]);
    expect(await emu.control.inputs("UpdateDevice")).toEqual([
      { id: "tcdevice0000000000000001", name: await emu.control.redacted("front-desk") },
    ]);
    expect(JSON.stringify(await emu.control.calls())).not.toContain("front-desk");
  });

  it("takes awsJson1_1 members from the body, failed calls included", async () => {
    await clients.appstream.send(new CreateStackCommand({ Name: "logged", DisplayName: "Logged", Tags: { a: "1" } }));
    await expect(clients.appstream.send(new CreateStackCommand({ Name: "logged" }))).rejects.toThrow();
    const { log } = await emu.control.calls();
    expect(log.map((entry) => [entry.operation, entry.outcome, entry.input])).toEqual([
      ["CreateStack", "ok", { Name: "logged", DisplayName: "Logged", Tags: { a: "1" } }],
      ["CreateStack", "error", { Name: "logged" }],
    ]);
  });

  it("gives one fingerprint per value, and different values different ones", async () => {
    const one = await emu.control.redacted({ site: "hq" });
    expect(one).toMatch(/^<sensitive [0-9a-f]{16}>$/);
    expect(await emu.control.redacted({ site: "hq" })).toBe(one);
    expect(await emu.control.redacted({ site: "hq2" })).not.toBe(one);
  });
});
