// Every operation, request and response member and state a schema names must exist in the official
// AWS service model (models/, read by the endpoint's own model reader): a misspelled member would
// otherwise be sent and ignored by the service, or read as always absent, and the resource would
// show the same diff on every run. A node with an x-modelDeviation says why it differs, and is
// excused here; test/unit/schema-model.test.ts compares the rest (enums, ranges, waiters).
import { serviceModel, type MemberRef, type ServiceModel, type Shape } from "../../emulator/model/load";
import type { CallSpec, PropertySchema, ResourceSchema } from "./schema-types";
import { isRecord, wireKey } from "./wire";

export interface SchemaProblem {
  /** JSON pointer into the schema file. */
  at: string;
  problem: string;
}

// A declaration rather than an arrow in a constant: mutation testing switches a mutant on per test, after
// the module's constants were evaluated, so a mutant of such an arrow would never take effect.
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

class ModelCheck {
  readonly problems: SchemaProblem[] = [];
  private readonly model: ServiceModel;

  constructor(private readonly schema: ResourceSchema) {
    this.model = serviceModel(schema.service);
  }

  private flag(at: string, problem: string): void {
    this.problems.push({ at, problem });
  }

  private shape(ref: MemberRef | { shape: string } | undefined): Shape | undefined {
    return ref ? this.model.shapes[ref.shape] : undefined;
  }

  /** The operation's request or response structure; undefined (flagged) when the model has no such operation. */
  private side(spec: CallSpec, at: string, side: "input" | "output"): Shape | undefined {
    const op = this.model.operations[spec.operation];
    if (!op) {
      this.flag(`${at}/operation`, `operation ${spec.operation} is not in the ${this.schema.service} model`);
      return undefined;
    }
    // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, every operation of the three services' models has both an input and an output shape
    return this.shape(op[side]) ?? { type: "structure", members: {} };
  }

  /** The shape at a dotted path ("Fleets.0", "launchProfile") below a structure, or undefined. */
  private follow(from: Shape, dotted: string): Shape | undefined {
    let current: Shape | undefined = from;
    for (const part of dotted.split(".")) {
      if (!current) return undefined;
      current = this.shape(/^\d+$/.test(part) ? current.member : current.members?.[part]);
    }
    return current;
  }

  private member(structure: Shape | undefined, name: string, at: string, where: string): void {
    if (structure && !structure.members?.[name]) this.flag(at, `${where} has no member ${name} in the model`);
  }

  call(spec: CallSpec | undefined, at: string): Shape | undefined {
    if (!spec) return undefined;
    const input = this.side(spec, at, "input");
    const output = input && this.side(spec, at, "output");
    if (!output) return undefined;
    const what = `${spec.operation}'s request`;
    for (const key of Object.keys(spec.params ?? {})) this.member(input, key, `${at}/params/${escape(key)}`, what);
    if (spec.clientToken) this.member(input, spec.clientToken, `${at}/clientToken`, what);
    if (spec.batch) this.member(input, spec.batch.param, `${at}/batch/param`, what);
    if (Array.isArray(spec.inputs)) {
      spec.inputs.forEach((name, i) => {
        if (!this.schema.inputs.properties[name])
          this.flag(`${at}/inputs/${i}`, `${name} is not an input property of the schema`);
      });
    }
    let item: Shape | undefined = output;
    if (spec.response) {
      item = this.follow(output, spec.response);
      if (!item) this.flag(`${at}/response`, `${spec.operation}'s response has no ${spec.response}`);
    }
    const list = spec as CallSpec & { items?: string; nextToken?: string; field?: string };
    for (const key of ["items", "nextToken", "field"] as const) {
      const path = list[key];
      if (path && !this.follow(output, path)) this.flag(`${at}/${key}`, `${spec.operation}'s response has no ${path}`);
    }
    if (list.nextToken) this.member(input, list.nextToken, `${at}/nextToken`, what);
    return item;
  }

  /** The input properties a call sends, each checked (nested members too) against its request. */
  sentProperties(spec: CallSpec | undefined, chosen: (name: string, node: PropertySchema) => boolean): void {
    if (!spec?.inputs) return;
    // A missing operation is flagged once, by call().
    const input = this.shape(this.model.operations[spec.operation]?.input);
    if (!input) return;
    for (const [name, node] of Object.entries(this.schema.inputs.properties)) {
      if (node["x-engine"] || name === this.schema.desiredState?.property || !chosen(name, node)) continue;
      // A call that lists the properties it takes sends only those.
      if (Array.isArray(spec.inputs) && !spec.inputs.includes(name)) continue;
      this.wireMembers(input, name, node, `/inputs/properties/${escape(name)}`, `${spec.operation}'s request`);
    }
  }

  /** A property's wire name in `structure`, then its nested properties in the member's shape. */
  private wireMembers(structure: Shape, name: string, node: PropertySchema, at: string, where: string): void {
    if (node["x-modelDeviation"]) return;
    const wire = wireKey(name, node, this.schema.wireCase);
    // Stryker disable next-line OptionalChaining: equivalent, `structure` is a structure shape (checked by every caller) and every structure of the three services' models has members
    const ref = structure.members?.[wire];
    if (!ref) {
      this.flag(at, `${where} has no member ${wire} (for ${name}); set x-wireName if the service spells it otherwise`);
      return;
    }
    // Every shape reference in the three services' models resolves, and only a list has a `member`.
    let shape = this.model.shapes[ref.shape];
    let nodeHere = node;
    if (shape.member && node.items) {
      shape = this.model.shapes[shape.member.shape];
      nodeHere = node.items;
      at = `${at}/items`;
    }
    if (shape.type !== "structure" || !nodeHere.properties) return;
    for (const [child, childNode] of Object.entries(nodeHere.properties)) {
      this.wireMembers(shape, child, childNode, `${at}/properties/${escape(child)}`, `${where}'s ${wire}`);
    }
  }

