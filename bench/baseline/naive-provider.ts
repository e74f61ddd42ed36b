// The obvious schema-driven dynamic provider, kept only as the benchmark's baseline: its provider
// object is built at module level from the loaded schema and the engine's own functions, so the
// closure serializer writes all of them into every resource's state. It leaves out check: with the
// validator in the closure, Pulumi's serializer fails outright (it takes ajv's meta-schema, an object
// with a `default` member, for an `import *` result), which footprint.ts reports separately.
import type * as pulumi from "@pulumi/pulumi";
import * as engine from "../../dist/provider/engine/resource-engine";
import { loadSchema } from "../../dist/provider/engine/schema-loader";
import { wireHooks } from "../../dist/provider/wiring";

wireHooks();

type Props = Record<string, unknown>;

export function naiveProvider(type: string): pulumi.dynamic.ResourceProvider {
  const schema = loadSchema(type);
  return {
    diff: async (_id: string, olds: Props, news: Props) => engine.diffResource(schema.type, olds, news),
    create: (inputs: Props) => engine.createResource(schema.type, inputs),
    read: (id: string, props?: Props) => engine.readResource(schema.type, id, props ?? {}),
    update: (id: string, olds: Props, news: Props) => engine.updateResource(schema.type, id, olds, news),
    delete: (id: string, props: Props) => engine.deleteResource(schema.type, id, props),
  };
}
