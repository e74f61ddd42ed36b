// Validates schema files when the package builds, in codegen and in the tests, so a mistake in one
// fails loudly and names its place.
const call = {
  type: "object",
  additionalProperties: false,
  required: ["operation"],
  properties: {
    operation: { type: "string", pattern: "^[A-Z][A-Za-z0-9]+$" },
    params: { type: "object" },
    inputs: {
      anyOf: [{ enum: ["all", "updatable", "changed"] }, { type: "array", items: { type: "string" } }],
    },
    response: { type: "string" },
    clientToken: { type: "string" },
    notFound: { type: "array", items: { type: "string" } },
    items: { type: "string" },
    nextToken: { type: "string" },
    field: { type: "string" },
    match: { type: "object", minProperties: 1 },
    batch: {
      type: "object",
      additionalProperties: false,
      required: ["param", "key", "maxSize"],
      properties: { param: { type: "string" }, key: { type: "string" }, maxSize: { type: "integer", minimum: 2 } },
    },
  },
} as const;

/** Why a node deliberately differs from the official service model; test/unit/schema-model.test.ts lists them. */
const modelDeviation = { type: "string", minLength: 1 } as const;

const states = { type: "array", items: { type: "string" } } as const;
const phase = {
  type: "object",
  additionalProperties: false,
  required: ["pending", "target"],
  properties: { pending: states, target: states, failed: states, "x-modelDeviation": modelDeviation },
} as const;

/** The project's annotations on a property node (x-*), each with its shape; any other x- key is a mistake. */
export const propertyAnnotations = {
  "x-replaceOnChange": { type: "boolean" },
  "x-updatable": { type: "boolean" },
  "x-writeOnly": { type: "boolean" },
  "x-serviceDefault": {},
  "x-unordered": { type: "boolean" },
  "x-secret": { type: "boolean" },
  "x-engine": { type: "boolean" },
  "x-removeAttribute": { type: "string", minLength: 1 },
  "x-updatableIn": { type: "array", minItems: 1, items: { type: "string" } },
  "x-wireName": { type: "string", minLength: 1 },
  "x-message": { type: "string", minLength: 1 },
  "x-property": { type: "string", minLength: 1 },
  "x-autoName": {
    type: "object",
    additionalProperties: false,
    required: ["maxLength"],
    properties: {
      maxLength: { type: "integer", minimum: 2 },
      separator: { type: "string" },
      lowercase: { type: "boolean" },
      strip: { type: "string" },
    },
  },
  "x-modelDeviation": modelDeviation,
} as const;

const node = { $ref: "#/$defs/propertyNode" } as const;
/** A part of a rule, where JSON Schema also allows `true` and `false` (`then: false`: never). */
const part = { anyOf: [{ type: "boolean" }, node] } as const;
const nodes = { type: "array", minItems: 1, items: part } as const;
const names = { type: "array", items: { type: "string" } } as const;
const count = { type: "integer", minimum: 0 } as const;

/**
 * A property node, at any depth (if/then/not/allOf parts included): the JSON Schema keywords the
 * input validator understands and the project's annotations, nothing else, so a misspelled key
 * fails the build instead of being ignored.
 */
const propertyNode = {
  type: "object",
  additionalProperties: false,
  properties: {
    type: { enum: ["string", "integer", "number", "boolean", "array", "object"] },
    description: { type: "string" },
    title: { type: "string" },
    enum: { type: "array", minItems: 1 },
    const: {},
    default: {},
    examples: { type: "array" },
    format: { type: "string" },
    pattern: { type: "string" },
    minimum: { type: "number" },
    maximum: { type: "number" },
    exclusiveMinimum: { type: "number" },
    exclusiveMaximum: { type: "number" },
    multipleOf: { type: "number", exclusiveMinimum: 0 },
    minLength: count,
    maxLength: count,
    minItems: count,
    maxItems: count,
    uniqueItems: { type: "boolean" },
    minProperties: count,
    maxProperties: count,
    required: names,
    dependentRequired: { type: "object", additionalProperties: names },
    properties: { type: "object", additionalProperties: node },
    items: node,
    additionalProperties: part,
    propertyNames: node,
    if: part,
    then: part,
    else: part,
    not: part,
    allOf: nodes,
    anyOf: nodes,
    oneOf: nodes,
    ...propertyAnnotations,
  },
} as const;
const propertyNodes = { type: "object", additionalProperties: { $ref: "#/$defs/propertyNode" } } as const;

