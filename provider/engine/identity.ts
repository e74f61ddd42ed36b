// Who a resource is: its Pulumi id from the schema's identity parts, and how long its changes may take.
import type { Inputs } from "./check";
import type { ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";

export function idOf(schema: ResourceSchema, props: Outputs): string {
  return schema.identity.parts.map((part) => String(props[part])).join("/");
}

export function partsOf(schema: ResourceSchema, id: string): Outputs {
  const parts = schema.identity.parts;
  // The last part may be an ARN, which has "/" of its own: it takes the rest of the id. An id of too
  // few parts leaves the last one empty.
  const split = id.split("/");
  const values = [...split.slice(0, parts.length - 1), split.slice(parts.length - 1).join("/")];
  if (values.some((v) => v === "")) {
    throw new Error(`${schema.type}: id "${id}" is not of the form ${parts.map((p) => `<${p}>`).join("/")}`);
  }
  return Object.fromEntries(parts.map((part, i) => [part, values[i]]));
}

export function timeoutMs(schema: ResourceSchema, kind: "create" | "update" | "delete", inputs: Inputs): number {
  const minutes = (inputs.timeouts as Record<string, number> | undefined)?.[kind] ?? schema.timeouts[kind];
  return minutes * 60_000;
}
