import { createHash } from "node:crypto";
import type { ErrorObject, ValidateFunction } from "ajv";
import { unknownValue } from "./unknowns";
import { ajv } from "./ajv";
import stableJson from "fast-json-stable-stringify";
import type { PropertySchema, ResourceSchema } from "./schema-types";
import { isRecord } from "./wire";

export interface CheckFailure {
  property: string;
  reason: string;
}

export type Inputs = Record<string, unknown>;

const validators = new WeakMap<ResourceSchema, ValidateFunction>();

function validatorFor(schema: ResourceSchema): ValidateFunction {
  let validate = validators.get(schema);
  // Stryker disable next-line ConditionalExpression: equivalent, compiling again gives the same validator
  if (!validate) {
    validate = ajv().compile({ ...schema.inputs, additionalProperties: false });
    // Stryker disable next-line CallExpression: equivalent, without the cache each check compiles the same validator
    validators.set(schema, validate);
  }
  return validate;
}

/** Drops values not known yet (preview) and remembers where they were, so they fail no rule. */
function withoutUnknowns(value: unknown, path: string, unknown: Set<string>): unknown {
  if (value === unknownValue) {
    unknown.add(path);
    return undefined;
  }
  if (Array.isArray(value)) return value.map((v, i) => withoutUnknowns(v, `${path}/${i}`, unknown));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    // The key stays (its value undefined, which the validator treats as absent): a property the type
    // does not have is refused at preview whatever its value.
    for (const [k, v] of Object.entries(value)) out[k] = withoutUnknowns(v, `${path}/${k}`, unknown);
    return out;
  }
  return value;
}

function dotted(instancePath: string): string {
  return instancePath
    .split("/")
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

function describe(value: unknown): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, both branches write a string as JSON
  return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}

function plainWords(error: ErrorObject, typeName: string): CheckFailure {
  const at = dotted(error.instancePath);
  const child = (name: string) => (at ? `${at}.${name}` : name);
  const got = ` (got ${describe(error.data)})`;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { property: child(String(p.missingProperty)), reason: `${child(String(p.missingProperty))} is required` };
    case "additionalProperties": {
      // ajv's verbose mode gives every error its parentSchema.
      const parent = error.parentSchema as { properties?: Record<string, unknown> };
      const known = Object.keys(parent.properties ?? {}).join(", ");
      const name = child(String(p.additionalProperty));
      return { property: name, reason: `${name} is not a property of ${at || typeName}; known properties: ${known}` };
    }
    case "enum":
      return {
        property: at,
        reason: `${at} must be one of ${(p.allowedValues as unknown[]).map(String).join(", ")}${got}`,
      };
    case "type":
      return {
        property: at,
        reason: `${at} must be ${/^[aeiou]/.test(String(p.type)) ? "an" : "a"} ${String(p.type)}${got}`,
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { property: at, reason: `${at} must be ${String(p.comparison)} ${String(p.limit)}${got}` };
    case "minLength":
      return { property: at, reason: `${at} must be at least ${String(p.limit)} characters long${got}` };
    case "maxLength":
      return { property: at, reason: `${at} must be at most ${String(p.limit)} characters long${got}` };
    case "minItems":
      return { property: at, reason: `${at} must have at least ${String(p.limit)} items${got}` };
    case "maxItems":
      return { property: at, reason: `${at} must have at most ${String(p.limit)} items${got}` };
    case "pattern":
      return { property: at, reason: `${at} must match ${String(p.pattern)}${got}` };
    case "format":
      return { property: at, reason: `${at} must be a valid ${String(p.format)}${got}` };
    default: {
      // Stryker disable next-line StringLiteral: equivalent, ajv (messages on by default) words every error it reports
      const message = error.message ?? "is invalid";
      return { property: at, reason: `${at || typeName} ${message}` };
    }
  }
}

/**
 * The properties an if/then rule reads: those its `if` and `then` require or constrain, at any depth
 * of not/anyOf/allOf/oneOf.
 */
function ruleProperties(rule: PropertySchema): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (Array.isArray(node.required)) for (const name of node.required) names.add(String(name));
    if (isRecord(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
    for (const key of ["not", "anyOf", "allOf", "oneOf"]) [node[key]].flat().forEach(visit);
  };
  visit(rule.if);
  visit(rule.then);
  return [...names];
}

