// What Pulumi keeps of a resource: the properties read back, the inputs the service does not return,
// and the engine's bookkeeping (which inputs the program set, its values, the client token).
import type { Inputs } from "./check";
import { inputKeysField, programValuesField } from "./diff";
import type { ResourceSchema } from "./schema-types";
import { serviceInputs } from "./wire";

export type Outputs = Record<string, unknown>;

export const tokenField = "__clientToken";

/** The state kept by Pulumi: what was read, the inputs the service does not return, and bookkeeping. */
export function outputsFrom(schema: ResourceSchema, live: Outputs, inputs: Inputs, token?: string): Outputs {
  const out: Outputs = { ...live };
  for (const [name, node] of Object.entries(schema.inputs.properties)) {
    const keep = node["x-writeOnly"] || node["x-engine"] || name === schema.desiredState?.property;
    if (keep) out[name] = inputs[name] ?? out[name];
  }
  const desired = schema.desiredState;
  if (desired && out[desired.property] === undefined && schema.lifecycle) {
    const state = live[schema.lifecycle.stateField];
    // A state that is not one of the values (a transition, or none read) leaves it unset.
    if ((state as string) in desired.values) out[desired.property] = state;
  }
  out[inputKeysField] = Object.keys(inputs)
    .filter((k) => !k.startsWith("__") && inputs[k] !== undefined)
    .sort();
  const programValues = serviceInputs(schema).filter(
    ([name, node]) => node.type === "object" && !node["x-secret"] && inputs[name] !== undefined,
  );
  if (programValues.length > 0)
    out[programValuesField] = Object.fromEntries(programValues.map(([name]) => [name, inputs[name]]));
  // Each of these only when set: what is undefined is dropped below.
  out.__urn = inputs.__urn;
  // Kept so that a refresh reports the inputs the program's check produces, this marker included.
  out.__autoNamed = inputs.__autoNamed;
  // The shim adds the provider to successful results only; a half-created resource needs it too,
  // or nothing could ever delete or refresh it.
  out.__provider = inputs.__provider;
  out[tokenField] = token ?? inputs[tokenField];
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
