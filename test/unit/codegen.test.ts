import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appstream } from "pulumi-aws-euc";
import {
  enumMemberName,
  filesUnder,
  generatedDirectory,
  generatedFiles,
  writeGenerated,
} from "../../provider/codegen/generate";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";
import type { PropertySchema } from "../../provider/engine/schema-types";
import * as appstreamEnums from "../../provider/resources/appstream/types/enums";
import * as nimbleEnums from "../../provider/resources/nimble/types/enums";
import * as thinclientEnums from "../../provider/resources/thinclient/types/enums";

const enumModules: Record<string, Record<string, Record<string, unknown>>> = {
  appstream: appstreamEnums,
  nimble: nimbleEnums,
  thinclient: thinclientEnums,
};

const root = path.resolve(__dirname, "../..");
let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "euc-codegen-"));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Every enum of a schema, at any depth. */
function enumsOf(node: PropertySchema | undefined): Array<Array<string | number>> {
  if (!node) return [];
  return [
    ...(node.enum ? [node.enum] : []),
    ...Object.values(node.properties ?? {}).flatMap(enumsOf),
    ...enumsOf(node.items),
    ...(typeof node.additionalProperties === "object" ? enumsOf(node.additionalProperties) : []),
  ];
}

describe("schema files and the classes generated from them", () => {
  it("every schema file passes the meta-schema and names its own type", () => {
    const types = allSchemaTypes();
    expect(types.length).toBeGreaterThanOrEqual(2);
    for (const type of types) expect(loadSchema(type).type).toBe(type);
  });

  it("the committed provider/resources is byte for byte what the generator writes (run `npm run generate`)", async () => {
    const out = path.join(scratch, "generated");
    await writeGenerated(out);
    const generated = filesUnder(path.join(out, generatedDirectory));
    const committed = filesUnder(path.join(root, generatedDirectory));
    expect(generated.length).toBeGreaterThan(allSchemaTypes().length);
    // Files the generator no longer writes (a renamed or deleted schema) and files it writes that are missing.
    expect(
      committed.filter((f) => !generated.includes(f)),
      "orphaned generated files",
    ).toEqual([]);
    expect(
      generated.filter((f) => !committed.includes(f)),
      "missing generated files",
    ).toEqual([]);
    const edited = generated.filter(
      (f) =>
        !fs
          .readFileSync(path.join(out, generatedDirectory, f))
          .equals(fs.readFileSync(path.join(root, generatedDirectory, f))),
    );
    expect(edited, "generated files that differ from the generator's output").toEqual([]);
  }, 300_000);

  it("`npm run generate` removes a generated file whose schema is gone", async () => {
    const out = path.join(scratch, "orphan");
    const orphan = path.join(out, generatedDirectory, "appstream", "retired-type.ts");
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, "export class RetiredType {}\n");
    const written = await writeGenerated(out);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(filesUnder(path.join(out, generatedDirectory)).map((f) => `${generatedDirectory}/${f}`)).toEqual(
      [...written].sort(),
    );
  }, 300_000);

  it("declares every input and output of a schema on its class, and marks secrets", async () => {
    const files = await generatedFiles();
    for (const type of allSchemaTypes()) {
      const schema = loadSchema(type);
      const [service, resource] = type.split(":");
      const file = [...files.keys()].find(
        (f) => f.startsWith(`${generatedDirectory}/${service}/`) && files.get(f)?.includes(`export class ${resource} `),
      );
      expect(file, type).toBeDefined();
      const text = files.get(file as string) as string;
      for (const name of [...Object.keys(schema.inputs.properties), ...Object.keys(schema.outputs)]) {
        expect(text, `${type}.${name}`).toContain(`declare readonly ${name}:`);
      }
      const secrets = Object.entries({ ...schema.inputs.properties, ...schema.outputs }).filter(
        ([, node]) => node["x-secret"],
      );
      for (const [name] of secrets)
        expect(text.replace(/\s+/g, " ")).toMatch(new RegExp(`\\[[^\\]]*"${name}"[^\\]]*\\], opts[,)]`));
    }
  });
});

describe("enums as const objects", () => {
  it("each service exports one const object per schema enum, with the schema's values in order", () => {
    for (const [service, module] of Object.entries(enumModules)) {
      const schemaEnums = allSchemaTypes()
        .filter((t) => t.startsWith(`${service}:`))
        .flatMap((t) => {
          const schema = loadSchema(t);
          return enumsOf({ properties: { ...schema.inputs.properties, ...schema.outputs } });
        });
      const exported = Object.values(module);
      expect(schemaEnums.length, service).toBeGreaterThan(0);
      for (const values of schemaEnums) {
        expect(
          exported.some((e) => JSON.stringify(Object.values(e)) === JSON.stringify(values)),
          `${service}: no const object holds ${values.join(", ")}`,
        ).toBe(true);
      }
      for (const object of exported) {
        expect(
          schemaEnums.map((v) => JSON.stringify(v)),
          service,
        ).toContain(JSON.stringify(Object.values(object)));
        for (const [member, value] of Object.entries(object)) expect(member).toBe(enumMemberName(value as string));
      }
    }
  });

  it("a program names enum values through the service namespace of the installed package", () => {
    expect(appstream.FleetType).toEqual({ AlwaysOn: "ALWAYS_ON", OnDemand: "ON_DEMAND", Elastic: "ELASTIC" });
    expect(Object.values(appstream.FleetType)).toEqual(loadSchema("appstream:Fleet").inputs.properties.fleetType.enum);
    expect(appstream.StackUserSettingAction.ClipboardCopyFromLocalDevice).toBe("CLIPBOARD_COPY_FROM_LOCAL_DEVICE");
  });

  it("names values as Pulumi's SDKs do", () => {
    expect(enumMemberName("ON_DEMAND")).toBe("OnDemand");
    expect(enumMemberName("g4dn.xlarge")).toBe("G4dnXlarge");
    expect(enumMemberName("WINDOWS_SERVER_2019")).toBe("WindowsServer2019");
    expect(enumMemberName("2021-03-31")).toBe("V2021_03_31");
  });
});
