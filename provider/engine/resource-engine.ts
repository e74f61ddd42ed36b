// The resource lifecycle behind every type, one file per step: check and diff (plan.ts), create,
// read, update and delete, each through the ResourceContext of the type's schema and hooks.
export { checkResource, checkResourceWithService, diffResource } from "./plan";
export { createResource } from "./create";
export { readResource } from "./read";
export { updateResource, stateAccepting } from "./update";
export { deleteResource } from "./delete";
export { contextFor, ResourceContext } from "./resource-context";
export type { Outputs } from "./state";
