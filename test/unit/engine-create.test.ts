// What a create sends and records, through createResource against the local endpoint: the create
// call's payload and client token, the reads a create answered as pending spares, a type that can
// only be taken over, a take-over that makes the resource match the program, a create that ends in
// a failed state (kept in the stack with its id and the service's reason), and a create repeated
// after an interrupted up (the auto-named resource it left behind is this one; a name the program
// chose is not taken over).
import { describe, expect, it } from "vitest";
import { engineEndpoint } from "../helpers/engine-endpoint";
import { appstreamService } from "../../emulator/services/appstream";
import { nimbleService } from "../../emulator/services/nimble";
import { thinClientService } from "../../emulator/services/thinclient";
import { createResource, ResourceInitError } from "../../provider/engine/create";
import { loadSchema } from "../../provider/engine/schema-loader";
import { clientToken } from "../../provider/engine/wire";

const { emulator, checked, unique } = engineEndpoint([appstreamService, nimbleService, thinClientService], {
  stack: "create",
});

const studioInputs = () => ({
  displayName: "Main",
  adminRoleArn: "arn:aws:iam::123456789012:role/a",
  userRoleArn: "arn:aws:iam::123456789012:role/u",
  studioName: `create${unique()}x`,
});

describe("a create", () => {
  it("sends the program's inputs on the wire with the derived client token and records them", async () => {
    const inputs = checked("thinclient:Environment", {
      name: "lobby",
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
      tags: { team: "euc" },
    });
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    const token = clientToken(loadSchema("thinclient:Environment"), "create", inputs);
    expect(await emulator().control.inputs("CreateEnvironment")).toEqual([
      {
        // The Thin Client model marks names and tags sensitive: the call log keeps their digests.
        name: await emulator().control.redacted("lobby"),
        desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
        tags: await emulator().control.redacted({ team: "euc" }),
        clientToken: token,
      },
    ]);
    expect(id).toMatch(/\S/);
    expect(outs).toMatchObject({
      environmentId: id,
      name: "lobby",
      tags: { team: "euc" },
      __clientToken: token,
      __urn: inputs.__urn,
      __inputKeys: ["desktopArn", "name", "tags"],
    });
  });

  it("answered with a pending state reads the resource only when the wait needs to", async () => {
    const inputs = checked("nimble:Studio", studioInputs());
    const { outs } = await createResource("nimble:Studio", inputs);
    expect(outs.state).toBe("READY");
    const { counts } = await emulator().control.calls();
    // One read to see it READY (the create's own answer said CREATE_IN_PROGRESS), none to learn that.
    expect(counts["nimble:GetStudio"]).toBe(1);
  });

  it("of a type the API cannot create says to take one over instead", async () => {
    await expect(createResource("appstream:Image", { name: "base" })).rejects.toThrow(
      "appstream:Image cannot be created through the API; set adoptId to take over an existing one",
    );
  });
});

describe("a take-over (adoptId)", () => {
  it("keeps the existing resource's id and sends only what the program changes", async () => {
    const existing = await createResource(
      "thinclient:Environment",
      checked("thinclient:Environment", {
        name: "before",
        desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
      }),
    );
    await emulator().control.resetCalls();
    const inputs = checked("thinclient:Environment", {
      adoptId: existing.id,
      name: "after",
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
    });
    const { id, outs } = await createResource("thinclient:Environment", inputs);
    expect(id).toBe(existing.id);
    expect(outs).toMatchObject({ environmentId: existing.id, name: "after", adoptId: existing.id });
    expect(await emulator().control.inputs("CreateEnvironment")).toEqual([]);
    expect(await emulator().control.inputs("UpdateEnvironment")).toEqual([
      { id: existing.id, name: await emulator().control.redacted("after") },
    ]);
  });

  it("of a resource that does not exist says there is nothing to take over", async () => {
    const inputs = checked("thinclient:Environment", {
      adoptId: "envmissing0001",
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
    });
    await expect(createResource("thinclient:Environment", inputs)).rejects.toThrow(
      'adoptId: thinclient:Environment "envmissing0001" does not exist, so there is nothing to take over',
    );
  });
});

