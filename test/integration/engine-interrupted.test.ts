// A create whose answer was lost (the `up` was killed after the service applied it) is asked again
// by the next `up`. With client tokens the service answers with the same resource; without them
// (AppStream) the derived name already exists and the engine takes that resource over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { setRuntimeConfig } from "../../provider/engine/config";
import { createResource } from "../../provider/engine/create";
import { checkResource } from "../../provider/engine/plan";
import { type Outputs } from "../../provider/engine/state";

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
    await expect(createResource("appstream:Stack", checkResource("appstream:Stack", {}, named).inputs)).rejects.toThrow(
      /CreateStack failed: ResourceAlreadyExistsException/,
    );
  });

  it("gets the same studio back for the same client token", async () => {
    const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/nimble:Studio::interrupted";
    const args = {
      __urn: urn,
      displayName: "S",
      adminRoleArn: "arn:aws:iam::123456789012:role/a",
      userRoleArn: "arn:aws:iam::123456789012:role/u",
    };
    const first = await createResource("nimble:Studio", checkResource("nimble:Studio", {}, args).inputs);
    const second = await createResource("nimble:Studio", checkResource("nimble:Studio", {}, args).inputs);
    expect(second.id).toBe(first.id);
  });
});

let sequence = 0;
function checked(type: string, properties: Record<string, unknown>) {
  const { inputs, failures } = checkResource(
    type,
    {},
    { __urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/${type}::cut${++sequence}`, ...properties },
  );
  expect(failures).toEqual([]);
  return inputs;
}

async function studio(): Promise<string> {
  return (
    await createResource(
      "nimble:Studio",
      checked("nimble:Studio", {
        displayName: "S",
        adminRoleArn: "arn:aws:iam::123456789012:role/a",
        userRoleArn: "arn:aws:iam::123456789012:role/u",
      }),
    )
  ).id;
}

async function launchProfileInputs(studioId: string) {
  const component = (await emulator.control.resources("nimble:StudioComponent")).find((c) => c.parentId === studioId)!;
  return checked("nimble:LaunchProfile", {
    studioId,
    name: `cut-${sequence}`,
    ec2SubnetIds: ["subnet-0123456789abcdef0"],
    studioComponentIds: [component.id],
    streamConfiguration: {
      clipboardMode: "ENABLED",
      ec2InstanceTypes: ["g4dn.xlarge"],
      streamingImageIds: ["al2-workstation"],
    },
  });
}

/** Each type whose create takes a client token: its inputs, and its live resources those inputs made. */
const withClientTokens: Array<
  [string, string, () => Promise<{ inputs: Record<string, unknown>; made: (r: { attributes: Outputs }) => boolean }>]
> = [
  [
    "nimble:Studio",
    "CreateStudio",
    async () => {
      const inputs = checked("nimble:Studio", {
        displayName: "Cut",
        adminRoleArn: "arn:aws:iam::123456789012:role/a",
        userRoleArn: "arn:aws:iam::123456789012:role/u",
      });
      return { inputs, made: (r) => r.attributes.studioName === inputs.studioName };
    },
  ],
  [
    "nimble:LaunchProfile",
    "CreateLaunchProfile",
    async () => {
      const inputs = await launchProfileInputs(await studio());
      return { inputs, made: (r) => r.attributes.name === inputs.name };
    },
  ],
  [
    "nimble:StreamingSession",
    "CreateStreamingSession",
    async () => {
      const studioId = await studio();
      const profile = await createResource("nimble:LaunchProfile", await launchProfileInputs(studioId));
      const launchProfileId = profile.outs.launchProfileId;
      return {
        inputs: checked("nimble:StreamingSession", { studioId, launchProfileId }),
        made: (r) => r.attributes.launchProfileId === launchProfileId,
      };
    },
  ],
  [
    "thinclient:Environment",
    "CreateEnvironment",
    async () => {
      const name = `Cut ${++sequence}`;
      const inputs = checked("thinclient:Environment", {
        desktopArn: "arn:aws:workspaces:us-west-2:123456789012:directory/d-0000000001",
        name,
      });
      return { inputs, made: (r) => r.attributes.name === name };
    },
  ],
];

describe("a create whose answer the interrupted up never got", () => {
  it.each(withClientTokens)(
    "%s: the next up's create sends the same client token and gets the same one resource",
    async (type, operation, prepare) => {
      const { inputs, made } = await prepare();
      await emulator.control.resetCalls();
      // The service applies the create, and its answer never arrives (the `up` was killed meanwhile).
      await emulator.control.blockMutatingCall(1, "after");
      const lost = createResource(type, inputs);
      await emulator.control.waitFor(
        () => emulator.control.blocked(),
        (b) => b.blocked,
      );
      expect(await emulator.control.blocked()).toMatchObject({ operation, when: "after" });
      // The next `up` checks and creates it again.
      const again = await createResource(type, checkResource(type, {}, inputs).inputs);
      await emulator.control.unblock();
      const first = await lost;
      expect(again.id).toBe(first.id);
      const kind = type;
      expect((await emulator.control.resources(kind)).filter(made)).toHaveLength(1);
      const tokens = (await emulator.control.inputs(operation)).map((input) => input.clientToken);
      expect(tokens).toHaveLength(2);
      expect(tokens[1]).toBe(tokens[0]);
    },
  );
});
