// Drives the engine as Pulumi's dynamic-provider host does, through the provider's entry points
// (provider/engine/runtime.ts): the type comes from the provider object, as each resource type has its own, the endpoint from
// the config Pulumi passes to configure.
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import type { ServiceModule } from "../../emulator/core/types";
import { resetRuntimeConfig } from "../../provider/engine/config";
import * as runtime from "../../provider/engine/runtime";

type Props = Record<string, unknown>;

export { runtime };

/**
 * Points the provider at `endpoint`. The URNs below name a project no Pulumi.yaml declares, so no
 * stack config file overrides what is configured here.
 */
export function useEndpoint(endpoint: string): void {
  resetRuntimeConfig();
  const config = new Map([
    ["aws-euc:endpoint", endpoint],
    ["aws:region", "us-west-2"],
  ]);
  runtime.configure({ get: (key) => config.get(key) });
}

/** Forgets the endpoint, so no later test file inherits it. */
export function forgetEndpoint(): void {
  resetRuntimeConfig();
}

/**
 * A local endpoint serving `services` for this test file, the provider pointed at it before each test
 * with its call log emptied (and, with `reset: "world"`, its resources too); closed after the file.
 */
export function providerEndpoint(services: ServiceModule[], reset: "calls" | "world" = "calls"): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulatorWith(services, { port: 0, transitionMs: 20 });
  });
  beforeEach(async () => {
    useEndpoint(running().url);
    await (reset === "world" ? running().control.reset() : running().control.resetCalls());
  });
  afterAll(async () => {
    forgetEndpoint();
    await emulator?.close();
  });
  function running(): RunningEmulator {
    if (!emulator) throw new Error("the local endpoint is not started yet (use it inside a test)");
    return emulator;
  }
  return running;
}

let sequence = 0;
const typeOfUrn = new Map<string, string>();

/** The type of the resource whose URN `props` carry, as its provider object would name it. */
function typeOf(props: Props): string | undefined {
  return typeof props.__urn === "string" ? typeOfUrn.get(props.__urn) : undefined;
}

/** A fresh resource URN of `type`, as a program's resource would carry it. */
export function urnOf(type: string, name = `r${++sequence}`): string {
  const urn = `urn:pulumi:dev::provider-calls-test::pulumi-nodejs:dynamic/${type}::${name}`;
  typeOfUrn.set(urn, type);
  return urn;
}

/** The inputs after the provider's check of a new resource (which must pass). */
export async function checked(type: string, inputs: Props, olds: Props = {}): Promise<Props> {
  const news = { __urn: typeof inputs.__urn === "string" ? inputs.__urn : urnOf(type), ...inputs };
  if (typeof news.__urn === "string") typeOfUrn.set(news.__urn, type);
  const result = await runtime.check(type, olds, news);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

/** The failures of the provider's check of `news` (for an update when `olds` are given). */
export async function failuresOf(news: Props, olds: Props = {}): Promise<Array<{ property: string; reason: string }>> {
  return (await runtime.check(typeOf(news), olds, news)).failures;
}

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  return runtime.create(typeOf(inputs), inputs);
}

export async function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  return runtime.update(typeOf(news), id, olds, news);
}

export async function read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  return runtime.read(typeOf(props), id, props);
}

export async function destroy(id: string, props: Props): Promise<void> {
  await runtime.delete(typeOf(props), id, props);
}

/** What a destroy fails with (an Error), or undefined when it succeeds. */
export async function destroyError(id: string, props: Props): Promise<Error | undefined> {
  try {
    await destroy(id, props);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
