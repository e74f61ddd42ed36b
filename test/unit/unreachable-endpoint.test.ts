// A configured endpoint where nothing listens fails the call at its first attempt with one sentence
// naming the URL, instead of the standard strategy's ten attempts of backoff and the SDK's error dump.
import { afterEach, describe, expect, it } from "vitest";
import { call } from "../../provider/engine/calls";
import { resetRuntimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { unusedPort } from "../helpers/ports";

afterEach(() => resetRuntimeConfig());

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
      expect(error.cause?.$metadata?.attempts).toBe(1);
    },
  );
});