export const metaSchema = {
  $id: "pulumi-aws-euc/resource-schema",
  type: "object",
  additionalProperties: false,
  required: ["type", "service", "description", "wireCase", "identity", "inputs", "outputs", "operations", "timeouts"],
  $defs: { propertyNode },
  properties: {
    type: { type: "string", pattern: "^(nimble|appstream|thinclient):[A-Z][A-Za-z]+$" },
    service: { enum: ["nimble", "appstream", "thinclient"] },
    description: { type: "string", minLength: 1 },
    wireCase: { enum: ["camel", "pascal"] },
    identity: {
      type: "object",
      additionalProperties: false,
      required: ["parts"],
      properties: { parts: { type: "array", minItems: 1, items: { type: "string" } } },
    },
    inputs: {
      allOf: [node, { type: "object", required: ["type", "properties"], properties: { type: { const: "object" } } }],
    },
    outputs: propertyNodes,
    operations: {
      type: "object",
      additionalProperties: false,
      required: ["read"],
      properties: { create: call, read: call, update: call, delete: call, list: call },
    },
    lifecycle: {
      type: "object",
      additionalProperties: false,
      required: ["stateField"],
      properties: {
        stateField: { type: "string" },
        statusCodeField: { type: "string" },
        statusMessageField: { type: "string" },
        errorsField: { type: "string" },
        create: phase,
        update: phase,
        delete: phase,
        busy: states,
      },
    },
    desiredState: {
      type: "object",
      additionalProperties: false,
      required: ["property", "values"],
      properties: {
        property: { type: "string" },
        initial: { type: "string" },
        values: {
          type: "object",
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            required: ["call", "pending", "target"],
            properties: { call, pending: states, target: states, failed: states, "x-modelDeviation": modelDeviation },
          },
        },
      },
    },
    tags: {
      type: "object",
      additionalProperties: false,
      required: ["property", "arn", "inCreate", "tag", "untag", "arnParam", "tagsParam", "keysParam"],
      properties: {
        property: { type: "string" },
        arn: { type: "string" },
        inCreate: { type: "boolean" },
        tag: call,
        untag: call,
        list: call,
        arnParam: { type: "string" },
        tagsParam: { type: "string" },
        keysParam: { type: "string" },
      },
    },
    adoptOnly: { type: "boolean" },
    timeouts: {
      type: "object",
      additionalProperties: false,
      required: ["create", "update", "delete"],
      properties: {
        create: { type: "number", exclusiveMinimum: 0 },
        update: { type: "number", exclusiveMinimum: 0 },
        delete: { type: "number", exclusiveMinimum: 0 },
      },
    },
    uniqueName: { type: "boolean" },
    deleteBehaviours: {
      type: "object",
      additionalProperties: false,
      required: ["property", "default", "values"],
      properties: {
        property: { type: "string" },
        default: { type: "string" },
        values: {
          type: "object",
          minProperties: 1,
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            properties: {
              keepIn: states,
              from: states,
              call,
              pending: states,
              target: states,
              failed: states,
              delete: { type: "boolean" },
            },
          },
        },
      },
    },
    dependents: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["type", "label", "refusal"],
        properties: {
          type: { type: "string", pattern: "^(nimble|appstream|thinclient):[A-Z][A-Za-z]+$" },
          match: { type: "object", additionalProperties: { type: "string" } },
          label: { type: "string", minLength: 1 },
          refusal: { type: "string", pattern: "\\{dependents\\}" },
        },
      },
    },
    hooks: { type: "string" },
    serviceManaged: {
      type: "array",
      uniqueItems: true,
      items: { type: "string", pattern: "^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$" },
    },
  },
} as const;
