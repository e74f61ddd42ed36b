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

export const configure = (config: { get(key: string): string | undefined }) => configureFrom(config);
export const check = async (type: string | undefined, olds: Inputs, news: Inputs) => {
  const result = await checkResourceWithService(resourceTypeOf(type, news), olds, news);
  return { inputs: result.inputs, failures: onTopLevelProperties(result.failures) };
};
export const diff = async (type: string | undefined, _id: string, olds: Outputs, news: Inputs) =>
  diffResource(resourceTypeOf(type, news), olds, news);
export const create = (type: string | undefined, inputs: Inputs) =>
  createResource(resourceTypeOf(type, inputs), inputs);
export const read = (type: string | undefined, id: string, props: Outputs) =>
  readResource(resourceTypeOf(type, props), id, props);
export const update = (type: string | undefined, id: string, olds: Outputs, news: Inputs) =>
  updateResource(resourceTypeOf(type, news), id, olds, news);
const remove = (type: string | undefined, id: string, props: Outputs) =>
  deleteResource(resourceTypeOf(type, props), id, props);
export { remove as delete };
