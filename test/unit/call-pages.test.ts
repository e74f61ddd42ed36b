// Every page of a listing, through calls.ts against the local endpoint: the schema's continuation
// token followed where the SDK has no paginator, a single page when no token is named, the SDK's own
// paginator where it has one, a refused page reported as the call's error, and an operation the
// SDK does not have named as such.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulatorWith, type RunningEmulator } from "../../emulator/core/start";
import { appstreamService } from "../../emulator/services/appstream";
import { call, pages } from "../../provider/engine/calls";
import { setRuntimeConfig } from "../../provider/engine/config";

let emulator: RunningEmulator;
const tokens = { input: "NextToken", output: "NextToken" };

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const names = (page: Record<string, unknown>) => (page.Users as Array<{ UserName: string }>).map((u) => u.UserName);

beforeAll(async () => {
  emulator = await startEmulatorWith([appstreamService], { port: 0, transitionMs: 0 });
  setRuntimeConfig({ endpoint: emulator.url, region: "us-west-2" });
  for (const user of ["ana@example.com", "bo@example.com", "cy@example.com"])
    await call("appstream", "CreateUser", { UserName: user, AuthenticationType: "USERPOOL" });
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.control.resetCalls());

describe("pages", () => {
  it("follows the named continuation token where the SDK has no paginator, sending it back each time", async () => {
    const listed = await all(
      pages("appstream", "DescribeUsers", { AuthenticationType: "USERPOOL", MaxResults: 1 }, tokens),
    );
    expect(listed.map(names)).toEqual([["ana@example.com"], ["bo@example.com"], ["cy@example.com"]]);
    const sent = await emulator.control.inputs("DescribeUsers");
    expect(sent.map((input) => input.NextToken === undefined)).toEqual([true, false, false]);
    expect(sent[1].NextToken).toBe(listed[0].NextToken);
    expect(sent[2].NextToken).toBe(listed[1].NextToken);
    expect(listed[2].NextToken).toBeUndefined();
    // The SDK's response metadata is not part of a page.
    expect(listed[0].$metadata).toBeUndefined();
  });

  it("is the first page alone when no continuation token is named", async () => {
    const listed = await all(pages("appstream", "DescribeUsers", { AuthenticationType: "USERPOOL", MaxResults: 1 }));
    expect(listed.map(names)).toEqual([["ana@example.com"]]);
    expect((await emulator.control.calls()).counts["appstream:DescribeUsers"]).toBe(1);
  });

  it("uses the SDK's own paginator where it has one", async () => {
    const listed = await all(pages("appstream", "DescribeImages", { MaxResults: 1 }));
    const { counts } = await emulator.control.calls();
    expect(listed.length).toBe(counts["appstream:DescribeImages"]);
    expect(listed.length).toBeGreaterThan(1);
    const sent = await emulator.control.inputs("DescribeImages");
    expect(sent[1].NextToken).toBe(listed[0].NextToken);
  });

  it("reports a refused page as the call's error, by its service name", async () => {
    const refused = (await all(
      pages("appstream", "DescribeUsers", { AuthenticationType: "USERPOOL", NextToken: "bogus" }, tokens),
    ).catch((e: unknown) => e)) as Error;
    expect(refused.message).toBe(
      "DescribeUsers failed: InvalidParameterCombinationException: The NextToken is invalid or expired.",
    );
    expect(refused.name).toBe("InvalidParameterCombinationException");
    const paginated = (await all(pages("appstream", "DescribeImages", { NextToken: "bogus" })).catch(
      (e: unknown) => e,
    )) as Error;
    expect(paginated.message).toMatch(/^DescribeImages failed: \w+: The NextToken is invalid or expired\.$/);
    // Refused once: a failed paginator is not followed by a second try at the listing.
    expect((await emulator.control.calls()).counts["appstream:DescribeImages"]).toBe(1);
  });

  it("names an operation the SDK does not have", async () => {
    await expect(call("appstream", "DescribeGadgets", {})).rejects.toThrow(
      "the appstream SDK has no operation DescribeGadgets",
    );
  });
});