describe("a create that ends in a failed state", () => {
  it("is kept in the stack with its id, its client token and the service's reason", async () => {
    const inputs = checked("nimble:Studio", studioInputs(), "failing");
    await emulator().control.failNextCreate("nimble:Studio", "ROLE_COULD_NOT_BE_ASSUMED", "the role cannot be assumed");
    const error = (await createResource("nimble:Studio", inputs).catch((e: unknown) => e)) as ResourceInitError;
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.message).toMatch(
      /^nimble:Studio failing \(\S+\) is CREATE_FAILED after \d+\.\ds: ROLE_COULD_NOT_BE_ASSUMED; the role cannot be assumed$/,
    );
    expect(error.reasons).toEqual([error.message]);
    const created = await emulator().control.resources("nimble:Studio");
    const studio = created.find((r) => r.attributes.studioName === inputs.studioName);
    expect(error.id).toBe(studio?.id);
    expect(error.properties).toMatchObject({
      studioId: error.id,
      state: "CREATE_FAILED",
      displayName: "Main",
      __clientToken: clientToken(loadSchema("nimble:Studio"), "create", inputs),
      __urn: inputs.__urn,
    });
    // One create: a failed state is not a dead token's resource, so no second token is tried.
    expect((await emulator().control.inputs("CreateStudio")).length).toBe(1);
  });

  it("refused by the service is an error naming the call, kept with the id it would have", async () => {
    const inputs = checked("thinclient:Environment", {
      desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/lobby",
      desiredSoftwareSetId: "999",
      softwareSetUpdateMode: "USE_DESIRED",
    });
    const error = (await createResource("thinclient:Environment", inputs).catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(ResourceInitError);
    expect(error.message).toMatch(/^CreateEnvironment failed: /);
  });
});

describe("a create whose client token answers with a resource being deleted", () => {
  it("moves on to the next token of the series, which asks the service for a new resource", async () => {
    const inputs = checked("nimble:Studio", studioInputs(), "dying");
    const first = await createResource("nimble:Studio", inputs);
    await emulator().control.mutate("nimble:Studio", first.id, { state: "DELETE_IN_PROGRESS" });
    await emulator().control.resetCalls();
    // The service keeps the studio's name until the deletion ends, so it refuses the new one.
    await expect(createResource("nimble:Studio", inputs)).rejects.toThrow(/^CreateStudio failed: ConflictException: /);
    const schema = loadSchema("nimble:Studio");
    expect((await emulator().control.inputs("CreateStudio")).map((input) => input.clientToken)).toEqual([
      clientToken(schema, "create", inputs),
      clientToken(schema, "create#2", inputs),
    ]);
  });
});

describe("a create repeated after an interrupted up", () => {
  it("takes over the auto-named resource the interrupted run created", async () => {
    const inputs = checked("appstream:Stack", { displayName: "Left over" });
    expect(inputs.__autoNamed).toBe(true);
    const first = await createResource("appstream:Stack", inputs);
    await emulator().control.resetCalls();
    const again = await createResource("appstream:Stack", inputs);
    expect(again.id).toBe(first.id);
    expect(again.outs).toMatchObject({ name: first.outs.name, displayName: "Left over" });
    const { counts } = await emulator().control.calls();
    expect(counts["appstream:CreateStack"]).toBe(1);
    expect((await emulator().control.resources("appstream:Stack")).filter((s) => s.id === first.id).length).toBe(1);
  });

  it("does not take over a resource whose name the program chose", async () => {
    const inputs = checked("appstream:Stack", { name: `chosen${unique()}`, displayName: "Mine" });
    expect(inputs.__autoNamed).toBeUndefined();
    await createResource("appstream:Stack", inputs);
    await expect(createResource("appstream:Stack", inputs)).rejects.toThrow(
      /CreateStack failed: ResourceAlreadyExistsException/,
    );
  });
});
