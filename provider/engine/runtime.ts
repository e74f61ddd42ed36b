// What the serialized provider loads at call time (see provider/thin-provider.ts). Everything heavy
// lives behind this module, so a resource's state carries only a few hundred bytes of loader and an
// upgrade of the package reaches every existing resource on its next operation.
import type { Inputs } from "./check";
import { configureFrom } from "./config";
import { checkResource, createResource, deleteResource, diffResource, readResource, updateResource, type Outputs } from "./resource-engine";

export const configure = (config: { get(key: string): string | undefined }) => configureFrom(config);
export const check = (type: string, olds: Inputs, news: Inputs) => Promise.resolve(checkResource(type, olds, news));
export const diff = (type: string, _id: string, olds: Outputs, news: Inputs) => Promise.resolve(diffResource(type, olds, news));
export const create = (type: string, inputs: Inputs) => createResource(type, inputs);
export const read = (type: string, id: string, props: Outputs) => readResource(type, id, props);
export const update = (type: string, id: string, olds: Outputs, news: Inputs) => updateResource(type, id, olds, news);
export { deleteResource as delete };
