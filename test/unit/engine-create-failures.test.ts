// Creates that fail after the create call, through createResource against the local endpoint: a
// session whose desired state the service refuses is kept in the stack with its id and the service's
// reason; a client token whose resources keep turning out deleted is given up after five tokens; an
// auto-named studio whose name is taken reports the service's conflict; an auto-named fleet refused for
// another reason than its name is not mistaken for the one an interrupted up left.
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { launchProfileIds } from "../helpers/nimble-studio-fixture";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { loadSchema } from "../../provider/engine/schema-loader";
import { clientToken } from "../../provider/engine/wire";

const endpoint = engineEndpoint([appstreamService, nimbleService], {
  stack: "createfail",
  namePrefix: "cf",
});
const { emulator, checked, unique } = endpoint;

const studioInputs = () => ({
  displayName: "S",
  adminRoleArn: "arn:aws:iam::123456789012:role/a",
  userRoleArn: "arn:aws:iam::123456789012:role/u",
});

const launchProfile = () => launchProfileIds(endpoint);

describe("a create whose desired state the service refuses", () => {
  it("is kept in the stack with its id and the refusal as its one reason", async () => {
    const { studioId, launchProfileId } = await launchProfile();
    const inputs = checked("nimble:StreamingSession", { studioId, launchProfileId, desiredState: "STOPPED" });
    const error = (await createResource("nimble:StreamingSession", inputs).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ResourceInitError);
    const failure = error as ResourceInitError;
    expect(failure.message).toMatch(
      /^StopStreamingSession failed: ValidationException: Streaming session \S+ cannot be stopped/,
    );
    expect(failure.reasons).toEqual([failure.message]);
    const [session] = (await emulator().control.resources("nimble:StreamingSession")).filter(
      (s) => s.attributes.launchProfileId === launchProfileId,
    );
    expect(failure.id).toBe(`${studioId}/${session.id}`);
    expect(failure.properties).toMatchObject({
      studioId,
      sessionId: session.id,
      desiredState: "STOPPED",
      __urn: inputs.__urn,
      __clientToken: clientToken(loadSchema("nimble:StreamingSession"), "create", inputs),
    });
  });
});

describe("a create whose client tokens keep answering with deleted resources", () => {
  it("gives up after the fifth token", async () => {
    const inputs = checked("nimble:Studio", { ...studioInputs(), studioName: `dead${unique()}x` });
    for (let round = 1; round <= 5; round++) {
      const { id } = await createResource("nimble:Studio", inputs);
      await emulator().control.mutate("nimble:Studio", id, { state: "DELETED" });
    }
    await emulator().control.resetCalls();
    const error = (await createResource("nimble:Studio", inputs).catch((e: unknown) => e)) as ResourceInitError;
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.message).toMatch(/^nimble:Studio cf\d+ \(\S+\) disappeared while waiting for READY$/);
    const schema = loadSchema("nimble:Studio");
    expect((await emulator().control.inputs("CreateStudio")).map((input) => input.clientToken)).toEqual([
      clientToken(schema, "create", inputs),
      clientToken(schema, "create#2", inputs),
      clientToken(schema, "create#3", inputs),
      clientToken(schema, "create#4", inputs),
      clientToken(schema, "create#5", inputs),
    ]);
  });
});

describe("an auto-named studio whose name is taken", () => {
  it("fails with the service's conflict: its id is the service's, so there is nothing to look it up by", async () => {
    const inputs = checked("nimble:Studio", studioInputs());
    expect(inputs.__autoNamed).toBe(true);
    await createResource("nimble:Studio", inputs);
    await expect(createResource("nimble:Studio", { ...inputs, displayName: "Other" })).rejects.toThrow(
      /^CreateStudio failed: ConflictException: A studio named \S+ already exists/,
    );
  });
});

describe("an auto-named create refused for another reason than its name", () => {
  it("reports the refusal and does not take over the resource of that name", async () => {
    const inputs = checked("appstream:Fleet", {
      instanceType: "stream.standard.medium",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      state: "STOPPED",
    });
    expect(inputs.__autoNamed).toBe(true);
    await createResource("appstream:Fleet", inputs);
    await emulator().control.resetCalls();
    // A value the service refuses (the program's check would have said so at preview).
    await expect(createResource("appstream:Fleet", { ...inputs, idleDisconnectTimeoutInSeconds: 30 })).rejects.toThrow(
      /^CreateFleet failed: \S+: IdleDisconnectTimeoutInSeconds must be 0 or between 60 and 36000/,
    );
    expect(
      await emulator()
        .control.calls()
        .then((c) => Object.keys(c.counts)),
    ).toEqual(["appstream:CreateFleet"]);
  });
});
