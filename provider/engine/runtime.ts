// Behind provider/dynamic-provider.ts: every call names the resource whose URN says which type it is.
import { onTopLevelProperties, type Inputs } from "./check";
import { configureFrom, noteStackOf } from "./config";
import {
  checkResourceWithService,
  createResource,
  deleteResource,
  diffResource,
  readResource,
  updateResource,
  type Outputs,
} from "./resource-engine";

/** "urn:pulumi:dev::proj::parent$pulumi-nodejs:dynamic/nimble:Studio::main" -> "nimble:Studio" */
export function typeOf(props: Inputs): string {
  const urn = props.__urn;
  const match =
    typeof urn === "string" ? /pulumi-nodejs:dynamic\/([a-z]+:[A-Za-z]+)::/.exec(urn.split("$").pop() ?? "") : null;
  if (!match)
    throw new Error(
      "pulumi-aws-euc: this resource carries no __urn, so its type is unknown (was it created by this package?)",
    );
  // The URN also names the stack whose config file says where to talk to.
  noteStackOf(urn);
  return match[1];
}

export const configure = (config: { get(key: string): string | undefined }) => configureFrom(config);
export const check = async (of: Inputs, olds: Inputs, news: Inputs) => {
  const result = await checkResourceWithService(typeOf(of), olds, news);
  return { inputs: result.inputs, failures: onTopLevelProperties(result.failures) };
};
export const diff = async (of: Inputs, _id: string, olds: Outputs, news: Inputs) =>
  diffResource(typeOf(of), olds, news);
export const create = (of: Inputs, inputs: Inputs) => createResource(typeOf(of), inputs);
export const read = (of: Inputs, id: string, props: Outputs) => readResource(typeOf(of), id, props);
export const update = (of: Inputs, id: string, olds: Outputs, news: Inputs) =>
  updateResource(typeOf(of), id, olds, news);
const remove = (of: Inputs, id: string, props: Outputs) => deleteResource(typeOf(of), id, props);
export { remove as delete };
