// A configured endpoint where nothing listens fails the call at its first attempt with one sentence
// naming the URL, instead of the standard strategy's ten attempts of backoff and the SDK's error dump.
import * as http from "node:http";
import * as net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "../../provider/engine/calls";
import { resetRuntimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { unusedPort } from "../helpers/ports";

const variables = ["AWS_ENDPOINT_URL_APPSTREAM", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
const environment = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
afterEach(() => {
  resetRuntimeConfig();
  for (const name of variables) {
    if (environment[name] === undefined) delete process.env[name];
    else process.env[name] = environment[name];
  }
});

describe("an unreachable endpoint", () => {
  it.each(["appstream", "nimble", "thinclient"] as const)(
    "%s: one attempt, and the URL in one plain sentence",
    async (service) => {
      const endpoint = `http://127.0.0.1:${await unusedPort()}`;
      setRuntimeConfig({ endpoint, maxAttempts: 10 });
      const operation = { appstream: "DescribeStacks", nimble: "ListStudios", thinclient: "ListEnvironments" }[service];
      const error = (await call(service, operation, {}).catch((e: unknown) => e)) as Error & {
        cause?: { $metadata?: { attempts?: number } };
      };
      expect(error.message).toBe(
        `${operation} failed: cannot reach ${service} at ${endpoint}: the connection was refused; check aws-euc:endpoint (pulumi config get aws-euc:endpoint) and that the endpoint is running`,
      );
      expect(error.message).not.toContain("\n");
      expect(error.name).toBe("EndpointUnreachable");
      expect(error.cause?.$metadata?.attempts).toBe(1);
    },
  );
});

describe("an unreachable service endpoint the provider was not given", () => {
  it("names the address the SDK tried and points at the region and the network", async () => {
    // Where aws-euc:endpoint is unset, the SDK picks the endpoint: here the standard environment
    // variable, pointed at a loopback port nothing listens on.
    const port = await unusedPort();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_APPSTREAM: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example",
    });
    setRuntimeConfig({ region: "us-west-2", maxAttempts: 1 });
    const error = (await call("appstream", "DescribeStacks", {}).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `DescribeStacks failed: cannot reach appstream at 127.0.0.1:${port}: the connection was refused; check the region and the network`,
    );
    expect(error.name).toBe("EndpointUnreachable");
  });

  it("names a host that does not resolve, without a port the lookup never reached", async () => {
    // A name with an empty label: the resolver refuses it without asking any server.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_APPSTREAM: "http://appstream..example:8443",
      AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "example",
    });
    setRuntimeConfig({ region: "us-west-2", maxAttempts: 1 });
    const error = (await call("appstream", "DescribeStacks", {}).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      "DescribeStacks failed: cannot reach appstream at appstream..example: the host name does not resolve; check the region and the network",
    );
  });
});

describe("an endpoint the network has no way to", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ["EHOSTUNREACH", "there is no route to the host"],
    ["ENETUNREACH", "the network is unreachable"],
  ])("%s: says so in words", async (code, words) => {
    // The connection fails as the kernel fails it for an address no route leads to, with the error
    // node gives then: no such address can be counted on in a test machine's network.
    vi.spyOn(http.Agent.prototype, "createConnection").mockImplementation(() => {
      const socket = new net.Socket();
      const failure = Object.assign(new Error(`connect ${code} 10.20.30.40:4599`), {
        code,
        syscall: "connect",
        address: "10.20.30.40",
        port: 4599,
      });
      process.nextTick(() => socket.destroy(failure));
      return socket;
    });
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "example" });
    setRuntimeConfig({ endpoint: "http://10.20.30.40:4599", region: "us-west-2", maxAttempts: 10 });
    const error = (await call("appstream", "DescribeStacks", {}).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `DescribeStacks failed: cannot reach appstream at http://10.20.30.40:4599: ${words}; check aws-euc:endpoint (pulumi config get aws-euc:endpoint) and that the endpoint is running`,
    );
    expect(error.name).toBe("EndpointUnreachable");
  });
});
