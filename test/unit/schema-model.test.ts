// Every resource schema checked against the official AWS service models in models/ (botocore data,
// written by `npm run sync-models`): the members a schema names exist, its enums, ranges, lengths
// and required members agree with the model, its states are values of the model's status enums, and
// its waits agree with the model's waiters. Where a schema deliberately differs, the node says why
// in `x-modelDeviation`; the exact list of those is asserted below, so a new one must be justified.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";
import type { CallSpec, Phase, PropertySchema, ResourceSchema, ServiceName } from "../../provider/engine/schema-types";

interface ShapeRef {
  shape: string;
  idempotencyToken?: boolean;
}
interface Shape {
  type: string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
}
interface ServiceModel {
  operations: Record<string, { input?: ShapeRef; output?: ShapeRef }>;
  shapes: Record<string, Shape>;
}
interface Acceptor {
  state: "success" | "failure" | "retry";
  matcher: string;
  argument?: string;
  expected: unknown;
}
interface Waiter {
  operation: string;
  acceptors: Acceptor[];
}

const modelsDir = path.resolve(__dirname, "../../models");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

function serviceModel(service: ServiceName): ServiceModel {
  return readJson<ServiceModel>(path.join(modelsDir, service, "service-2.json"));
}

function waitersOf(service: ServiceName): Record<string, Waiter> {
  const file = path.join(modelsDir, service, "waiters-2.json");
  return fs.existsSync(file) ? readJson<{ waiters: Record<string, Waiter> }>(file).waiters : {};
}

/** Something in a schema that disagrees with the model; `node` is where an x-modelDeviation would excuse it. */
interface Finding {
  node: object;
  at: string;
  problem: string;
}

interface Deviation {
  at: string;
  why: string;
}

const deviationKey = "x-modelDeviation";

