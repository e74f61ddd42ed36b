// What loading a schema file adds and what it refuses: every state list a file may leave out (a
// phase's failed states, a desired state's failed ones, a delete behaviour's waits) is there, empty,
// in the schema the engine works with, whether the file was validated or trusted; a type is read once;
// a file with several mistakes is refused naming each, the known hook modules in order; and the list
// of every type validates each file unless told not to.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { useHooks, type Hooks } from "../../provider/engine/hooks";
import { allSchemaTypes, loadSchema, loadSchemaFile, schemaFile } from "../../provider/engine/schema-loader";
import { wireHooks } from "../../provider/wiring";

const loaders = {
  trusted: (type: string) => loadSchema(type),
  validated: (type: string) => loadSchemaFile(schemaFile(type)),
};

describe.each(Object.entries(loaders))("a %s schema file", (_how, load) => {
  it("gives a lifecycle phase without failed states an empty list", () => {
    expect(load("appstream:Image").lifecycle?.delete).toEqual({ pending: ["DELETING"], target: [], failed: [] });
  });

  it("keeps every phase with the failed states it names", () => {
    expect(load("nimble:Studio").lifecycle).toEqual({
      stateField: "state",
      statusCodeField: "statusCode",
      statusMessageField: "statusMessage",
      create: { pending: ["CREATE_IN_PROGRESS"], target: ["READY"], failed: ["CREATE_FAILED"] },
      update: { pending: ["UPDATE_IN_PROGRESS"], target: ["READY"], failed: ["UPDATE_FAILED"] },
      delete: { pending: ["DELETE_IN_PROGRESS"], target: ["DELETED"], failed: ["DELETE_FAILED"] },
    });
  });

  it("leaves out the phases a lifecycle does not have", () => {
    expect(Object.keys(load("appstream:Image").lifecycle ?? {}).sort()).toEqual(["busy", "delete", "stateField"]);
  });

  it("gives a desired state without failed states an empty list", () => {
    expect(load("thinclient:SoftwareSetValidation").desiredState?.values.VALIDATED).toMatchObject({
      pending: [],
      target: ["VALIDATED"],
      failed: [],
    });
  });

  it("gives a delete behaviour without waits empty state lists", () => {
    expect(load("nimble:StreamingSession").deleteBehaviours?.values.TERMINATE).toEqual({
      delete: true,
      pending: [],
      target: [],
      failed: [],
    });
  });

  it("keeps the waits a delete behaviour names", () => {
    expect(load("thinclient:Device").deleteBehaviours?.values.DEREGISTER).toMatchObject({
      pending: ["REGISTERED", "DEREGISTERING"],
      target: ["DEREGISTERED"],
      failed: [],
    });
  });

  it("leaves a type without lifecycle, desired state or delete behaviours without them", () => {
    const user = load("appstream:User");
    expect([user.lifecycle, user.desiredState, user.deleteBehaviours]).toEqual([undefined, undefined, undefined]);
  });
});

describe("a type's schema", () => {
  it("is read once: every load answers the same schema", () => {
    expect(loadSchema("appstream:Stack")).toBe(loadSchema("appstream:Stack"));
  });
});

describe("a schema file with more than one mistake", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-mistakes-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => wireHooks());

  it("is refused naming each, and the hook modules it could have named in order", () => {
    const original = fs.readFileSync(schemaFile("appstream:AppBlockBuilder"), "utf8");
    const file = path.join(dir, "app-block-builder.yaml");
    fs.writeFileSync(
      file,
      original
        .replace("hooks: appstream-app-block-builder", "hooks: appstream-app-block-builders")
        .replace("target: [RUNNING], failed: [STOPPING, STOPPED]", "target: [RUNNING], failed: [STOPPING, HALTED]"),
    );
    const registered = { zeta: {}, alpha: {} };
    useHooks(registered);
    expect(() => loadSchemaFile(file)).toThrow(
      `invalid resource schema ${file}: /hooks appstream-app-block-builders is not a registered hook module; known: alpha, zeta; /desiredState/values/RUNNING/failed/1 HALTED is not a value of currentState in the model`,
    );
  });
});

describe("the list of every schema file's type", () => {
  afterEach(() => wireHooks());

  it("validates each file unless told not to", () => {
    // Before the hook modules are wired in, a file naming hooks cannot be validated.
    useHooks(undefined as unknown as Record<string, Hooks>);
    expect(() => allSchemaTypes()).toThrow(
      /^invalid resource schema .*: \/hooks cannot be checked: no hook modules are wired in/,
    );
    expect(allSchemaTypes({ validate: false })).toContain("nimble:StreamingSession");
  });
});
