// The obvious schema-driven dynamic provider, kept only as the benchmark's baseline: its provider
// object is built at module level from the loaded schema and the engine's own functions, so the
// closure serializer writes all of them into every resource's state. It leaves out check: with the
// validator in the closure, Pulumi's serializer fails outright (it takes ajv's meta-schema, an object
// with a `default` member, for an `import *` result), which footprint.ts reports separately.
import type * as pulumi from "@pulumi/pulumi";
import { createResource } from "../../dist/provider/engine/create";
import { deleteResource } from "../../dist/provider/engine/delete";
import { diffResource } from "../../dist/provider/engine/plan";
import { readResource } from "../../dist/provider/engine/read";
import { loadSchema } from "../../dist/provider/engine/schema-loader";
import { updateResource } from "../../dist/provider/engine/update";
import { wireHooks } from "../../dist/provider/wiring";

wireHooks();

type Props = Record<string, unknown>;

export function naiveProvider(type: string): pulumi.dynamic.ResourceProvider {
  const schema = loadSchema(type);
  return {
    diff: async (_id: string, olds: Props, news: Props) => diffResource(schema.type, olds, news),
    create: (inputs: Props) => createResource(schema.type, inputs),
    read: (id: string, props?: Props) => readResource(schema.type, id, props ?? {}),
    update: (id: string, olds: Props, news: Props) => updateResource(schema.type, id, olds, news),
    delete: (id: string, props: Props) => deleteResource(schema.type, id, props),
  };
}
