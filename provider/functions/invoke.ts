// Plumbing for the package's functions (plain async functions used in programs): they run in the
// program's process, so they read the same stack config the providers read.
import * as pulumi from "@pulumi/pulumi";
import { call } from "../engine/calls";
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

/** Calls one SDK operation with the stack's endpoint, region and credentials. */
export function invoke(service: ServiceName, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!configured) {
    configureFrom(programConfig());
    configured = true;
  }
  return call(service, operation, input);
}
