// appstream:Stack's members beyond the basics through the real CLI: storage connectors, persistent
// application settings, access endpoints, streaming experience settings and agent access, each
// changed in place with the exact UpdateStack request, removed with the AttributesToDelete value the
// diff implies, drift after a console change, replacement for a new name, and destroy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { diffs, driftCheck, mutations } from "../helpers/appstream-e2e";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

const full = {
  name: "members",
  displayName: "Members",
  storageConnectors: [{ connectorType: "HOMEFOLDERS" }, { connectorType: "ONE_DRIVE", domains: ["example.com"] }],
  applicationSettings: { enabled: true, settingsGroup: "design" },
  accessEndpoints: [{ endpointType: "STREAMING", vpceId: "vpce-0123456789abcdef0" }],
  streamingExperienceSettings: { preferredProtocol: "UDP" },
  contentRedirection: { hostToClient: { enabled: true, allowedUrls: ["https://example.com/*"] } },
  agentAccessConfig: {
    settings: [{ agentAction: "COMPUTER_VISION", permission: "ENABLED" }],
    screenResolution: "W_1280xH_720",
    screenImageFormat: "PNG",
    userControlMode: "VIEW_ONLY",
  },
};
let emulator: RunningEmulator;
let main: ProgramStack;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 20 });
  main = await programStack("test/e2e/programs/appstream-stack-members", {
    "aws-euc:endpoint": emulator.url,
    "aws:region": "us-west-2",
    args: JSON.stringify(full),
  });
});
afterAll(async () => {
  await main?.cleanup();
  await emulator?.close();
});

async function upWith(
  args: Record<string, unknown>,
): Promise<{ diff: Record<string, string[]>; sent: Array<Record<string, unknown>> }> {
  await main.stack.setConfig("args", { value: JSON.stringify(args) });
  await emulator.control.resetCalls();
  const events: EngineEvent[] = [];
  await main.stack.up({ onEvent: (e) => events.push(e) });
  return { diff: diffs(events), sent: await emulator.control.inputs("UpdateStack") };
}

const live = async (name = "members") => (await emulator.control.resource("appstream:Stack", name))?.attributes;

describe("appstream:Stack members through the real CLI", () => {
  it("creates the stack with every member in one CreateStack", async () => {
    await main.stack.up();
    expect(await mutations(emulator)).toEqual(["CreateStack"]);
    const [sent] = await emulator.control.inputs("CreateStack");
    expect(sent).toMatchObject({
      StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }, { ConnectorType: "ONE_DRIVE", Domains: ["example.com"] }],
      ApplicationSettings: { Enabled: true, SettingsGroup: "design" },
      AccessEndpoints: [{ EndpointType: "STREAMING", VpceId: "vpce-0123456789abcdef0" }],
      StreamingExperienceSettings: { PreferredProtocol: "UDP" },
      ContentRedirection: { HostToClient: { Enabled: true, AllowedUrls: ["https://example.com/*"] } },
      AgentAccessConfig: {
        Settings: [{ AgentAction: "COMPUTER_VISION", Permission: "ENABLED" }],
        ScreenResolution: "W_1280xH_720",
        ScreenImageFormat: "PNG",
        UserControlMode: "VIEW_ONLY",
      },
    });
  }, 180_000);

  it("previews no change, though the service adds its settings bucket", async () => {
    expect((await live())?.ApplicationSettings).toMatchObject({ S3BucketName: expect.any(String) });
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 120_000);

  it("changes the preferred protocol in place with one UpdateStack carrying only it", async () => {
    const { diff, sent } = await upWith({ ...full, streamingExperienceSettings: { preferredProtocol: "TCP" } });
    expect(diff).toEqual({ "update Stack": ["streamingExperienceSettings"] });
    expect(await mutations(emulator)).toEqual(["UpdateStack"]);
    expect(sent).toEqual([{ Name: "members", StreamingExperienceSettings: { PreferredProtocol: "TCP" } }]);
  }, 180_000);

  it("removes dropped members with AttributesToDelete, and turns persistence off by sending its default", async () => {
    const {
      applicationSettings: _settings,
      accessEndpoints: _endpoints,
      streamingExperienceSettings: _experience,
      ...rest
    } = full;
    const withoutKey = { ...rest, contentRedirection: undefined };
    const { sent } = await upWith(withoutKey);
    expect(await mutations(emulator)).toEqual(["UpdateStack"]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ Name: "members", ApplicationSettings: { Enabled: false } });
    expect((sent[0].AttributesToDelete as string[]).sort()).toEqual([
      "ACCESS_ENDPOINTS",
      "CONTENT_REDIRECTION",
      "STREAMING_EXPERIENCE_SETTINGS",
    ]);
    const stack = await live();
    expect(stack?.AccessEndpoints).toBeUndefined();
    expect(stack?.StreamingExperienceSettings).toBeUndefined();
    expect(stack?.ContentRedirection).toBeUndefined();
    expect((await main.stack.preview()).changeSummary).toEqual({ same: 2 });
  }, 180_000);

  it("shows a storage connector removed in the console as drift of storageConnectors", async () => {
    await emulator.control.mutate("appstream:Stack", "members", {
      StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }],
    });
    const { code, report } = await driftCheck(main);
    expect(code).toBe(2);
    const [drifted] = report.stacks[0].drifted;
    expect(drifted).toMatchObject({ type: "appstream:Stack", status: "changed" });
    expect(drifted.properties.map((p) => p.property)).toEqual(["storageConnectors"]);
    await main.stack.up({ refresh: true });
    expect((await driftCheck(main)).code).toBe(0);
  }, 240_000);

  it("replaces the stack for a new name, and destroys it leaving nothing behind", async () => {
    await upWith({ ...full, name: "members-2" });
    expect(await mutations(emulator)).toEqual(["CreateStack", "DeleteStack"]);
    expect(await live()).toBeUndefined();
    expect((await live("members-2"))?.StorageConnectors).toHaveLength(2);
    await emulator.control.resetCalls();
    await main.stack.destroy();
    expect(await mutations(emulator)).toEqual(["DeleteStack"]);
    expect(await emulator.control.resources("appstream:Stack")).toEqual([]);
  }, 240_000);
});