function wireKey(name: string, node: PropertySchema, wireCase: ResourceSchema["wireCase"]): string {
  if (node["x-wireName"]) return node["x-wireName"];
  return wireCase === "pascal" ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

const schemaTypeOf: Record<string, PropertySchema["type"][]> = {
  string: ["string"],
  timestamp: ["string"],
  blob: ["string"],
  integer: ["integer"],
  long: ["integer"],
  double: ["number"],
  float: ["number"],
  boolean: ["boolean"],
  list: ["array"],
  map: ["object"],
  structure: ["object"],
};

/** Checks one schema against its service's model. */
class SchemaAudit {
  readonly findings: Finding[] = [];
  private readonly model: ServiceModel;

  constructor(readonly schema: ResourceSchema) {
    this.model = serviceModel(schema.service);
  }

  private flag(node: object, at: string, problem: string): void {
    this.findings.push({ node, at, problem });
  }

  shape(ref: ShapeRef): Shape {
    const shape = this.model.shapes[ref.shape];
    if (!shape) throw new Error(`${this.schema.service} model has no shape ${ref.shape}`);
    return shape;
  }

  /** The operation's input or output structure; undefined (and a finding) when the model has no such operation. */
  operation(spec: CallSpec, at: string, side: "input" | "output"): Shape | undefined {
    const op = this.model.operations[spec.operation];
    if (!op) {
      this.flag(spec, at, `operation ${spec.operation} is not in the ${this.schema.service} model`);
      return undefined;
    }
    const ref = op[side];
    return ref ? this.shape(ref) : { type: "structure", members: {} };
  }

  /** The shape at a dotted response path ("Fleets.0", "launchProfile"). */
  responsePath(spec: CallSpec, dotted: string, at: string): ShapeRef | undefined {
    const output = this.operation(spec, at, "output");
    if (!output) return undefined;
    let current: ShapeRef | undefined = { shape: this.model.operations[spec.operation].output?.shape ?? "" };
    for (const part of dotted.split(".")) {
      const shape: Shape = current.shape ? this.shape(current) : output;
      const next: ShapeRef | undefined = /^\d+$/.test(part) ? shape.member : shape.members?.[part];
      if (!next) {
        this.flag(spec, at, `${spec.operation}'s output has no ${dotted} (no ${part})`);
        return undefined;
      }
      current = next;
    }
    return current;
  }

  // --- operations and their requests --------------------------------------------------------

  /** The input members a call's request carries besides the resource's input properties. */
  private fixedMembers(spec: CallSpec): string[] {
    return [
      ...Object.keys(spec.params ?? {}),
      ...(spec.clientToken ? [spec.clientToken] : []),
      ...(spec.batch ? [spec.batch.param] : []),
    ];
  }

  /** Checks a call: its operation exists, its fixed request members exist, and it sends every member the model requires. */
  call(spec: CallSpec, at: string, sentProperties: string[], extraMembers: string[] = []): void {
    const input = this.operation(spec, at, "input");
    if (!input) return;
    const members = input.members ?? {};
    for (const member of [...this.fixedMembers(spec), ...extraMembers]) {
      if (!members[member]) this.flag(spec, at, `${spec.operation}'s input has no member ${member}`);
    }
    if (spec.clientToken && !members[spec.clientToken]?.idempotencyToken) {
      this.flag(spec, at, `${spec.operation}'s ${spec.clientToken} is not the model's idempotency token`);
    }
    const properties = this.schema.inputs.properties;
    const sentWire = new Map(
      sentProperties.map((name) => [wireKey(name, properties[name], this.schema.wireCase), name]),
    );
    for (const required of input.required ?? []) {
      if (this.fixedMembers(spec).includes(required) || extraMembers.includes(required)) continue;
      if (members[required]?.idempotencyToken) continue; // the SDK fills in a client token
      const property = sentWire.get(required);
      if (property === undefined) {
        this.flag(spec, at, `${spec.operation} requires ${required}, which the schema never sends`);
        continue;
      }
      const node = properties[property];
      const generated = !!node["x-autoName"];
      if (!generated && !(this.schema.inputs.required ?? []).includes(property)) {
        this.flag(
          node,
          `inputs.${property}`,
          `${spec.operation} requires ${required}, but the schema does not require ${property}`,
        );
      }
    }
  }

  /** Input properties that travel in a call's request (inputs: all / updatable / changed / a list). */
  sentBy(spec: CallSpec | undefined, kind: "create" | "update"): string[] {
    if (!spec?.inputs) return [];
    const serviceInputs = Object.entries(this.schema.inputs.properties).filter(([, node]) => !node["x-engine"]);
    const skip = (name: string) =>
      name === this.schema.desiredState?.property ||
      (name === this.schema.tags?.property && (kind === "update" || !this.schema.tags.inCreate));
    const names =
      spec.inputs === "all"
        ? serviceInputs.map(([name]) => name)
        : spec.inputs === "updatable" || spec.inputs === "changed"
          ? serviceInputs.filter(([, node]) => node["x-updatable"]).map(([name]) => name)
          : spec.inputs;
    return names.filter((name) => !skip(name));
  }

  // --- property nodes against model members ------------------------------------------------

  /** A property the program sets, against the member of a request that carries it: names, types and every constraint. */
  input(node: PropertySchema, ref: ShapeRef, at: string, operation: string): void {
    const shape = this.shape(ref);
    this.type(node, shape, at, operation);
    this.bound(node, at, operation, "minimum", "maximum", shape, ["integer", "long"]);
    this.bound(node, at, operation, "minLength", "maxLength", shape, ["string"]);
    this.bound(node, at, operation, "minItems", "maxItems", shape, ["list"]);
    this.bound(node, at, operation, "minProperties", "maxProperties", shape, ["map"]);
    if (shape.type === "string") this.enumeration(node, shape, at, operation);
    if (shape.type === "list" && node.items && shape.member)
      this.input(node.items, shape.member, `${at}.items`, operation);
    if (shape.type === "map" && shape.value && typeof node.additionalProperties === "object") {
      this.input(node.additionalProperties, shape.value, `${at}.additionalProperties`, operation);
    }
    if (shape.type === "map" && shape.key) {
      // Keys without a propertyNames rule are checked as an empty rule, whose findings belong to the map.
      const keys = node.propertyNames ?? { type: "string" };
      const before = this.findings.length;
      this.input(keys, shape.key, `${at}.propertyNames`, operation);
      if (!node.propertyNames) for (const f of this.findings.slice(before)) f.node = node;
    }
    if (shape.type === "structure" && node.properties) {
      const members = shape.members ?? {};
      const wireOf = new Map<string, string>();
      for (const [name, child] of Object.entries(node.properties)) {
        const wire = wireKey(name, child, this.schema.wireCase);
        wireOf.set(wire, name);
        const member = members[wire];
        if (!member) this.flag(child, `${at}.${name}`, `${operation}: ${ref.shape} has no member ${wire}`);
        else this.input(child, member, `${at}.${name}`, operation);
      }
      const schemaRequired = node.required ?? [];
      for (const required of shape.required ?? []) {
        const name = wireOf.get(required);
        if (name === undefined)
          this.flag(node, at, `${operation}: ${ref.shape} requires ${required}, which the schema does not declare`);
        else if (!schemaRequired.includes(name))
          this.flag(
            node,
            at,
            `${operation}: ${ref.shape} requires ${required}, but the schema does not require ${name}`,
          );
      }
      for (const name of schemaRequired) {
        const wire = wireKey(name, node.properties[name] ?? {}, this.schema.wireCase);
        if (!(shape.required ?? []).includes(wire))
          this.flag(node, at, `${operation}: the schema requires ${name}, which ${ref.shape} does not`);
      }
    }
  }

  /** A value the service answers with, against the member of the read's resource: names and types. */
  output(node: PropertySchema, ref: ShapeRef, at: string, operation: string): void {
    const shape = this.shape(ref);
    this.type(node, shape, at, operation);
    if (shape.type === "string" && node.enum && shape.enum) this.enumeration(node, shape, at, operation);
    if (shape.type === "list" && node.items && shape.member)
      this.output(node.items, shape.member, `${at}.items`, operation);
    if (shape.type === "map" && shape.value && typeof node.additionalProperties === "object")
      this.output(node.additionalProperties, shape.value, `${at}.additionalProperties`, operation);
    if (shape.type === "structure" && node.properties) {
      for (const [name, child] of Object.entries(node.properties)) {
        const wire = wireKey(name, child, this.schema.wireCase);
        const member = shape.members?.[wire];
        if (!member) this.flag(child, `${at}.${name}`, `${operation}: ${ref.shape} has no member ${wire}`);
        else this.output(child, member, `${at}.${name}`, operation);
      }
    }
  }

  private type(node: PropertySchema, shape: Shape, at: string, operation: string): void {
    const allowed = schemaTypeOf[shape.type] ?? [];
    if (node.type !== undefined && !allowed.includes(node.type)) {
      this.flag(node, at, `${operation}: the model's ${shape.type} is not a ${node.type}`);
    }
    if (shape.type === "map" && node.properties)
      this.flag(node, at, `${operation}: the model's map is declared with fixed properties`);
  }

  private enumeration(node: PropertySchema, shape: Shape, at: string, operation: string): void {
    const model = shape.enum;
    const schema = node.enum?.map(String);
    if (!model && !schema) return;
    if (!model)
      return this.flag(node, at, `${operation}: the schema allows only ${schema?.join(", ")}; the model has no enum`);
    if (!schema)
      return this.flag(
        node,
        at,
        `${operation}: the model allows only ${model.join(", ")}; the schema takes any string`,
      );
    const extra = schema.filter((v) => !model.includes(v));
    const missing = model.filter((v) => !schema.includes(v));
    if (extra.length > 0) this.flag(node, at, `${operation}: ${extra.join(", ")} not in the model's enum`);
    if (missing.length > 0) this.flag(node, at, `${operation}: the model also allows ${missing.join(", ")}`);
  }

  /** A min/max pair of the schema against the model's min/max for shapes of the given types. */
  private bound(
    node: PropertySchema,
    at: string,
    operation: string,
    lowKey: string,
    highKey: string,
    shape: Shape,
    types: string[],
  ): void {
    if (!types.includes(shape.type)) return;
    const low = node[lowKey] as number | undefined;
    const high = node[highKey] as number | undefined;
    // A zero minimum length or count is no rule.
    const modelLow = shape.min === 0 && lowKey !== "minimum" ? undefined : shape.min;
    const describe = (key: string, schema: number | undefined, model: number | undefined) => {
      if (schema === model) return;
      if (model === undefined)
        this.flag(node, at, `${operation}: the schema's ${key} is ${schema}; the model has none`);
      else if (schema === undefined)
        this.flag(node, at, `${operation}: the model's ${key} is ${model}; the schema has none`);
      else this.flag(node, at, `${operation}: the schema's ${key} is ${schema}; the model's is ${model}`);
    };
    // Where the model has no lower bound, a schema's non-empty string (minLength 1) or non-negative
    // count (minimum 0) only restates what every value of the kind is.
    const restated =
      modelLow === undefined && ((lowKey === "minLength" && low === 1) || (lowKey === "minimum" && low === 0));
    if (!restated) describe(lowKey, low, modelLow);
    describe(highKey, high, shape.max);
  }

  // --- the schema's parts ------------------------------------------------------------------

  run(): void {
    const { operations, tags, desiredState } = this.schema;
    const created = this.sentBy(operations.create, "create");
    const updated = this.sentBy(operations.update, "update");
    if (operations.create) this.call(operations.create, "operations.create", created);
    if (operations.update) this.call(operations.update, "operations.update", updated);
    if (operations.delete) this.call(operations.delete, "operations.delete", []);
    this.call(operations.read, "operations.read", []);
    if (operations.list) {
      const { nextToken } = operations.list;
      this.call(operations.list, "operations.list", [], nextToken ? [nextToken] : []);
      this.responsePath(operations.list, operations.list.items, "operations.list");
      if (nextToken) this.responsePath(operations.list, nextToken, "operations.list");
    }
    for (const [value, step] of Object.entries(desiredState?.values ?? {}))
      this.call(step.call, `desiredState.values.${value}.call`, []);
    if (tags) {
      this.call(tags.tag, "tags.tag", [], [tags.arnParam, tags.tagsParam]);
      this.call(tags.untag, "tags.untag", [], [tags.arnParam, tags.keysParam]);
      if (tags.list) {
        this.call(tags.list, "tags.list", [], [tags.arnParam]);
        this.responsePath(tags.list, tags.list.field, "tags.list");
      }
    }

    // Each input property against every request that carries it, and against the read.
    const item = operations.read.response
      ? this.responsePath(operations.read, operations.read.response, "operations.read")
      : undefined;
    const itemShape = item && this.shape(item);
    if (operations.read.batch && itemShape && !itemShape.members?.[operations.read.batch.key]) {
      this.flag(
        operations.read,
        "operations.read",
        `${operations.read.operation}'s items have no ${operations.read.batch.key}`,
      );
    }
    const carriers: Array<[CallSpec, string[]]> = [
      ...(operations.create ? [[operations.create, created] as [CallSpec, string[]]] : []),
      ...(operations.update ? [[operations.update, updated] as [CallSpec, string[]]] : []),
    ];
    for (const [name, node] of Object.entries(this.schema.inputs.properties)) {
      if (node["x-engine"]) continue;
      const at = `inputs.${name}`;
      const wire = wireKey(name, node, this.schema.wireCase);
      if (name === tags?.property) {
        const tagInput = this.operation(tags.tag, "tags.tag", "input");
        const member = tagInput?.members?.[tags.tagsParam];
        if (member) this.input(node, member, at, tags.tag.operation);
      }
      for (const [spec, sent] of carriers) {
        if (!sent.includes(name)) continue;
        const member = this.operation(spec, at, "input")?.members?.[wire];
        if (!member) this.flag(node, at, `${spec.operation}'s input has no member ${wire}`);
        else this.input(node, member, at, spec.operation);
      }
      const readBack = !node["x-writeOnly"] && name !== desiredState?.property && name !== tags?.property;
      if (itemShape && readBack) {
        const member = itemShape.members?.[wire];
        if (!member) this.flag(node, at, `${operations.read.operation} does not return ${wire}`);
        else this.output(node, member, at, operations.read.operation);
      }
    }
    for (const [name, node] of Object.entries(this.schema.outputs)) {
      if (!itemShape) break;
      const wire = wireKey(name, node, this.schema.wireCase);
      const member = itemShape.members?.[wire];
      if (!member) this.flag(node, `outputs.${name}`, `${operations.read.operation} does not return ${wire}`);
      else this.output(node, member, `outputs.${name}`, operations.read.operation);
    }
    this.states(itemShape);
    this.references();
    this.removals();
  }

  /** Identity parts, call templates and lifecycle fields name properties the schema declares. */
  private references(): void {
    const declared = new Set([...Object.keys(this.schema.inputs.properties), ...Object.keys(this.schema.outputs)]);
    for (const part of this.schema.identity.parts) {
      if (!declared.has(part)) this.flag(this.schema.identity, "identity", `${part} is not a property of the schema`);
    }
    const calls: Array<[CallSpec, string]> = [
      ...Object.entries(this.schema.operations).map(
        ([kind, spec]) => [spec, `operations.${kind}`] as [CallSpec, string],
      ),
      ...Object.entries(this.schema.desiredState?.values ?? {}).map(
        ([value, step]) => [step.call, `desiredState.values.${value}.call`] as [CallSpec, string],
      ),
    ];
    for (const [spec, at] of calls) {
      for (const [, name] of JSON.stringify(spec.params ?? {}).matchAll(/\{([A-Za-z0-9_]+)[.}]/g)) {
        if (!declared.has(name)) this.flag(spec, at, `the template {${name}} names no property of the schema`);
      }
    }
    const lifecycle = this.schema.lifecycle;
    for (const field of [
      lifecycle?.stateField,
      lifecycle?.statusCodeField,
      lifecycle?.statusMessageField,
      lifecycle?.errorsField,
    ]) {
      if (field !== undefined && !declared.has(field.split(".")[0]))
        this.flag(lifecycle as object, "lifecycle", `${field} is not a property of the schema`);
    }
  }

  /** x-removeAttribute values are values of the update call's AttributesToDelete enum. */
  private removals(): void {
    const update = this.schema.operations.update;
    const input = update && this.operation(update, "operations.update", "input");
    const list = input?.members?.[this.schema.wireCase === "pascal" ? "AttributesToDelete" : "attributesToDelete"];
    const item = list && this.shape(list).member;
    const allowed = (item && this.shape(item).enum) ?? [];
    const visit = (node: PropertySchema, at: string): void => {
      const attribute = node["x-removeAttribute"];
      if (attribute !== undefined && !allowed.includes(attribute))
        this.flag(
          node,
          at,
          `x-removeAttribute ${attribute} is not a value of ${update?.operation ?? "the update call"}'s AttributesToDelete`,
        );
      for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${at}.${name}`);
      if (node.items) visit(node.items, `${at}.items`);
    };
    for (const [name, node] of Object.entries(this.schema.inputs.properties)) visit(node, `inputs.${name}`);
  }

  /** The model's enum of the state field, when the read returns the resource. */
  stateEnum(itemShape: Shape | undefined): string[] | undefined {
    const lifecycle = this.schema.lifecycle;
    if (!lifecycle || !itemShape) return undefined;
    const node = this.schema.outputs[lifecycle.stateField] ?? this.schema.inputs.properties[lifecycle.stateField];
    if (!node) return undefined;
    const member = itemShape.members?.[wireKey(lifecycle.stateField, node, this.schema.wireCase)];
    return member && this.shape(member).enum;
  }

  /** Every state the schema names (lifecycle phases, busy, desired states) is a value of the model's status enum. */
  private states(itemShape: Shape | undefined): void {
    const lifecycle = this.schema.lifecycle;
    if (!lifecycle) return;
    const values = this.stateEnum(itemShape);
    if (!values) {
      this.flag(lifecycle, "lifecycle", `the model has no enum for ${lifecycle.stateField}`);
      return;
    }
    const named: Array<[object, string, string[]]> = [];
    for (const kind of ["create", "update", "delete"] as const) {
      const phase = lifecycle[kind];
      if (phase) named.push([phase, `lifecycle.${kind}`, [...phase.pending, ...phase.target, ...(phase.failed ?? [])]]);
    }
    named.push([lifecycle, "lifecycle.busy", lifecycle.busy ?? []]);
    const desired = this.schema.desiredState;
    for (const [value, step] of Object.entries(desired?.values ?? {})) {
      named.push([
        step,
        `desiredState.values.${value}`,
        [value, ...step.pending, ...step.target, ...(step.failed ?? [])],
      ]);
    }
    if (desired?.initial) named.push([desired, "desiredState.initial", [desired.initial]]);
    for (const [node, at, states] of named) {
      const unknown = [...new Set(states)].filter((s) => !values.includes(s));
      if (unknown.length > 0)
        this.flag(
          node,
          at,
          `${unknown.join(", ")} not in the model's ${lifecycle.stateField} enum (${values.join(", ")})`,
        );
    }
  }
}

