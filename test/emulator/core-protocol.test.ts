// The core's wire handling, with small stand-in service modules so these tests do not depend on the
// real Nimble and Thin Client modules: restJson1 routing, label decoding, status codes, error
// headers, and that both restJson1 SDK clients deserialize its errors into their modeled classes.
import {
  GetStudioCommand,
  NimbleClient,
  ResourceNotFoundException as NimbleNotFound,
  ThrottlingException as NimbleThrottling,
} from "@aws-sdk/client-nimble";
import {
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  ThrottlingException,
  WorkSpacesThinClientClient,
} from "@aws-sdk/client-workspaces-thin-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { ServiceError, type OperationRequest, type ServiceModule } from "../../emulator/core/types";
import { CREDENTIALS } from "./support";

const echo = (req: OperationRequest) => ({
  body: { params: req.params, query: req.query, body: req.body, token: req.headers["x-amz-client-token"] },
});

const restService: ServiceModule = {
  service: "echo",
  protocol: "restJson1",
  operations: [
    { name: "GetThing", mutating: false, http: { method: "GET", path: "/things/{thingId}" }, handler: echo },
    {
      name: "GetThingDetails",
      mutating: false,
      http: { method: "GET", path: "/things/{thingId}/details" },
      handler: echo,
    },
    { name: "GetLatest", mutating: false, http: { method: "GET", path: "/things/latest" }, handler: echo },
    { name: "GetFile", mutating: false, http: { method: "GET", path: "/files/{key+}" }, handler: echo },
    {
      name: "CreateThing",
      mutating: true,
      http: { method: "POST", path: "/things" },
      handler: (req) => ({ status: 201, body: echo(req).body }),
    },
    {
      name: "DeleteThing",
      mutating: true,
      http: { method: "DELETE", path: "/things/{thingId}" },
      handler: () => ({ status: 204 }),
    },
    {
      name: "Refuse",
      mutating: false,
      http: { method: "GET", path: "/refuse" },
      handler: () => {
        throw new ServiceError("ConflictException", "no way", 409, { resourceId: "r-1", context: { why: "test" } });
      },
    },
    {
      name: "Crash",
      mutating: false,
      http: { method: "GET", path: "/crash" },
      handler: () => {
        throw new Error("handler bug");
      },
    },
  ],
};

// Stand-ins named like the real modules, so faults answer with those services' throttling shapes.
const thinClientStandIn: ServiceModule = {
  service: "thinclient",
  protocol: "restJson1",
  operations: [
    {
      name: "ListTagsForResource",
      mutating: false,
      http: { method: "GET", path: "/tags/{resourceArn}" },
      handler: (req) => {
        if (req.params.resourceArn.endsWith("/missing")) {
          throw new ServiceError("ResourceNotFoundException", "gone", 404, {
            resourceId: "missing",
            resourceType: "environment",
          });
        }
        return { body: { tags: { arn: req.params.resourceArn } } };
      },
    },
  ],
};

const nimbleStandIn: ServiceModule = {
  service: "nimble",
  protocol: "restJson1",
  operations: [
    {
      name: "GetStudio",
      mutating: false,
      http: { method: "GET", path: "/2020-08-01/studios/{studioId}" },
      handler: (req) => {
        throw new ServiceError("ResourceNotFoundException", `studio ${req.params.studioId} not found`, 404, {
          code: "NOT_FOUND",
          context: { id: req.params.studioId },
        });
      },
    },
  ],
};

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulatorWith([restService, thinClientStandIn, nimbleStandIn], { transitionMs: 0 });
});
afterAll(() => emu.close());

