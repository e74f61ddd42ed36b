// How schema files are found and read: a type's file name, the engine's own inputs added to every
// type, a hook module name checked against the wired-in ones (only when validating), and a mistake
// at the document's root named as such.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { registeredHookNames } from "../../provider/engine/hooks";
import {
  allSchemaTypes,
  engineInputs,
  forgetLoadedSchemas,
  loadSchema,
  loadSchemaFile,
  schemaDirectory,
  schemaFile,
} from "../../provider/engine/schema-loader";

function write(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "thing.yaml");
  fs.writeFileSync(file, text);
  return file;
}

const thing = (extra = "") => `type: appstream:Thing
service: appstream
description: x
wireCase: pascal
identity: { parts: [name] }
inputs: { type: object, properties: { name: { type: string, description: The name. } } }
outputs: {}
operations: { read: { operation: DescribeStacks, params: { Names: ["{name}"] }, response: Stacks.0 } }
timeouts: { create: 1, update: 1, delete: 1 }
${extra}`;

describe("schema files", () => {
  it("are named after the type, in the service's directory", () => {
    expect(schemaFile("appstream:AppBlockBuilder")).toBe(
      path.join(schemaDirectory(), "appstream", "app-block-builder.yaml"),
    );
    expect(schemaFile("nimble:LaunchProfile")).toBe(path.join(schemaDirectory(), "nimble", "launch-profile.yaml"));
    expect(fs.existsSync(path.join(schemaDirectory(), "thinclient", "environment.yaml"))).toBe(true);
  });

  it("are read and parsed once per process, however many resources of the type it handles", () => {
    // Each resource's check, diff, read and update loads its type's schema: a refresh of 1,000 fleets
    // must not parse fleet.yaml 1,000 times.
    const before = loadSchema("appstream:Fleet");
    forgetLoadedSchemas();
    const first = loadSchema("appstream:Fleet");
    expect(first).not.toBe(before);
    expect(first).toEqual(before);
    expect(loadSchema("appstream:Fleet")).toBe(first);
  });

  it("are every YAML file of each service's directory, and nothing else there", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "schemas-"));
    fs.mkdirSync(path.join(root, "appstream"));
    fs.writeFileSync(path.join(root, "appstream", "thing.yaml"), thing());
    // What an editor or a merge leaves beside a schema file is not a schema.
    fs.writeFileSync(path.join(root, "appstream", "README.md"), "# AppStream types\n");
    fs.writeFileSync(path.join(root, "appstream", "thing.yaml.orig"), "type: [\n");
    fs.writeFileSync(path.join(root, "NOTES.yaml"), "not: a service directory\n");
    expect(allSchemaTypes({ root })).toEqual(["appstream:Thing"]);
  });

  it("give every type the engine's own inputs", () => {
    const schema = loadSchemaFile(write(thing()));
    expect(schema.inputs.properties.adoptId).toEqual(engineInputs.adoptId);
    expect(schema.inputs.properties.timeouts).toEqual(engineInputs.timeouts);
    expect(Object.keys(loadSchema("thinclient:Environment").inputs.properties)).toEqual(
      expect.arrayContaining(["desktopArn", "adoptId", "timeouts"]),
    );
  });

  it("name only hook modules that are wired in, listing those that are", () => {
    const file = write(thing("hooks: appstream-thing\n"));
    const known = [...(registeredHookNames() ?? [])].sort().join(", ");
    expect(() => loadSchemaFile(file)).toThrow(
      `invalid resource schema ${file}: /hooks appstream-thing is not a registered hook module; known: ${known}`,
    );
    // The provider trusts the files it ships with: no check when not validating.
    expect(loadSchemaFile(file, { validate: false }).hooks).toBe("appstream-thing");
    expect(loadSchemaFile(write(thing("hooks: appstream-fleet\n"))).hooks).toBe("appstream-fleet");
  });

  it("name a mistake at the document's root as the root", () => {
    const file = write(thing().replace("service: appstream\n", ""));
    expect(() => loadSchemaFile(file)).toThrow(
      `invalid resource schema ${file}: / must have required property 'service'`,
    );
  });
});
