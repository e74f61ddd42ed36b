// The endpoint ships in the package and reads the models at run time: from the installed package
// (node_modules/pulumi-aws-euc, as a user's project has it) the models are found beside dist/, and
// a request is validated against them.
import { AppStreamClient, CreateStackCommand } from "@aws-sdk/client-appstream";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CREDENTIALS } from "./support";

const installed = path.dirname(require.resolve("pulumi-aws-euc/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require(path.join(installed, "dist/emulator/model")) as typeof import("../../emulator/model");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const emulator = require(path.join(installed, "dist/emulator")) as typeof import("../../emulator");

describe("the installed package", () => {
  it("finds the models it ships and validates requests with them", async () => {
    expect(installed).toContain(path.join("node_modules", "pulumi-aws-euc"));
    expect(model.modelsDirectory()).toBe(path.join(installed, "models"));
    expect(Object.keys(model.serviceModel("nimble").operations)).toContain("CreateStudio");

    const running = await emulator.startEmulator({ port: 0 });
    const client = new AppStreamClient({
      endpoint: running.url,
      region: "us-east-1",
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const refused = await client.send(new CreateStackCommand({ Name: "ok", Tags: {} })).catch((e: Error) => e);
      expect(refused).toMatchObject({
        name: "InvalidParameterCombinationException",
        message: "Tags must have at least 1 entry.",
      });
      expect((await client.send(new CreateStackCommand({ Name: "ok" }))).Stack?.Name).toBe("ok");
    } finally {
      client.destroy();
      await running.close();
    }
  });
});
