// Reads that arrive together share one Describe* call naming them all: a refresh of 300 stacks
// costs a few DescribeStacks calls instead of 300, and parallel waits on fleets poll as one, which
// keeps them under the service's low Describe* rate limits.
import DataLoader from "dataloader";
import stableJson from "fast-json-stable-stringify";
import { isPaced } from "../rate-limiter";
import { pages } from "./calls";
import { isNotFound } from "./errors";
import type { ReadBatchSpec, ResourceSchema } from "./schema-types";
import { lookup } from "./wire";

type Item = Record<string, unknown>;

const loaders = new Map<string, DataLoader<string, Item | undefined>>();
/**
 * The last batch call of each group, settling when it has answered: until then it may be waiting for
 * its send token, throttled, or sent.
 */
const lastCall = new Map<string, Promise<unknown>>();

/** The one name a batchable read asks for, or undefined when the request is not of that form. */
function soleName(request: Record<string, unknown>, batch: ReadBatchSpec): string | undefined {
  const names = request[batch.param];
  return Array.isArray(names) && names.length === 1 && typeof names[0] === "string" ? names[0] : undefined;
}

/**
 * The item a batchable read (`batch` on the schema's read operation) returns for its resource, or
 * undefined when the service does not have it; `undefined` as the whole answer means the read
 * cannot join a batch.
 */
export function readInBatch(
  schema: ResourceSchema,
  request: Record<string, unknown>,
): Promise<Item | undefined> | undefined {
  const spec = schema.operations.read;
  const name = spec.batch && soleName(request, spec.batch);
  if (!spec.batch || name === undefined || !spec.response) return undefined;
  const { [spec.batch.param]: _names, ...shared } = request;
  const group = `${schema.service}|${spec.operation}|${stableJson(shared)}`;
  let loader = loaders.get(group);
  if (!loader) {
    loader = new DataLoader<string, Item | undefined>(
      (names) => {
        const answer = describe(schema, shared, [...names]);
        lastCall.set(
          group,
          answer.then(
            () => undefined,
            () => undefined,
          ),
        );
        return answer;
      },
      {
        // Every read must see the service as it is now: a cached answer would hide a transition.
        cache: false,
        // A batch takes the reads that arrived in the same turn of the event loop, and, while the
        // service paces the operation (rate-limiter.ts) and the group's last call has not answered,
        // every read that arrives until it has: under a rate limit the reads that arrive while a
        // call waits for its send token share the next call instead of each taking a token. Without
        // a limit in play each batch goes at once: holding it for the call under way put one call
        // of the group on the wire at a time, a refresh of 1,000 stacks waiting on 392 round trips
        // in a row.
        maxBatchSize: spec.batch.maxSize,
        batchScheduleFn: (flush) => {
          // One that has answered holds a new batch for no more than a microtask.
          const previous = lastCall.get(group);
          if (previous && isPaced(spec.operation)) void previous.then(() => setImmediate(flush));
          else setImmediate(flush);
        },
      },
    );
    loaders.set(group, loader);
  }
  return loader.load(name);
}

/** One call (and its pages) for `names`; items come from `response` without its last segment. */
async function describe(
  schema: ResourceSchema,
  shared: Record<string, unknown>,
  names: string[],
): Promise<Array<Item | undefined | Error>> {
  const spec = schema.operations.read;
  const batch = spec.batch as ReadBatchSpec;
  const list = schema.operations.list;
  const nextToken = list?.operation === spec.operation ? list.nextToken : undefined;
  const itemPath = spec.response as string;
  const itemsPath = itemPath.slice(0, itemPath.lastIndexOf("."));
  const unique = [...new Set(names)];
  const found = new Map<string, Item>();
  try {
    const tokens = nextToken ? { input: nextToken, output: nextToken } : undefined;
    for await (const response of pages(schema.service, spec.operation, { ...shared, [batch.param]: unique }, tokens)) {
      const items = lookup(response, itemsPath);
      // The items are the service's structures, each with its key member (the SDK drops nulls from a
      // list that is not sparse).
      // Stryker disable next-line ArrayDeclaration: equivalent, the string entry the mutant lists has no key member, so it answers no name
      for (const item of Array.isArray(items) ? (items as Item[]) : []) found.set(item[batch.key] as string, item);
    }
  } catch (error) {
    if (!isNotFound(error, spec.notFound)) return names.map(() => error as Error);
    if (unique.length === 1) return names.map(() => undefined);
    // One missing name fails the whole call: ask for each name on its own.
    const alone = await Promise.all(
      unique.map(async (name) => [name, (await describe(schema, shared, [name]))[0]] as const),
    );
    const byName = new Map(alone);
    return names.map((name) => byName.get(name));
  }
  return names.map((name) => found.get(name));
}
