// How a listing followed by its continuation token ends, against a service that answers the token
// each test scripts (the local endpoint's listings are always well behaved): an empty or absent token
// ends it, and a token the service already returned is an error naming the operation and the token's
// member, where following it would list the same pages for ever.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAll, pages } from "../../provider/engine/calls";
import { resetRuntimeConfig, setRuntimeConfig } from "../../provider/engine/config";
import { loadSchema } from "../../provider/engine/schema-loader";

type Answer = (nextToken: unknown) => Record<string, unknown>;

let server: http.Server;
let answer: Answer;
let sent: unknown[];

beforeAll(async () => {
  // AppStream speaks JSON 1.1: one POST per call, the operation in X-Amz-Target.
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const input = JSON.parse(body || "{}") as Record<string, unknown>;
      sent.push(input.NextToken);
      // No listing here has more than four pages: a listing that goes on is refused at once rather
      // than followed until the test times out.
      const refused = sent.length > 4;
      response.writeHead(refused ? 400 : 200, { "content-type": "application/x-amz-json-1.1" });
      response.end(
        JSON.stringify(
          refused
            ? { __type: "InvalidParameterCombinationException", message: "more pages than the test serves" }
            : answer(input.NextToken),
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  setRuntimeConfig({ endpoint: `http://127.0.0.1:${port}`, region: "us-west-2", maxAttempts: 1 });
});
afterAll(async () => {
  resetRuntimeConfig();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  sent = [];
});

const tokens = { input: "NextToken", output: "NextToken" };
const user = (name: string) => ({ UserName: name, AuthenticationType: "USERPOOL" });

/** The users of each page listed, or the error that ended the listing. */
async function listUsers(): Promise<{ listed: string[][]; error?: Error }> {
  const listed: string[][] = [];
  try {
    for await (const page of pages("appstream", "DescribeUsers", { AuthenticationType: "USERPOOL" }, tokens))
      listed.push(((page.Users ?? []) as Array<{ UserName: string }>).map((u) => u.UserName));
  } catch (error) {
    return { listed, error: error as Error };
  }
  return { listed };
}

/** Two pages, the second ending with `last` as its token; any other token asked for is the first page again. */
function twoPages(last: unknown): Answer {
  return (nextToken) =>
    nextToken === "page-2"
      ? { Users: [user("bo@example.com")], NextToken: last }
      : { Users: [user("ana@example.com")], NextToken: "page-2" };
}

describe("a listing followed by its continuation token", () => {
  it("ends at a page without a token", async () => {
    answer = twoPages(undefined);
    expect(await listUsers()).toEqual({ listed: [["ana@example.com"], ["bo@example.com"]] });
    expect(sent).toEqual([undefined, "page-2"]);
  });

  it("ends at a page whose token is empty", async () => {
    answer = twoPages("");
    expect(await listUsers()).toEqual({ listed: [["ana@example.com"], ["bo@example.com"]] });
    expect(sent).toEqual([undefined, "page-2"]);
  });

  it("ends at a page whose token is null", async () => {
    answer = twoPages(null);
    expect(await listUsers()).toEqual({ listed: [["ana@example.com"], ["bo@example.com"]] });
    expect(sent).toEqual([undefined, "page-2"]);
  });

  it("stops with an error naming the operation and the token when the service answers a token a second time", async () => {
    answer = twoPages("page-2");
    const { listed, error } = await listUsers();
    expect(error?.message).toBe(
      'DescribeUsers answered the NextToken "page-2" a second time: its listing would never end',
    );
    expect(listed).toEqual([["ana@example.com"], ["bo@example.com"]]);
    expect(sent).toEqual([undefined, "page-2"]);
  });

  it("stops at the first repeat even when the token comes back after others", async () => {
    answer = (nextToken) =>
      nextToken === "b" ? { Users: [], NextToken: "a" } : { Users: [user("ana@example.com")], NextToken: "b" };
    const { listed, error } = await listUsers();
    expect(error?.message).toBe('DescribeUsers answered the NextToken "b" a second time: its listing would never end');
    expect(listed).toEqual([["ana@example.com"], [], ["ana@example.com"]]);
    expect(sent).toEqual([undefined, "b", "a"]);
  });
});

describe("a schema's listing (listAll)", () => {
  const spec = { operation: "DescribeUsers", items: "Users" };

  it("follows the token the schema names, and counts a page without items as none", async () => {
    answer = (nextToken) =>
      nextToken === "page-2"
        ? { NextToken: "page-3" }
        : nextToken === "page-3"
          ? { Users: [user("bo@example.com")] }
          : { Users: [user("ana@example.com")], NextToken: "page-2" };
    const listed = await listAll(
      loadSchema("appstream:User"),
      { ...spec, nextToken: "NextToken" },
      {
        AuthenticationType: "USERPOOL",
      },
    );
    expect(listed).toEqual([user("ana@example.com"), user("bo@example.com")]);
    expect(sent).toEqual([undefined, "page-2", "page-3"]);
  });

  it("is the first page alone when the schema names no token", async () => {
    answer = twoPages(undefined);
    const listed = await listAll(loadSchema("appstream:User"), spec, { AuthenticationType: "USERPOOL" });
    expect(listed).toEqual([user("ana@example.com")]);
    expect(sent).toEqual([undefined]);
  });
});
