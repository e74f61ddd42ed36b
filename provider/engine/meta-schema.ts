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

/** A property node, at any depth: only the project's annotations that need a shape are checked here. */
const propertyNode = {
  type: "object",
  properties: {
    "x-modelDeviation": modelDeviation,
    properties: { type: "object", additionalProperties: { $ref: "#/$defs/propertyNode" } },
    items: { $ref: "#/$defs/propertyNode" },
    additionalProperties: { anyOf: [{ type: "boolean" }, { $ref: "#/$defs/propertyNode" }] },
    propertyNames: { $ref: "#/$defs/propertyNode" },
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
      type: "object",
      required: ["type", "properties"],
      properties: { type: { const: "object" }, properties: propertyNodes },
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
    hooks: { type: "string" },
    serviceManaged: { type: "array", uniqueItems: true, items: { type: "string", pattern: "^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$" } },
  },
} as const;
