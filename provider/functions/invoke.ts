// Plumbing for the package's functions (plain async functions used in programs): they run in the
// program's process, so they read the same stack config the providers read.
import * as pulumi from "@pulumi/pulumi";
import { call, pages, type PageTokens } from "../engine/calls";
import { configureFrom } from "../engine/config";
import type { ServiceName } from "../engine/schema-types";

let configured = false;

function programConfig(): { get(key: string): string | undefined } {
  return {
    get(key: string) {
      const [namespace, name] = key.split(":");
      return new pulumi.Config(namespace).get(name);
    },
  };
}

function configureOnce(): void {
  if (configured) return;
  configureFrom(programConfig());
  configured = true;
}

/** Calls one SDK operation with the stack's endpoint, region and credentials. */
export function invoke(
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  configureOnce();
  return call(service, operation, input);
}

/** Every item at `items` of every page of a listing (the engine's paginator: the SDK's own where it has one). */
export async function invokeAll<T>(
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
  items: string,
  tokens?: PageTokens,
): Promise<T[]> {
  configureOnce();
  const all: T[] = [];
  for await (const page of pages(service, operation, input, tokens))
    all.push(...((page[items] as T[] | undefined) ?? []));
  return all;
}
