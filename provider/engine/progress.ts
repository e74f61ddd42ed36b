import type * as grpc from "@grpc/grpc-js";

// The dynamic-provider process is started with the engine's address as its first argument but never
// connects a logger to it; progress reaches `pulumi up` only if the provider sends Log calls itself.
interface EngineLogClient {
  log(request: unknown, callback: (error: Error | null) => void): void;
}

let client: EngineLogClient | null | undefined;

function engineClient(): EngineLogClient | null {
  if (client !== undefined) return client;
  const address =
    process.env.PULUMI_AWS_EUC_ENGINE ?? (process.argv[1]?.includes("dynamic-provider") ? process.argv[2] : undefined);
  client = null;
  if (address) {
    // Loaded only here, in the provider process that has an engine to talk to: every other process
    // that runs the engine (tests, the mutation runs' fresh workers) is spared gRPC's load time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { credentials } = require("@grpc/grpc-js") as typeof grpc;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const services = require("@pulumi/pulumi/proto/engine_grpc_pb") as {
      EngineClient: new (a: string, c: grpc.ChannelCredentials) => EngineLogClient;
    };
    client = new services.EngineClient(address, credentials.createInsecure());
  }
  return client;
}

export type Severity = "info" | "warning";

/** Shows a message on the resource's line in `pulumi up`; ephemeral messages are status, not diagnostics. */
export function report(
  urn: string | undefined,
  message: string,
  options: { severity?: Severity; ephemeral?: boolean } = {},
): Promise<void> {
  const engine = engineClient();
  if (!engine) return Promise.resolve();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const messages = require("@pulumi/pulumi/proto/engine_pb") as {
    LogRequest: new () => {
      setSeverity(s: number): void;
      setMessage(m: string): void;
      setUrn(u: string): void;
      setEphemeral(e: boolean): void;
    };
    LogSeverity: { INFO: number; WARNING: number };
  };
  const request = new messages.LogRequest();
  request.setSeverity(options.severity === "warning" ? messages.LogSeverity.WARNING : messages.LogSeverity.INFO);
  request.setMessage(message);
  // No URN is the empty string, the field's default (a message for the whole stack).
  request.setUrn(urn ?? "");
  request.setEphemeral(options.ephemeral ?? false);
  return new Promise((resolve) => engine.log(request, () => resolve()));
}
