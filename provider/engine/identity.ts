// Who a resource is: its Pulumi id from the schema's identity parts, the name it goes by in
// messages, the client tokens that make a repeated call ask for the same thing, and its timeouts.
import { createHash } from "node:crypto";
import stableJson from "fast-json-stable-stringify";
import type { Inputs } from "./check";
import type { ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";
import { serviceInputs } from "./wire";

export function idOf(schema: ResourceSchema, props: Outputs): string {
  return schema.identity.parts.map((part) => String(props[part])).join("/");
}

export function partsOf(schema: ResourceSchema, id: string): Outputs {
  const parts = schema.identity.parts;
  // The last part may be an ARN, which has "/" of its own: it takes the rest of the id.
  const split = id.split("/");
  const values = [...split.slice(0, parts.length - 1), split.slice(parts.length - 1).join("/")];
  if (values.length !== parts.length || values.some((v) => v === "")) {
    throw new Error(`${schema.type}: id "${id}" is not of the form ${parts.map((p) => `<${p}>`).join("/")}`);
  }
  return Object.fromEntries(parts.map((part, i) => [part, values[i]]));
}

/** "nimble:Studio main": the type and the resource's name from its URN. */
export function subjectOf(schema: ResourceSchema, urn: string | undefined): string {
  return `${schema.type} ${urn?.split("::").pop() ?? ""}`.trim();
}

export function timeoutMs(schema: ResourceSchema, kind: "create" | "update" | "delete", inputs: Inputs): number {
  const minutes = (inputs.timeouts as Record<string, number> | undefined)?.[kind] ?? schema.timeouts[kind];
  return minutes * 60_000;
}

/**
 * Deterministic, so a retried or interrupted `pulumi up` sends the same token and never creates twice.
 * Seeded by the URN (the `__urn` input), as the resource's auto-name is (check.ts).
 */
export function clientToken(schema: ResourceSchema, purpose: string, inputs: Inputs): string {
  const service = Object.fromEntries(serviceInputs(schema).map(([name]) => [name, inputs[name]]));
  // Stryker disable next-line MethodExpression: equivalent, dropping .slice(0, 64) changes nothing: a SHA-256 digest in hex is 64 characters
  return createHash("sha256")
    .update(
      `${schema.type}\n${purpose}\n${typeof inputs.__urn === "string" ? inputs.__urn : ""}\n${stableJson(service)}`,
    )
    .digest("hex")
    .slice(0, 64);
}
