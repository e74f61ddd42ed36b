// A small gRPC server standing in for the Pulumi engine of a `pulumi up`: the provider process sends
// its Log calls (warnings and status lines on a resource's line) to the engine address it was started
// with, and this server records each LogRequest as it arrives.
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, vi } from "vitest";
import { EngineService, type IEngineServer } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type { LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

export interface Logged {
  severity: LogSeverity;
  message: string;
  urn: string;
  ephemeral: boolean;
}

export interface FakePulumiEngine {
  /** Every Log call received, in order of arrival (a test may empty it). */
  logged: Logged[];
  /** The server's address (started before the file's first test). */
  address: () => string;
}

/** A fake engine for this test file: started before its first test, stopped after its last. */
export function fakePulumiEngine(): FakePulumiEngine {
  const logged: Logged[] = [];
  let server: grpc.Server | undefined;
  let address: string | undefined;
  beforeAll(async () => {
    server = new grpc.Server();
    const unimplemented = (_call: unknown, callback: grpc.sendUnaryData<never>) =>
      callback({ code: grpc.status.UNIMPLEMENTED });
    const engine: IEngineServer = {
      log: (call, callback) => {
        const request = call.request;
        logged.push({
          severity: request.getSeverity(),
          message: request.getMessage(),
          urn: request.getUrn(),
          ephemeral: request.getEphemeral(),
        });
        callback(null, new Empty());
      },
      getRootResource: unimplemented,
      setRootResource: unimplemented,
      startDebugging: unimplemented,
      requirePulumiVersion: unimplemented,
    };
    server.addService(EngineService, engine);
    const running = server;
    const port = await new Promise<number>((resolve, reject) =>
      running.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    address = `127.0.0.1:${port}`;
  });
  // Files that run after this one in the same module graph (the mutation runs share one) must not find
  // engine modules still holding a client of this stopped server: their log calls would never answer.
  afterAll(() => {
    server?.forceShutdown();
    vi.resetModules();
  });
  return {
    logged,
    address: () => {
      if (!address) throw new Error("the fake Pulumi engine is not started yet (use it inside a test)");
      return address;
    },
  };
}
