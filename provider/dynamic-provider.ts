// The provider of every resource type, as a module. Pulumi serializes the provider into each
// resource's state; a module's exports serialize as `require("pulumi-aws-euc/dist/provider/
// dynamic-provider.js")`, so state holds a one-line loader rather than code, and an upgrade of the
// package reaches existing resources. Each resource type has its own provider object made by
// `providerFor`: this module as its prototype plus the type, which serializes as
// `Object.create(require(...))` with one string property. Pulumi calls the provider's methods on
// that object, so `this.resourceType` says the type. State written before there was one provider
// per type holds this module itself as the provider: its resources carry the type in `__urn`.
import { enableCompileCache, flushCompileCache } from "node:module";
import type { DiffResult, ReadResult, CheckResult, CreateResult, UpdateResult, Config } from "@pulumi/pulumi/dynamic";

type Props = Record<string, unknown>;

/** What Pulumi calls the provider's methods on: a provider of `providerFor`, or this module in older state. */
interface Provider {
  readonly resourceType?: string;
}

/** The provider of one resource type (one object per type: Pulumi serializes each once). */
export function providerFor(resourceType: string): Provider {
  return Object.create(exports as object, {
    resourceType: { value: resourceType, enumerable: true },
  }) as Provider;
}

/** The type a provider object was made for; undefined for the module itself (state of older versions). */
function typeOf(provider: Provider | undefined): string | undefined {
  return typeof provider?.resourceType === "string" ? provider.resourceType : undefined;
}
type Runtime = typeof import("./engine/runtime");

let loaded: Runtime | undefined;

// Loaded on first use: a program that only declares resources never pays for the AWS SDKs.
function engine(): Runtime {
  if (!loaded) {
    // Every `pulumi preview`, `up` and `refresh` starts a fresh provider process; Node's compile
    // cache spares each the compilation of the engine and the SDKs. The engine kills the process
    // rather than letting it exit, so the cache is written as soon as the modules are in.
    enableCompileCache?.();
    loaded = require("./engine/runtime") as Runtime;
    (require("./wiring") as typeof import("./wiring")).wireHooks();
    flushCompileCache?.();
  }
  return loaded;
}

// Pulumi's dynamic-provider host prints every error of check, diff, read and delete to stderr as
// "<error>: <stack>" before returning it, and `pulumi` shows those lines again under the stack,
// so one failure read five times, with this package's stack frames. The error itself reaches the
// user as the resource's diagnostic; the echo of an error this provider raised is dropped.
const raised = new Set<string>();
let echoFilterInstalled = false;

function installEchoFilter(): void {
  if (echoFilterInstalled) return;
  echoFilterInstalled = true;
  const write = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && raised.delete(args[0])) return;
    write(...args);
  };
}

/** Runs one provider call; an error it raises is reported once, by Pulumi, as one plain message. */
async function plainErrors<T>(work: () => Promise<T>): Promise<T> {
  installEchoFilter();
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error) raised.add(`${String(error)}: ${error.stack}`);
    throw error;
  }
}

export async function configure(req: { config: Config }): Promise<void> {
  engine().configure(req.config);
}

export function check(this: Provider | undefined, olds: Props, news: Props): Promise<CheckResult> {
  return plainErrors(() => engine().check(typeOf(this), olds, news));
}

export function diff(this: Provider | undefined, id: string, olds: Props, news: Props): Promise<DiffResult> {
  return plainErrors(() => engine().diff(typeOf(this), id, olds, news));
}

export function create(this: Provider | undefined, inputs: Props): Promise<CreateResult> {
  return plainErrors(() => engine().create(typeOf(this), inputs));
}

export function read(this: Provider | undefined, id: string, props?: Props): Promise<ReadResult> {
  return plainErrors(() => engine().read(typeOf(this), id, props ?? {}));
}

export function update(this: Provider | undefined, id: string, olds: Props, news: Props): Promise<UpdateResult> {
  return plainErrors(() => engine().update(typeOf(this), id, olds, news));
}

function deleteResource(this: Provider | undefined, id: string, props: Props): Promise<void> {
  return plainErrors(() => engine().delete(typeOf(this), id, props));
}
export { deleteResource as delete };
