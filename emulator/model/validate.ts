// Requests and responses checked against the model's shapes. Each service's shapes become one set of
// JSON Schema definitions that ajv compiles on first use, per operation input and output; ajv's
// errors are turned into issues that name the member path and the rule it breaks.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { operationModel, type MemberRef, type ServiceModel, type Shape } from "./load";

export interface Issue {
  /** The member path, e.g. "streamConfiguration.ec2InstanceTypes[0]" or "Tags (key \"aws:x\")". */
  name: string;
  /** The model constraint broken: required, type, enum, length, range, pattern. */
  rule: "required" | "type" | "enum" | "length" | "range" | "pattern";
  message: string;
}

type JsonSchema = Record<string, unknown>;

/**
 * A model pattern as an ECMAScript RegExp. The models' patterns are ECMAScript-compatible but for
 * two things: Java's `\p{IsAlphabetic}` (ECMAScript spells it `\p{Alphabetic}`), and needless
 * escapes such as `\-` outside a character class, which the Unicode flag refuses. Unicode mode is
 * tried first (property escapes like `\p{L}` need it); a pattern it refuses is compiled without.
 */
export function modelRegExp(pattern: string): RegExp {
  const translated = pattern.replace(/\\p\{Is([A-Za-z]+)\}/g, "\\p{$1}");
  try {
    return new RegExp(translated, "u");
  } catch {
    return new RegExp(translated);
  }
}

const regExpEngine = Object.assign((pattern: string) => modelRegExp(pattern), { code: "modelRegExp" });

type Direction = "input" | "output";

/** restJson1 outputs bound to headers or the status code are not in the body. */
const inBody = (ref: MemberRef) => ref.location === undefined;

/** JSON bodies carry epoch seconds unless the shape names another format (Nimble's are ISO 8601). */
function timestampSchema(shape: Shape): JsonSchema {
  return (shape.timestampFormat ?? "unixTimestamp") === "unixTimestamp" ? { type: "number" } : { type: "string" };
}

function shapeSchema(model: ServiceModel, shape: Shape, direction: Direction): JsonSchema {
  const ref = (r: MemberRef) => ({ $ref: `#/definitions/${r.shape}` });
  switch (shape.type) {
    case "structure": {
      const members = Object.entries(shape.members ?? {}).filter(([, m]) => direction === "input" || inBody(m));
      const names = new Set(members.map(([n]) => n));
      const required = (shape.required ?? []).filter((r) => names.has(r));
      return {
        type: "object",
        properties: Object.fromEntries(members.map(([n, m]) => [n, ref(m)])),
        ...(required.length ? { required } : {}),
        ...(shape.union ? { maxProperties: 1 } : {}),
      };
    }
    case "list":
      return { type: "array", items: ref(shape.member!), ...bounds(shape, "minItems", "maxItems") };
    case "map":
      return {
        type: "object",
        propertyNames: ref(shape.key!),
        additionalProperties: ref(shape.value!),
        ...bounds(shape, "minProperties", "maxProperties"),
      };
    case "string":
      return {
        type: "string",
        ...(shape.enum ? { enum: shape.enum } : {}),
        ...bounds(shape, "minLength", "maxLength"),
        ...(shape.pattern ? { pattern: shape.pattern } : {}),
      };
    case "integer":
    case "long":
      return { type: "integer", ...bounds(shape, "minimum", "maximum") };
    case "double":
    case "float":
      return { type: "number", ...bounds(shape, "minimum", "maximum") };
    case "boolean":
      return { type: "boolean" };
    case "timestamp":
      return timestampSchema(shape);
    case "blob":
      return { type: "string" };
  }
}

function bounds(shape: Shape, low: string, high: string): JsonSchema {
  return {
    ...(shape.min !== undefined ? { [low]: shape.min } : {}),
    ...(shape.max !== undefined ? { [high]: shape.max } : {}),
  };
}

const validators = new Map<string, ValidateFunction>();
const ajvs = new Map<string, Ajv>();

