import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../provider/codegen/generate";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";

const root = path.resolve(__dirname, "../..");

describe("schema files and the classes generated from them", () => {
  it("every schema file passes the meta-schema and names its own type", () => {
    const types = allSchemaTypes();
    expect(types.length).toBeGreaterThanOrEqual(2);
    for (const type of types) expect(loadSchema(type).type).toBe(type);
  });

  it("the committed classes are exactly what the schemas generate (run `npm run generate`)", () => {
    for (const [file, text] of generatedFiles()) {
      const committed = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : "(missing)";
      expect(committed, `${file} is stale: run npm run generate`).toBe(text);
    }
  });

  it("declares every input and output of a schema on its class, and marks secrets", () => {
    const files = generatedFiles();
    for (const type of allSchemaTypes()) {
      const schema = loadSchema(type);
      const [service, resource] = type.split(":");
      const file = [...files.keys()].find((f) => f.startsWith(`provider/resources/${service}/`) && files.get(f)?.includes(`export class ${resource} `));
      expect(file, type).toBeDefined();
      const text = files.get(file as string) as string;
      for (const name of [...Object.keys(schema.inputs.properties), ...Object.keys(schema.outputs)]) {
        expect(text, `${type}.${name}`).toContain(`declare readonly ${name}:`);
      }
      for (const [name, node] of Object.entries({ ...schema.inputs.properties, ...schema.outputs })) {
        if (node["x-secret"]) expect(text).toMatch(new RegExp(`\\[[^\\]]*"${name}"[^\\]]*\\], opts[,)]`));
      }
    }
  });
});
