// Sending the services' calls through the AWS SDK v3 clients: one call, or every page of a listing.
import { clientKeyOf, createAwsClients, isUnreachable, sdkModule, type AwsClients } from "../aws-clients";
import { runtimeConfig, type RuntimeConfig } from "./config";
import type { CallSpec, ResourceSchema, ServiceName } from "./schema-types";
import { lookup } from "./wire";

let clients: { config: RuntimeConfig; clients: AwsClients } | undefined;

function clientFor(service: ServiceName): AwsClients[(typeof clientKeyOf)[ServiceName]] {
  const config = runtimeConfig();
  // Stryker disable next-line ConditionalExpression: equivalent, fresh clients for the same config send the same calls
  if (!clients || clients.config !== config) clients = { config, clients: createAwsClients(config) };
  return clients.clients[clientKeyOf[service]];
}

type Output = Record<string, unknown>;
type CommandClass = new (input: Output) => unknown;
type Sender = { send(command: unknown): Promise<unknown> };
type Paginate = (config: { client: unknown }, input: Output) => AsyncIterable<Output>;

function commandOf(service: ServiceName, operation: string): CommandClass {
  const Command = sdkModule(service)[`${operation}Command`] as CommandClass | undefined;
  if (!Command) throw new Error(`the ${service} SDK has no operation ${operation}`);
  return Command;
}

/** Sends one SDK command by operation name; the SDK's retry strategy handles throttling and 5xx. */
export async function call(service: ServiceName, operation: string, input: Output): Promise<Output> {
  const Command = commandOf(service, operation);
  try {
    const output = (await (clientFor(service) as Sender).send(new Command(input))) as Output;
    const { $metadata: _ignored, ...rest } = output;
    return rest;
  } catch (error) {
    throw callError(service, operation, error);
  }
}

/** The request and response members that carry a listing's continuation token. */
export interface PageTokens {
  input: string;
  output: string;
}

/**
 * Every page of a listing: the SDK's own paginator (paginate<Operation>) where the SDK has one,
 * else following `tokens` (the schema's list operation names its nextToken); a single page when
 * neither says how to go on.
 */
export async function* pages(
  service: ServiceName,
  operation: string,
  input: Output,
  tokens?: PageTokens,
): AsyncGenerator<Output> {
  const paginate = sdkModule(service)[`paginate${operation}`] as Paginate | undefined;
  try {
    if (paginate) {
      yield* paginate({ client: clientFor(service) }, { ...input });
      return;
    }
  } catch (error) {
    throw callError(service, operation, error);
  }
  if (!tokens) {
    yield await call(service, operation, input);
    return;
  }
  // A service that answers a continuation token it already returned would be listed for ever (the
  // SDK's own paginators stop on it too: stopOnSameToken); it is an error, not the listing's end.
  const returned = new Set<unknown>();
  let token: unknown;
  do {
    const page = await call(service, operation, {
      ...input,
      ...(token !== undefined ? { [tokens.input]: token } : {}),
    });
    yield page;
    token = page[tokens.output];
    if (returned.has(token))
      throw new Error(
        `${operation} answered the ${tokens.output} ${JSON.stringify(token)} a second time: its listing would never end`,
      );
    returned.add(token);
    // The services' models make every continuation token a string; the SDK reads a JSON null as absent.
  } while (typeof token === "string" && token !== "");
}

/** A listing call: the items at `items` of each page, the continuation token at `nextToken`. */
export type ListSpec = CallSpec & { items: string; nextToken?: string };

/** Each page's items of a listing, as the service spells them (the engine's one paginator, `pages`). */
export async function* listedPages(schema: ResourceSchema, spec: ListSpec, request: Output): AsyncGenerator<unknown[]> {
  const tokens = spec.nextToken ? { input: spec.nextToken, output: spec.nextToken } : undefined;
  for await (const page of pages(schema.service, spec.operation, request, tokens)) {
    const items: unknown = lookup(page, spec.items);
    yield Array.isArray(items) ? (items as unknown[]) : [];
  }
}

/** Every item of a listing, all pages. */
export async function listAll(schema: ResourceSchema, spec: ListSpec, request: Output): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const items of listedPages(schema, spec, request)) all.push(...items);
  return all;
}

function callError(service: ServiceName, operation: string, error: unknown): Error {
  if (isUnreachable(error)) return unreachableError(service, operation, error);
  const { name, $metadata } = error as { name?: string; $metadata?: unknown };
  return Object.assign(describeCallError(operation, error), { name, $metadata });
}

/** "CreateFleet failed: InvalidParameterCombinationException: ..." */
export function describeCallError(operation: string, error: unknown): Error {
  const e = error as { name?: string; message?: string } | undefined;
  const wrapped = new Error(`${operation} failed: ${e?.name ?? "Error"}: ${e?.message ?? String(error)}`);
  (wrapped as Error & { cause?: unknown }).cause = error;
  return wrapped;
}

const unreachableReasons: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name does not resolve",
  EHOSTUNREACH: "there is no route to the host",
  ENETUNREACH: "the network is unreachable",
};

/** One sentence naming the address and what to check, instead of the SDK's error object. */
function unreachableError(service: ServiceName, operation: string, error: unknown): Error {
  const { code, hostname, address, port } = error as {
    code: string;
    hostname?: string;
    address?: string;
    port?: number;
  };
  const configured = runtimeConfig().endpoint;
  // Stryker disable next-line StringLiteral: equivalent, node's ENOTFOUND names the host and its connect errors (the other codes) the address
  const host = hostname ?? address ?? "the AWS endpoint";
  const where = configured ?? `${host}${port ? `:${port}` : ""}`;
  const hint = configured
    ? "check aws-euc:endpoint (pulumi config get aws-euc:endpoint) and that the endpoint is running"
    : "check the region and the network";
  const reason = unreachableReasons[code] ?? code;
  const wrapped = new Error(`${operation} failed: cannot reach ${service} at ${where}: ${reason}; ${hint}`);
  return Object.assign(wrapped, { name: "EndpointUnreachable", cause: error });
}