  /** What a read by listing (`match`) finds: an item at the read's `items`, holding the matched members. */
  private listedItem(output: Shape | undefined): Shape | undefined {
    const read = this.schema.operations.read;
    if (!read.items) {
      this.flag("/operations/read/match", "a read by listing needs operations.read.items");
      return undefined;
    }
    const item = output && this.follow(output, `${read.items}.0`);
    for (const key of Object.keys(read.match ?? {}))
      this.member(item, key, `/operations/read/match/${escape(key)}`, `${read.operation}'s ${read.items}`);
    return item;
  }

  /** What the read returns must be a structure (the resource); the outputs against its members, unless hooks compose them. */
  readShape(item: Shape | undefined): void {
    if (!item) return;
    const read = this.schema.operations.read;
    if (item.type !== "structure") {
      if (read.match)
        this.flag("/operations/read/items", `${read.operation}'s ${read.items} holds ${item.type}s, not structures`);
      else
        this.flag(
          "/operations/read/response",
          `${read.operation}'s ${read.response} is a ${item.type}, not a structure`,
        );
      return;
    }
    if (this.schema.hooks) return;
    const where = `${read.operation}'s response`;
    for (const [name, node] of Object.entries(this.schema.outputs)) {
      this.wireMembers(item, name, node, `/outputs/${escape(name)}`, where);
    }
  }

  states(item: Shape | undefined): void {
    const lifecycle = this.schema.lifecycle;
    if (!lifecycle || !item) return;
    const node = this.schema.outputs[lifecycle.stateField] ?? this.schema.inputs.properties[lifecycle.stateField];
    if (!node) {
      this.flag("/lifecycle/stateField", `${lifecycle.stateField} is not a property of the schema`);
      return;
    }
    const stateShape = this.shape(item.members?.[wireKey(lifecycle.stateField, node, this.schema.wireCase)]);
    const known = stateShape?.enum;
    if (!known) return;
    const check = (states: string[] | undefined, at: string) =>
      states?.forEach((state, i) => {
        if (!known.includes(state))
          this.flag(`${at}/${i}`, `${state} is not a value of ${lifecycle.stateField} in the model`);
      });
    for (const phase of ["create", "update", "delete"] as const) {
      for (const kind of ["pending", "target", "failed"] as const)
        check(lifecycle[phase]?.[kind], `/lifecycle/${phase}/${kind}`);
    }
    check(lifecycle.busy, "/lifecycle/busy");
    for (const [value, step] of Object.entries(this.schema.desiredState?.values ?? {})) {
      const at = `/desiredState/values/${escape(value)}`;
      for (const kind of ["pending", "target", "failed"] as const) check(step[kind], `${at}/${kind}`);
    }
    for (const [value, behaviour] of Object.entries(this.schema.deleteBehaviours?.values ?? {})) {
      const at = `/deleteBehaviours/values/${escape(value)}`;
      for (const kind of ["keepIn", "from", "pending", "target", "failed"] as const)
        check(behaviour[kind], `${at}/${kind}`);
    }
  }

  run(): SchemaProblem[] {
    const { operations, tags, desiredState } = this.schema;
    this.call(operations.create, "/operations/create");
    const read = this.call(operations.read, "/operations/read");
    // A read by listing finds its item in the listing (a missing operation is flagged once, by call()).
    const item = operations.read.match
      ? this.listedItem(this.shape(this.model.operations[operations.read.operation]?.output))
      : read;
    this.call(operations.update, "/operations/update");
    this.call(operations.delete, "/operations/delete");
    this.call(operations.list, "/operations/list");
    const tagProperty = tags?.property;
    const tagsInCreate = !!tags?.inCreate;
    this.sentProperties(operations.create, (name) => name !== tagProperty || tagsInCreate);
    this.sentProperties(operations.update, (name, node) => name !== tagProperty && !!node["x-updatable"]);
    if (tags) {
      this.call(tags.tag, "/tags/tag");
      this.call(tags.untag, "/tags/untag");
      this.call(tags.list, "/tags/list");
      // A missing operation is flagged once, by call().
      const inputOf = (spec: CallSpec) => this.shape(this.model.operations[spec.operation]?.input);
      this.member(inputOf(tags.tag), tags.arnParam, "/tags/arnParam", `${tags.tag.operation}'s request`);
      this.member(inputOf(tags.tag), tags.tagsParam, "/tags/tagsParam", `${tags.tag.operation}'s request`);
      this.member(inputOf(tags.untag), tags.keysParam, "/tags/keysParam", `${tags.untag.operation}'s request`);
      if (tags.list)
        this.member(inputOf(tags.list), tags.arnParam, "/tags/arnParam", `${tags.list.operation}'s request`);
    }
    for (const [value, step] of Object.entries(desiredState?.values ?? {}))
      this.call(step.call, `/desiredState/values/${escape(value)}/call`);
    for (const [value, behaviour] of Object.entries(this.schema.deleteBehaviours?.values ?? {})) {
      this.call(behaviour.call, `/deleteBehaviours/values/${escape(value)}/call`);
    }
    this.readShape(item);
    this.states(isRecord(item) ? item : undefined);
    return this.problems;
  }
}

/** What in `schema` the service model does not have, each at its place in the file. */
export function modelProblems(schema: ResourceSchema): SchemaProblem[] {
  return new ModelCheck(schema).run();
}
