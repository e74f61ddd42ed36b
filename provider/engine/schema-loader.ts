import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { ValidateFunction } from "ajv";
import { ajv } from "./ajv";
import { loadHooks, registeredHookNames, type Hooks } from "./hooks";
import { metaSchema } from "./meta-schema";
import { modelProblems } from "./schema-model-check";
import type {
  DeleteBehaviour,
  DeleteBehaviours,
  DesiredStateSpec,
  Lifecycle,
  Phase,
  PropertySchema,
  ResourceSchema,
} from "./schema-types";

/** Inputs every resource takes, read by the engine itself. */
export const engineInputs: Record<string, PropertySchema> = {
  adoptId: {
    type: "string",
    minLength: 1,
    description: "Take over the existing resource with this id instead of creating one.",
    "x-engine": true,
    "x-replaceOnChange": true,
  },
  timeouts: {
    type: "object",
    description: "How long to wait, in minutes, for the service to finish each kind of change.",
    additionalProperties: false,
    properties: {
      create: { type: "number", exclusiveMinimum: 0 },
      update: { type: "number", exclusiveMinimum: 0 },
      delete: { type: "number", exclusiveMinimum: 0 },
    },
    // Changed in place with no call: the engine reads them, the service never sees them (not
    // x-updatable, which picks what an update call sends).
    "x-engine": true,
  },
};

/** The directory holding the schema files, whether running from source or from dist/. */
export function schemaDirectory(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "schema");
    // Stryker disable next-line LogicalOperator,StringLiteral: from this module up to the package's root (in the source tree, dist/ or node_modules) no directory holds a package.json or a schema directory, so the first with either has both
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(candidate)) return candidate;
  }
  // Stryker disable next-line StringLiteral,CallExpression: no install reaches it, as the package ships schema/ beside its package.json ("files"), which test/unit/package.test.ts checks in the packed tarball
  throw new Error(`pulumi-aws-euc: cannot find the schema directory above ${__dirname}`);
}

let validateSchemaFile: ValidateFunction | undefined;
const cache = new Map<string, ResourceSchema>();

export function schemaFile(type: string): string {
  const [service, resource] = type.split(":");
  const file = resource.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  return path.join(schemaDirectory(), service, `${file}.yaml`);
}

/** State lists a schema file may leave out (the meta-schema says which); loaded, each is there, empty if not given. */
interface StatesAsWritten {
  pending?: string[];
  target?: string[];
  failed?: string[];
}
type PhaseAsWritten = Omit<Phase, "failed"> & StatesAsWritten;
interface SchemaFile extends Omit<ResourceSchema, "lifecycle" | "desiredState" | "deleteBehaviours"> {
  lifecycle?: Omit<Lifecycle, "create" | "update" | "delete"> & {
    create?: PhaseAsWritten;
    update?: PhaseAsWritten;
    delete?: PhaseAsWritten;
  };
  desiredState?: Omit<DesiredStateSpec, "values"> & {
    values: Record<string, Omit<DesiredStateSpec["values"][string], "failed"> & StatesAsWritten>;
  };
  deleteBehaviours?: Omit<DeleteBehaviours, "values"> & {
    values: Record<string, Omit<DeleteBehaviour, keyof StatesAsWritten> & StatesAsWritten>;
  };
}

const withFailed = <T extends StatesAsWritten>(states: T) => ({ ...states, failed: states.failed ?? [] });
const mapValues = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));

function withPhasesFilled(lifecycle: NonNullable<SchemaFile["lifecycle"]>): Lifecycle {
  const { create, update, delete: deletion, ...rest } = lifecycle;
  return {
    ...rest,
    ...(create && { create: withFailed(create) }),
    ...(update && { update: withFailed(update) }),
    ...(deletion && { delete: withFailed(deletion) }),
  };
}

/**
 * A schema document as the engine uses it: with the inputs every resource takes, and every state list
 * of its lifecycle phases, desired states and delete behaviours, so that no reader falls back on [].
 */
