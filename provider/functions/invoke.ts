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

/** The members that carry a listing's continuation token, as each service spells its members. */
const pageTokens: Record<ServiceName, PageTokens> = {
  appstream: { input: "NextToken", output: "NextToken" },
  nimble: { input: "nextToken", output: "nextToken" },
  thinclient: { input: "nextToken", output: "nextToken" },
};

/**
 * Every item at `items` of every page of a listing: the engine's paginator, which uses the SDK's own
 * where it has one and otherwise follows the service's continuation token.
 */
export async function invokeAll<T = Record<string, unknown>>(
  service: ServiceName,
  operation: string,
  input: Record<string, unknown>,
  items: string,
): Promise<T[]> {
  configureOnce();
  const all: T[] = [];
  for await (const page of pages(service, operation, input, pageTokens[service]))
    all.push(...((page[items] as T[] | undefined) ?? []));
  return all;
}