async function call(method: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${emu.url}${path}`, { method, ...init });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

describe("restJson1 routing", () => {
  it("matches method and path, preferring literal segments, and URL-decodes labels", async () => {
    expect((await call("GET", "/things/a%20b%2Fc")).json).toMatchObject({ params: { thingId: "a b/c" } });
    expect((await call("GET", "/things/t-1/details")).json).toMatchObject({ params: { thingId: "t-1" } });
    const latest = await call("GET", "/things/latest");
    expect(latest.json).toMatchObject({ params: {} });
    expect((await call("GET", "/files/a/b%20c/d.txt")).json).toMatchObject({ params: { key: "a/b c/d.txt" } });
  });

  it("parses query strings, repeated keys becoming lists, and passes headers", async () => {
    const out = await call("GET", "/things/x?a=1&a=2&b=3", { headers: { "X-Amz-Client-Token": "tok" } });
    expect(out.json).toMatchObject({ query: { a: ["1", "2"], b: "3" }, token: "tok" });
  });

  it("answers with the operation's status and JSON content type", async () => {
    const created = await call("POST", "/things", {
      body: JSON.stringify({ name: "n" }),
      headers: { "content-type": "application/json" },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    expect(created.json).toMatchObject({ body: { name: "n" } });
    const deleted = await call("DELETE", "/things/x");
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
  });

  it("sends errors with x-amzn-errortype, the status and the shape's extra fields", async () => {
    const refused = await call("GET", "/refuse");
    expect(refused.status).toBe(409);
    expect(refused.headers.get("x-amzn-errortype")).toBe("ConflictException");
    expect(refused.json).toEqual({ message: "no way", resourceId: "r-1", context: { why: "test" } });
    const crashed = await call("GET", "/crash");
    expect(crashed.status).toBe(500);
    expect(crashed.headers.get("x-amzn-errortype")).toBe("InternalFailure");
  });

  it("unknown routes are 404 UnknownOperationException; bad JSON is a SerializationException", async () => {
    const unknown = await call("GET", "/nothing/here");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect((await call("PUT", "/things/x")).status).toBe(404);
    const target = await call("POST", "/", {
      headers: { "x-amz-target": "PhotonAdminProxyService.Nope", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(target.status).toBe(404);
    expect(target.json).toMatchObject({ __type: "UnknownOperationException" });
    const bad = await call("POST", "/things", { body: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-amzn-errortype")).toBe("SerializationException");
  });
});

describe("restJson1 through the real SDK clients", () => {
  const thin = () =>
    new WorkSpacesThinClientClient({
      endpoint: emu.url,
      region: "us-east-1",
      credentials: CREDENTIALS,
      disableHostPrefix: true,
      maxAttempts: 2,
    });
  const nimble = () =>
    new NimbleClient({ endpoint: emu.url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 2 });

  it("Thin Client: an ARN label arrives decoded, responses and modeled errors deserialize", async () => {
    const client = thin();
    const resourceArn = "arn:aws:thinclient:us-east-1:123456789012:environment/env-1";
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ arn: resourceArn });
    const err = await client
      .send(new ListTagsForResourceCommand({ resourceArn: `${resourceArn}/missing` }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err).toMatchObject({ message: "gone", resourceId: "missing", resourceType: "environment" });
    client.destroy();
  });

  it("Thin Client: injected throttling is its ThrottlingException and is retried", async () => {
    const client = thin();
    await emu.control.resetCalls();
    await emu.control.setFaults({ throttlePercent: 100 });
    const err = await client
      .send(new ListTagsForResourceCommand({ resourceArn: "arn:aws:thinclient:us-east-1:1:environment/x" }))
      .catch((e: unknown) => e);
    await emu.control.clearFaults();
    expect(err).toBeInstanceOf(ThrottlingException);
    expect((await emu.control.calls()).counts["thinclient:ListTagsForResource"]).toBe(2);
    client.destroy();
  });

  it("Nimble: modeled errors deserialize with their members; throttling is retried", async () => {
    const client = nimble();
    const err = await client.send(new GetStudioCommand({ studioId: "st-1" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NimbleNotFound);
    expect(err).toMatchObject({ message: "studio st-1 not found", code: "NOT_FOUND", context: { id: "st-1" } });
    await emu.control.resetCalls();
    await emu.control.setFaults({ throttlePercent: 100 });
    const throttled = await client.send(new GetStudioCommand({ studioId: "st-1" })).catch((e: unknown) => e);
    await emu.control.clearFaults();
    expect(throttled).toBeInstanceOf(NimbleThrottling);
    expect((await emu.control.calls()).counts["nimble:GetStudio"]).toBe(2);
    client.destroy();
  });
});