/** Every x-modelDeviation in a schema, with its place. */
function deviationsIn(schema: ResourceSchema): Array<Deviation & { node: object }> {
  const found: Array<Deviation & { node: object }> = [];
  const visit = (node: unknown, at: string): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}[${i}]`));
    const record = node as Record<string, unknown>;
    if (typeof record[deviationKey] === "string") found.push({ at, why: record[deviationKey], node });
    for (const [key, value] of Object.entries(record)) {
      if (key === deviationKey) continue;
      const step = key === "properties" ? "" : key;
      visit(value, step === "" ? at : at ? `${at}.${step}` : step);
    }
  };
  visit(
    {
      inputs: schema.inputs.properties,
      outputs: schema.outputs,
      lifecycle: schema.lifecycle,
      desiredState: schema.desiredState,
      operations: schema.operations,
    },
    "",
  );
  return found;
}

// --- waits --------------------------------------------------------------------------------

interface WaitPhase {
  at: string;
  node: Phase | DesiredPhase;
}
type DesiredPhase = NonNullable<ResourceSchema["desiredState"]>["values"][string];

/** The schema's waits: lifecycle phases and the desired-state transitions. */
function waitPhases(schema: ResourceSchema): WaitPhase[] {
  const phases: WaitPhase[] = [];
  for (const kind of ["create", "update", "delete"] as const) {
    const phase = schema.lifecycle?.[kind];
    if (phase) phases.push({ at: `lifecycle.${kind}`, node: phase });
  }
  for (const [value, step] of Object.entries(schema.desiredState?.values ?? {}))
    phases.push({ at: `desiredState.values.${value}`, node: step });
  return phases;
}

/** The JMESPath a waiter reads the state at, for the schema's read: "Fleets[].State", "studio.state". */
function statePath(schema: ResourceSchema): string | undefined {
  const { read } = schema.operations;
  const lifecycle = schema.lifecycle;
  if (!read.response || !lifecycle) return undefined;
  const node = schema.outputs[lifecycle.stateField] ?? schema.inputs.properties[lifecycle.stateField];
  const response = read.response.replace(/\.0$/, "[]");
  return `${response}.${wireKey(lifecycle.stateField, node, schema.wireCase)}`;
}

interface WaiterComparison {
  waiter: string;
  phase: string;
}

/** Compares each model waiter on the schema's read with the schema's waits that end where it succeeds. */
function compareWaiters(schema: ResourceSchema, findings: Finding[]): WaiterComparison[] {
  const compared: WaiterComparison[] = [];
  const path = statePath(schema);
  const phases = waitPhases(schema);
  const failedAnywhere = new Set(phases.flatMap((p) => p.node.failed ?? []));
  for (const [name, waiter] of Object.entries(waitersOf(schema.service))) {
    if (waiter.operation !== schema.operations.read.operation) continue;
    const onState = waiter.acceptors.filter(
      (a) => a.argument === path && (a.matcher === "path" || a.matcher === "pathAll" || a.matcher === "pathAny"),
    );
    const success = onState.filter((a) => a.state === "success").map((a) => String(a.expected));
    const failure = onState.filter((a) => a.state === "failure").map((a) => String(a.expected));
    if (success.length === 0) continue;
    const matching = phases.filter((p) => p.node.target.some((t) => success.includes(t)));
    if (matching.length === 0) {
      findings.push({
        node: schema,
        at: "lifecycle",
        problem: `the model's waiter ${name} waits for ${success.join(", ")}, which no wait of the schema targets`,
      });
    }
    for (const { at, node } of matching) {
      compared.push({ waiter: name, phase: at });
      const flag = (problem: string) => findings.push({ node, at, problem: `waiter ${name}: ${problem}` });
      const extraTargets = node.target.filter((t) => !success.includes(t));
      if (extraTargets.length > 0)
        flag(
          `the schema also ends the wait on ${extraTargets.join(", ")}; the waiter succeeds only on ${success.join(", ")}`,
        );
      for (const state of failure) {
        if (node.pending.includes(state))
          flag(`${state} is a failure for the waiter but a pending state of the schema`);
        else if (node.target.includes(state)) flag(`${state} is a failure for the waiter but a target of the schema`);
        else if (!(node.failed ?? []).includes(state) && !failedAnywhere.has(state))
          flag(`${state} is a failure for the waiter but no failure state of the schema`);
      }
      for (const state of node.failed ?? []) {
        if (success.includes(state)) flag(`${state} is a failure state of the schema but the waiter's success`);
      }
    }
  }
  return compared;
}

