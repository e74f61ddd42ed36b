// Behind provider/dynamic-provider.ts: every call gets the resource type from the provider object it
// was made on; only state written by older versions (one provider for all types) leaves it to the URN.
import { onTopLevelProperties, type Inputs } from "./check";
import { configureFrom, noteStackOf } from "./config";
import { checkResourceWithService, diffResource } from "./plan";
import { createResource } from "./create";
import { readResource } from "./read";
import { updateResource } from "./update";
import { deleteResource } from "./delete";
import type { Outputs } from "./state";

/** "urn:pulumi:dev::proj::parent$pulumi-nodejs:dynamic/nimble:Studio::main" -> "nimble:Studio" */
function typeInUrn(urn: unknown): string {
  const match =
    typeof urn === "string" ? /pulumi-nodejs:dynamic\/([a-z]+:[A-Za-z]+)::/.exec(String(urn.split("$").pop())) : null;
  if (!match)
    throw new Error(
      "pulumi-aws-euc: this resource's provider names no type and it carries no __urn, so its type is unknown (was it created by this package?)",
    );
  return match[1];
}

/**
 * The type to work on: the provider's own, else (state of versions before one provider per type) the
 * one `__urn` names. The URN also names the stack whose config file says where to talk to.
 */
export function resourceTypeOf(providerType: string | undefined, props: Inputs): string {
  noteStackOf(props.__urn);
  return providerType ?? typeInUrn(props.__urn);
}

// Declarations rather than arrows held in constants: a mutation run switches a mutant on after the
// modules loaded, so only a mutant inside a body that runs per call can be tested per test.
export function configure(config: { get(key: string): string | undefined }): void {
  configureFrom(config);
}
export async function check(type: string | undefined, olds: Inputs, news: Inputs) {
  const result = await checkResourceWithService(resourceTypeOf(type, news), olds, news);
  return { inputs: result.inputs, failures: onTopLevelProperties(result.failures) };
}
export async function diff(type: string | undefined, _id: string, olds: Outputs, news: Inputs) {
  return diffResource(resourceTypeOf(type, news), olds, news);
}
export function create(type: string | undefined, inputs: Inputs) {
  return createResource(resourceTypeOf(type, inputs), inputs);
}
export function read(type: string | undefined, id: string, props: Outputs) {
  return readResource(resourceTypeOf(type, props), id, props);
}
export function update(type: string | undefined, id: string, olds: Outputs, news: Inputs) {
  return updateResource(resourceTypeOf(type, news), id, olds, news);
}
function remove(type: string | undefined, id: string, props: Outputs) {
  return deleteResource(resourceTypeOf(type, props), id, props);
}
export { remove as delete };
