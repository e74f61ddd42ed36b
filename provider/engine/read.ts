// A read (refresh, drift check, import by id): the live resource as state, and the inputs a program
// would have to say to reproduce it.
import type { Inputs } from "./check";
import { inputKeysField, liveAsWritten, programValuesField } from "./diff";
import { partsOf } from "./identity";
import { observe } from "./observe";
import { contextFor } from "./resource-context";
import { outputsFrom, tokenField, type Outputs } from "./state";
import { isRecord, serviceInputs } from "./wire";

export async function readResource(
  type: string,
  id: string,
  props: Outputs,
): Promise<{ id?: string; props?: Outputs; inputs?: Inputs }> {
  const ctx = contextFor(type, props);
  const schema = ctx.schema;
  const observed = await observe(ctx, { ...props, ...partsOf(schema, id) });
  if (observed.gone) return {};
  const kept: Inputs = {};
  for (const [name, node] of Object.entries(schema.inputs.properties)) {
    if (node["x-writeOnly"] || node["x-engine"]) kept[name] = props[name];
  }
  const outs = outputsFrom(schema, observed.outputs, {
    ...kept,
    __urn: props.__urn,
    __autoNamed: props.__autoNamed,
    [tokenField]: props[tokenField],
  });
  const desiredState = schema.desiredState;
  if (desiredState) {
    // The desired state drifts only when the live one settled elsewhere. Between states it stays as
    // asked, and unknown when taking over by id: a fleet STARTING wants neither RUNNING nor STOPPED yet.
    const live = observed.state;
    outs[desiredState.property] = live && live in desiredState.values ? live : props[desiredState.property];
  }
  // Without state (taking over by id), every input property the service reports counts as set.
  outs[inputKeysField] =
    props[inputKeysField] ??
    serviceInputs(schema)
      .map(([name]) => name)
      .filter((name) => outs[name] !== undefined);
  // What a program would have to say to reproduce what exists: the properties it sets, as they are now.
  const setKeys = new Set(outs[inputKeysField] as string[]);
  const inputs: Inputs = Object.fromEntries(
    Object.entries(outs).filter(([k]) => setKeys.has(k) || k === "__urn" || k === "__autoNamed"),
  );
  const programValues = props[programValuesField];
  if (isRecord(programValues)) {
    outs[programValuesField] = programValues;
    for (const [name, value] of Object.entries(programValues)) {
      // Stryker disable next-line ConditionalExpression: equivalent, outputsFrom records an object input's program value only when the program set it, and the input keys with it, so each is among the set keys
      if (setKeys.has(name)) inputs[name] = liveAsWritten(schema.inputs.properties[name], value, outs[name]);
    }
  }
  // An engine input whose promise the live resource breaks reads as not in effect, so the next
  // preview shows the difference and the update keeps the promise.
  for (const [name, value] of Object.entries(ctx.hooks.engineInputsNotInEffect?.(ctx, outs, observed) ?? {})) {
    outs[name] = value;
    // Stryker disable next-line ConditionalExpression: equivalent, the one hook that reports an input not in effect (a Nimble studio's repairSsoConfiguration) does so only for a value the program set, which is among the inputs
    if (name in inputs) inputs[name] = value;
  }
  return { id, props: outs, inputs };
}