// --- the tests ----------------------------------------------------------------------------

interface Audited {
  type: string;
  schema: ResourceSchema;
  findings: Finding[];
  waiterFindings: Finding[];
  deviations: Array<Deviation & { node: object }>;
  waiters: WaiterComparison[];
}

function audit(type: string): Audited {
  const schema = loadSchema(type);
  const check = new SchemaAudit(schema);
  check.run();
  const waiterFindings: Finding[] = [];
  const waiters = compareWaiters(schema, waiterFindings);
  return { type, schema, findings: check.findings, waiterFindings, deviations: deviationsIn(schema), waiters };
}

const audited = allSchemaTypes().map(audit);

const unexcused = (pick: (a: Audited) => Finding[]) =>
  audited.flatMap((a) =>
    pick(a)
      .filter((f) => !a.deviations.some((d) => d.node === f.node))
      .map((f) => `${a.type} ${f.at}: ${f.problem}`),
  );

/** The deliberate differences from the models, each with its reason in the schema file. */
const expectedDeviations: Record<string, string[]> = {
  "appstream:Fleet": [
    "inputs.computeCapacity",
    "inputs.maxUserDurationInSeconds",
    "inputs.disconnectTimeoutInSeconds",
    "inputs.idleDisconnectTimeoutInSeconds",
    "inputs.maxConcurrentSessions",
    "inputs.maxSessionsPerInstance",
    "inputs.rootVolumeConfig.volumeSizeInGb",
  ],
  "appstream:ImageBuilder": ["inputs.vpcConfig.subnetIds", "inputs.rootVolumeConfig.volumeSizeInGb"],
  "appstream:AppBlockBuilder": [
    "inputs.platform",
    "inputs.vpcConfig",
    "inputs.vpcConfig.subnetIds",
    "inputs.appBlockArns",
  ],
  "appstream:Application": ["inputs.platforms", "inputs.instanceFamilies"],
  "appstream:Entitlement": ["inputs.attributes.items.name"],
  "appstream:Stack": ["inputs.userSettings.items.maximumLength", "inputs.agentAccessConfig"],
  "appstream:User": ["inputs.authenticationType"],
  "nimble:LaunchProfile": ["inputs.launchProfileProtocolVersions", "inputs.launchProfileProtocolVersions.items"],
  "nimble:StreamingSession": ["lifecycle.create"],
  "thinclient:SoftwareSetValidation": ["outputs.previousValidationStatus"],
};