function asLoaded(document: unknown): ResourceSchema {
  const read = document as SchemaFile;
  const { lifecycle, desiredState, deleteBehaviours } = read;
  return {
    ...read,
    inputs: { ...read.inputs, properties: { ...read.inputs.properties, ...engineInputs } },
    lifecycle: lifecycle && withPhasesFilled(lifecycle),
    desiredState: desiredState && { ...desiredState, values: mapValues(desiredState.values, withFailed) },
    deleteBehaviours: deleteBehaviours && {
      ...deleteBehaviours,
      values: mapValues(deleteBehaviours.values, (b) => ({
        ...withFailed(b),
        pending: b.pending ?? [],
        target: b.target ?? [],
      })),
    },
  };
}

/**
 * Reads a schema file; `validate` checks it against the meta-schema, the wired-in hooks and the
 * service's model, naming each mistake's place. The build (scripts/toolchain.sh), codegen and the
 * tests validate every file; the provider trusts the files its package ships with (loadSchema),
 * which spares each provider process compiling the meta-schema (a tenth of a second, on every
 * preview and refresh).
 */
export function loadSchemaFile(file: string, { validate = true } = {}): ResourceSchema {
  const document: unknown = parse(fs.readFileSync(file, "utf8"));
  if (!validate) return asLoaded(document);
  validateSchemaFile ??= ajv().compile(metaSchema);
  if (!validateSchemaFile(document)) {
    // Stryker disable next-line ArrayDeclaration: equivalent, ajv sets errors whenever a document fails validation
    const problems = (validateSchemaFile.errors ?? []).map((e) =>
      e.keyword === "additionalProperties"
        ? `${e.instancePath}/${String(e.params.additionalProperty)} is not a known key`
        : `${e.instancePath || "/"} ${e.message}`,
    );
    throw new Error(`invalid resource schema ${file}: ${problems.join("; ")}`);
  }
  const schema = asLoaded(document);
  const problems = [...hookProblems(schema), ...modelProblems(schema)].map(({ at, problem }) => `${at} ${problem}`);
  if (problems.length > 0) throw new Error(`invalid resource schema ${file}: ${problems.join("; ")}`);
  return schema;
}

function hookProblems(schema: ResourceSchema): Array<{ at: string; problem: string }> {
  if (!schema.hooks) return [];
  const known = registeredHookNames();
  if (!known)
    return [{ at: "/hooks", problem: "cannot be checked: no hook modules are wired in (provider/wiring.ts)" }];
  if (known.includes(schema.hooks)) return [];
  return [
    { at: "/hooks", problem: `${schema.hooks} is not a registered hook module; known: ${known.sort().join(", ")}` },
  ];
}

/** A type's schema, read once: the provider trusts the files its package ships with (see loadSchemaFile). */
export function loadSchema(type: string): ResourceSchema {
  let schema = cache.get(type);
  if (!schema) {
    schema = asLoaded(parse(fs.readFileSync(schemaFile(type), "utf8")));
    if (schema.type !== type) throw new Error(`${schemaFile(type)} declares type ${schema.type}, expected ${type}`);
    cache.set(type, schema);
  }
  return schema;
}

/** Forgets the schemas read so far: for tests, so that the next use reads its file as a new process does. */
export function forgetLoadedSchemas(): void {
  cache.clear();
}

/** A type's schema and the hooks it names: what every operation on a resource of the type works with. */
export function loadType(type: string): { schema: ResourceSchema; hooks: Hooks } {
  const schema = loadSchema(type);
  return { schema, hooks: loadHooks(schema) };
}

/** Every schema file's type under `root` (the package's schema directory); `validate` as for loadSchemaFile. */
export function allSchemaTypes({ validate = true, root = schemaDirectory() } = {}): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(root, d.name))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => path.join(root, d.name, f)),
    )
    .map((file) => loadSchemaFile(file, { validate }).type)
    .sort();
}