/** Turns the validator's errors into one plain-words failure per broken rule. */
export function explain(errors: ErrorObject[], typeName: string, unknownPaths: Set<string>): CheckFailure[] {
  // An unknown value is validated as absent, so no error lies inside one: an error touches an unknown
  // when it is about that value or about a list or object holding it.
  const touchesUnknown = (path: string) => [...unknownPaths].some((u) => u === path || u.startsWith(`${path}/`));
  // A documented cross-field rule (an if/then with x-message) replaces the validator's inner errors.
  const ruled = errors.filter(
    (e) => e.keyword === "if" && typeof (e.parentSchema as PropertySchema)["x-message"] === "string",
  );
  const rulePrefixes = ruled.map((e) => e.schemaPath.replace(/\/if$/, "/then"));
  const failures: CheckFailure[] = [];
  for (const error of errors) {
    if (rulePrefixes.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    if (error.keyword === "if" && !ruled.includes(error)) continue;
    if (error.keyword === "if") {
      const rule = error.parentSchema as PropertySchema;
      // Undecided only while a property the rule reads is unknown: an unrelated Output elsewhere in
      // the same object must not hide a broken rule until the service refuses it.
      if (ruleProperties(rule).some((name) => touchesUnknown(`${error.instancePath}/${name}`))) continue;
      const property = typeof rule["x-property"] === "string" ? rule["x-property"] : dotted(error.instancePath);
      failures.push({ property, reason: String(rule["x-message"]) });
      continue;
    }
    // A missing property is missing whatever else is unknown, unless it is the unknown one itself.
    const about =
      error.keyword === "required"
        ? `${error.instancePath}/${String(error.params.missingProperty)}`
        : error.instancePath;
    if (touchesUnknown(about) && error.keyword !== "additionalProperties") continue;
    failures.push(plainWords(error, typeName));
  }
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.reason) && seen.add(f.reason));
}

/**
 * Failures as Pulumi can show them: Pulumi resolves a failure's property among the resource's
 * top-level inputs (a dotted path reads as "value {<nil>}"), so a nested one is reported on its
 * top-level property, with the full path kept in the reason.
 */
export function onTopLevelProperties(failures: CheckFailure[]): CheckFailure[] {
  return failures.map(({ property, reason }) => {
    const top = property.split(/[.[]/, 1)[0];
    if (top === property) return { property, reason };
    return { property: top, reason: reason.startsWith(property) ? reason : `${property}: ${reason}` };
  });
}

type AutoNameRule = NonNullable<PropertySchema["x-autoName"]>;

function autoNameProperty(schema: ResourceSchema): [string, AutoNameRule] | undefined {
  for (const [name, node] of Object.entries(schema.inputs.properties)) {
    if (node["x-autoName"]) return [name, node["x-autoName"]];
  }
  return undefined;
}

/**
 * A name for a resource the program did not name: its logical name plus a suffix derived from its URN
 * and inputs. Derived rather than random so that a create interrupted before Pulumi recorded it asks
 * for the same name (and the same client token) when the update runs again; a replacement has other
 * inputs and so gets another name.
 */
export function autoName(urn: string, inputs: Inputs, nameProperty: string, rule: AutoNameRule): string {
  const separator = rule.separator ?? "-";
  const parts = urn.split("::");
  let logical = parts[parts.length - 1];
  if (rule.lowercase) logical = logical.toLowerCase();
  logical = logical.replace(new RegExp(rule.strip ?? "[^A-Za-z0-9_.-]", "g"), "");
  const rest = Object.fromEntries(Object.entries(inputs).filter(([k]) => k !== nameProperty && !k.startsWith("__")));
  const suffix = createHash("sha256")
    .update(`${urn}\n${stableJson(rest)}`)
    .digest("hex")
    .slice(0, 7);
  return `${logical.slice(0, Math.max(1, rule.maxLength - suffix.length - separator.length))}${separator}${suffix}`;
}

export function check(
  schema: ResourceSchema,
  olds: Inputs,
  news: Inputs,
): { inputs: Inputs; failures: CheckFailure[] } {
  const inputs: Inputs = { ...news };
  delete inputs.__provider;
  const named = autoNameProperty(schema);
  // An adopted resource already has its name.
  if (
    named &&
    inputs[named[0]] === undefined &&
    typeof inputs.__urn === "string" &&
    !schema.adoptOnly &&
    inputs.adoptId === undefined
  ) {
    const [property, rule] = named;
    const previous = olds[property];
    inputs[property] =
      typeof previous === "string" && olds.__urn === inputs.__urn
        ? previous
        : autoName(inputs.__urn, inputs, property, rule);
    // Remembered so that create may take over a resource of this very name left by an interrupted run.
    inputs.__autoNamed = true;
  }
  const unknownPaths = new Set<string>();
  const visible = withoutUnknowns(
    Object.fromEntries(Object.entries(inputs).filter(([k]) => !k.startsWith("__"))),
    "",
    unknownPaths,
  );
  const validate = validatorFor(schema);
  // ajv sets errors whenever validation fails.
  const failures = validate(visible) ? [] : explain(validate.errors as ErrorObject[], schema.type, unknownPaths);
  // An adoptId not known yet (an Output) is set all the same.
  if (schema.adoptOnly && inputs.adoptId === undefined) {
    failures.push({
      property: "adoptId",
      reason: `adoptId is required: a ${schema.type} cannot be created through the API, only taken over by id`,
    });
  }
  return { inputs, failures };
}