/** Each model waiter on a schema's read, with the schema's waits that end where it succeeds. */
const expectedWaiterComparisons = [
  "appstream:Fleet desiredState.values.RUNNING ~ FleetStarted",
  "appstream:Fleet desiredState.values.STOPPED ~ FleetStopped",
  "nimble:LaunchProfile lifecycle.delete ~ LaunchProfileDeleted",
  "nimble:LaunchProfile lifecycle.create ~ LaunchProfileReady",
  "nimble:LaunchProfile lifecycle.update ~ LaunchProfileReady",
  "nimble:StreamingSession lifecycle.delete ~ StreamingSessionDeleted",
  "nimble:StreamingSession lifecycle.create ~ StreamingSessionReady",
  "nimble:StreamingSession desiredState.values.READY ~ StreamingSessionReady",
  "nimble:StreamingSession lifecycle.create ~ StreamingSessionStopped",
  "nimble:StreamingSession desiredState.values.STOPPED ~ StreamingSessionStopped",
  "nimble:Studio lifecycle.delete ~ StudioDeleted",
  "nimble:Studio lifecycle.create ~ StudioReady",
  "nimble:Studio lifecycle.update ~ StudioReady",
];

describe("the schemas against the official service models", () => {
  it("name only operations and members the models have, with their enums, ranges, lengths and required members", () => {
    expect(unexcused((a) => a.findings)).toEqual([]);
  });

  it("justify every deliberate difference in x-modelDeviation, and only real differences", () => {
    for (const { type, findings, waiterFindings, deviations } of audited) {
      for (const d of deviations) {
        const excused = [...findings, ...waiterFindings].filter((f) => f.node === d.node).map((f) => f.problem);
        console.log(`${type} ${d.at}: ${d.why}\n  excuses: ${excused.join(" | ") || "nothing"}`);
      }
    }
    const stale = audited.flatMap(({ type, findings, waiterFindings, deviations }) =>
      deviations
        .filter((d) => ![...findings, ...waiterFindings].some((f) => f.node === d.node))
        .map((d) => `${type} ${d.at}`),
    );
    expect(stale).toEqual([]);
    const listed = Object.fromEntries(
      audited.filter((a) => a.deviations.length > 0).map((a) => [a.type, a.deviations.map((d) => d.at)]),
    );
    expect(listed).toEqual(expectedDeviations);
  });

  it("wait as the models' waiters do, for every waiter on a schema's read", () => {
    expect(unexcused((a) => a.waiterFindings)).toEqual([]);
    const compared = audited.flatMap(({ type, waiters }) => waiters.map((w) => `${type} ${w.phase} ~ ${w.waiter}`));
    expect(compared).toEqual(expectedWaiterComparisons);
    // The models' other waiters are on resources no schema manages (Nimble streaming images, studio components).
    const reads = new Set(audited.map((a) => `${a.schema.service}:${a.schema.operations.read.operation}`));
    const services: ServiceName[] = ["appstream", "nimble", "thinclient"];
    const onOurReads = services.flatMap((service) =>
      Object.entries(waitersOf(service))
        .filter(([, w]) => reads.has(`${service}:${w.operation}`))
        .map(([name]) => name),
    );
    const comparedWaiters = new Set(audited.flatMap((a) => a.waiters.map((w) => w.waiter)));
    expect(onOurReads.filter((name) => !comparedWaiters.has(name))).toEqual([]);
  });
});
