// A create whose answer was lost (the `up` was killed after the service applied it) is asked again
// by the next `up`. With client tokens the service answers with the same resource; without them
// (AppStream) the derived name already exists and the engine takes that resource over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { setRuntimeConfig } from "../../provider/engine/config";
import { checkResource, createResource } from "../../provider/engine/resource-engine";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 10 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
});
afterAll(() => emulator?.close());

const stackUrn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/appstream:Stack::apps";

describe("a create asked again after an interrupted up", () => {
  it("takes over the stack of its own derived name instead of failing or duplicating", async () => {
    const { inputs } = checkResource("appstream:Stack", {}, { __urn: stackUrn, displayName: "Apps" });
    const first = await createResource("appstream:Stack", inputs);
    // Pulumi never recorded `first`; the next up checks and creates the same resource again.
    const again = checkResource("appstream:Stack", {}, { __urn: stackUrn, displayName: "Apps" }).inputs;
    const second = await createResource("appstream:Stack", again);
    expect(second.id).toBe(first.id);
    expect((await emulator.control.resources("appstream:Stack")).filter((r) => r.id === first.id)).toHaveLength(1);
  });

  it("refuses to take over a stack whose name the program chose", async () => {
    const named = { __urn: stackUrn.replace("::apps", "::named"), name: "someone-elses", displayName: "Theirs" };
    await createResource("appstream:Stack", checkResource("appstream:Stack", {}, named).inputs);
    await expect(createResource("appstream:Stack", checkResource("appstream:Stack", {}, named).inputs)).rejects.toThrow(/CreateStack failed: ResourceAlreadyExistsException/);
  });

  it("gets the same studio back for the same client token", async () => {
    const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/nimble:Studio::interrupted";
    const args = { __urn: urn, displayName: "S", adminRoleArn: "arn:aws:iam::123456789012:role/a", userRoleArn: "arn:aws:iam::123456789012:role/u" };
    const first = await createResource("nimble:Studio", checkResource("nimble:Studio", {}, args).inputs);
    const second = await createResource("nimble:Studio", checkResource("nimble:Studio", {}, args).inputs);
    expect(second.id).toBe(first.id);
  });
});
