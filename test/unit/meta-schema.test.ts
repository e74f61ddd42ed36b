import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemaFile } from "../../provider/engine/schema-loader";

function write(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "thing.yaml");
  fs.writeFileSync(file, text);
  return file;
}

describe("the meta-schema", () => {
  it("rejects a schema file with a mistake, naming the place", () => {
    const file = write(`type: appstream:Thing
service: appstream
description: x
wireCase: snake
identity: { parts: [name] }
inputs: { type: object, properties: {} }
outputs: {}
operations: { read: { operation: DescribeThings, colour: red } }
timeouts: { create: 1, update: 1, delete: 1 }
`);
    expect(() => loadSchemaFile(file)).toThrow(
      /invalid resource schema .*thing\.yaml: \/wireCase must be equal to one of the allowed values; \/operations\/read\/colour is not a known key/,
    );
  });
});

describe("x-modelDeviation", () => {
  it("must give a reason, on a property at any depth and on a wait", () => {
    const file = write(`type: appstream:Thing
service: appstream
description: x
wireCase: pascal
identity: { parts: [name] }
inputs: { type: object, properties: { box: { type: object, properties: { size: { type: integer, x-modelDeviation: "" } } } } }
outputs: {}
operations: { read: { operation: DescribeThings } }
lifecycle: { stateField: state, create: { pending: [A], target: [B], x-modelDeviation: 7 } }
timeouts: { create: 1, update: 1, delete: 1 }
`);
    expect(() => loadSchemaFile(file)).toThrow(
      /\/inputs\/properties\/box\/properties\/size\/x-modelDeviation must NOT have fewer than 1 characters; \/lifecycle\/create\/x-modelDeviation must be string/,
    );
  });
});
