import type * as pulumi from "@pulumi/pulumi";

type Runtime = typeof import("./engine/runtime");

/**
 * The provider object Pulumi serializes into every resource's state. It captures only the resource
 * type: each method loads the installed package's engine at call time, so no SDK client, credential
 * or engine code is ever written to state.
 */
export function thinProvider(type: string): pulumi.dynamic.ResourceProvider {
  const engine = (): Runtime => require("pulumi-aws-euc/dist/provider/engine/runtime");
  return {
    configure: async (req) => engine().configure(req.config),
    check: (olds, news) => engine().check(type, olds, news),
    diff: (id, olds, news) => engine().diff(type, id, olds, news),
    create: (inputs) => engine().create(type, inputs),
    read: (id, props) => engine().read(type, id, props ?? {}),
    update: (id, olds, news) => engine().update(type, id, olds, news),
    delete: (id, props) => engine().delete(type, id, props),
  };
}