function ajvFor(model: ServiceModel, direction: Direction): Ajv {
  const key = `${model.name}:${direction}`;
  let ajv = ajvs.get(key);
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: regExpEngine } });
    const definitions = Object.fromEntries(
      Object.entries(model.shapes).map(([n, s]) => [n, shapeSchema(model, s, direction)]),
    );
    ajv.addSchema({ $id: key, definitions });
    ajvs.set(key, ajv);
  }
  return ajv;
}

function validatorFor(model: ServiceModel, shapeName: string, direction: Direction): ValidateFunction {
  const key = `${model.name}:${direction}:${shapeName}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajvFor(model, direction).compile({ $ref: `${model.name}:${direction}#/definitions/${shapeName}` });
    validators.set(key, validate);
  }
  return validate;
}

/** Every way `input` breaks the operation's input shape (an empty list when it is valid). */
export function validateInput(model: ServiceModel, operation: string, input: Record<string, unknown>): Issue[] {
  const shape = operationModel(model, operation).input?.shape;
  return shape ? validateShape(model, shape, input, "input") : [];
}

/** Every way a response body breaks the operation's output shape. */
export function validateOutput(model: ServiceModel, operation: string, body: unknown): Issue[] {
  const shape = operationModel(model, operation).output?.shape;
  if (!shape)
    return body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0)
      ? []
      : [{ name: "", rule: "type", message: "The operation has no output, yet the response has a body." }];
  return validateShape(model, shape, body ?? {}, "output");
}

export function validateShape(model: ServiceModel, shapeName: string, value: unknown, direction: Direction): Issue[] {
  const validate = validatorFor(model, shapeName, direction);
  if (validate(value)) return [];
  const issues = (validate.errors ?? []).flatMap(issueOf);
  // One issue per member and rule: ajv may report a map key twice (the key rule and propertyNames).
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(`${i.name}|${i.rule}`) && seen.add(`${i.name}|${i.rule}`));
}

function memberPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), "");
}

function issueOf(error: ErrorObject): Issue[] {
  const base = memberPath(error.instancePath);
  const key = (error as ErrorObject & { propertyName?: string }).propertyName;
  const name = key !== undefined ? `${base || "(input)"} (key ${JSON.stringify(key)})` : base || "(input)";
  const p = error.params as Record<string, unknown>;
  const say = (rule: Issue["rule"], text: string): Issue[] => [{ name, rule, message: `${name} ${text}.` }];
  switch (error.keyword) {
    case "required": {
      const member = base ? `${base}.${String(p.missingProperty)}` : String(p.missingProperty);
      return [{ name: member, rule: "required", message: `${member} is required.` }];
    }
    case "type":
      return say("type", `must be ${article(String(p.type))}`);
    case "enum":
      return say("enum", `must be one of ${(p.allowedValues as string[]).join(", ")}`);
    case "minLength":
      return say("length", `must be at least ${String(p.limit)} characters long`);
    case "maxLength":
      return say("length", `must be at most ${String(p.limit)} characters long`);
    case "minItems":
      return say("length", `must have at least ${String(p.limit)} item(s)`);
    case "maxItems":
      return say("length", `must have at most ${String(p.limit)} item(s)`);
    case "minProperties":
      return say("length", `must have at least ${String(p.limit)} entr${p.limit === 1 ? "y" : "ies"}`);
    case "maxProperties":
      return say("length", `must have at most ${String(p.limit)} entr${p.limit === 1 ? "y" : "ies"}`);
    case "minimum":
      return say("range", `must be at least ${String(p.limit)}`);
    case "maximum":
      return say("range", `must be at most ${String(p.limit)}`);
    case "pattern":
      return say("pattern", `must match the pattern ${String(p.pattern)}`);
    case "propertyNames":
      return []; // the key's own error says what is wrong with it
    default:
      return say("type", error.message ?? "is invalid");
  }
}

function article(type: string): string {
  const word =
    type === "object" ? "a structure" : type === "array" ? "a list" : `a${/^[aeiou]/.test(type) ? "n" : ""} ${type}`;
  return word;
}
