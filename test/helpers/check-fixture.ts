// A resource type made of input rules alone, and check's failures for it: for rules no shipped
// schema states the way a test needs.
import { check, type CheckFailure } from "../../provider/engine/check";
import type { PropertySchema, ResourceSchema } from "../../provider/engine/schema-types";

export const urn = (type: string, name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/${type}::${name}`;

/** An AppStream-like type named `type` whose inputs are `properties` (and `extra`, such as its rules). */
export function inputRulesSchema(
  type: string,
  properties: Record<string, PropertySchema>,
  extra: Partial<PropertySchema> = {},
): ResourceSchema {
  return {
    type,
    service: "appstream",
    description: "test type",
    wireCase: "pascal",
    identity: { parts: ["name"] },
    inputs: { type: "object", properties, ...extra },
    outputs: {},
    operations: { read: { operation: "DescribeStacks" } },
    timeouts: { create: 1, update: 1, delete: 1 },
  } as ResourceSchema;
}

/** What check refuses in `inputs`, given for a new resource named "r". */
export const failuresOf = (schema: ResourceSchema, inputs: Record<string, unknown>): CheckFailure[] =>
  check(schema, {}, { __urn: urn(schema.type, "r"), ...inputs }).failures;
