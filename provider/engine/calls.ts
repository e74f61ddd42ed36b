import { createAwsClients, isUnreachable, type AwsClients } from "../aws-clients";
import { runtimeConfig, type RuntimeConfig } from "./config";
import { describeCallError } from "./errors";
import type { ServiceName } from "./schema-types";

const sdkModules: Record<ServiceName, string> = {
  nimble: "@aws-sdk/client-nimble",
  appstream: "@aws-sdk/client-appstream",
  thinclient: "@aws-sdk/client-workspaces-thin-client",
};
const clientKeys: Record<ServiceName, keyof AwsClients> = { nimble: "nimble", appstream: "appstream", thinclient: "thinClient" };

let clients: { config: RuntimeConfig; clients: AwsClients } | undefined;

function clientFor(service: ServiceName): { send(command: unknown): Promise<unknown> } {
  const config = runtimeConfig();
  if (!clients || clients.config !== config) clients = { config, clients: createAwsClients(config) };
  return clients.clients[clientKeys[service]] as unknown as { send(command: unknown): Promise<unknown> };
}

type CommandClass = new (input: Record<string, unknown>) => unknown;

/** Sends one SDK command by operation name; the SDK's retry strategy handles throttling and 5xx. */
export async function call(service: ServiceName, operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require(sdkModules[service]) as Record<string, CommandClass | undefined>;
  const Command = sdk[`${operation}Command`];
  if (!Command) throw new Error(`${sdkModules[service]} has no operation ${operation}`);
  try {
    const output = (await clientFor(service).send(new Command(input))) as Record<string, unknown>;
    const { $metadata: _ignored, ...rest } = output;
    return rest;
  } catch (error) {
    if (isUnreachable(error)) throw unreachableError(service, operation, error);
    throw Object.assign(describeCallError(operation, error), { name: (error as Error).name, $metadata: (error as { $metadata?: unknown }).$metadata });
  }
}

const unreachableReasons: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EHOSTUNREACH: "there is no route to the host",
  ENETUNREACH: "the network is unreachable",
};

/** One sentence naming the address and what to check, instead of the SDK's error object. */
function unreachableError(service: ServiceName, operation: string, error: unknown): Error {
  const { code, hostname, address, port } = error as { code: string; hostname?: string; address?: string; port?: number };
  const configured = runtimeConfig().endpoint;
  const where = configured ?? `${hostname ?? address ?? "the AWS endpoint"}${port ? `:${port}` : ""}`;
  const hint = configured ? "check aws-euc:endpoint (pulumi config get aws-euc:endpoint) and that the endpoint is running" : "check the region and the network";
  const wrapped = new Error(`${operation} failed: cannot reach ${service} at ${where}: ${unreachableReasons[code] ?? code}; ${hint}`);
  return Object.assign(wrapped, { name: "EndpointUnreachable", cause: error });
}
