// Every control-API fault, observed through the real SDK client.
import {
  AppStreamClient,
  AppStreamServiceException,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateStackCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeStacksCommand,
  RequestLimitExceededException,
  ResourceNotFoundException,
  StartFleetCommand,
  StopFleetCommand,
} from "@aws-sdk/client-appstream";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  appStreamClient,
  CREDENTIALS,
  fleetInput,
  PUBLIC_IMAGE,
  startAppStream,
  type AppStreamHarness,
} from "./support";

const STEP = 1000;
let h: AppStreamHarness;

beforeAll(async () => {
  h = await startAppStream({ transitionMs: STEP });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.control.reset());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

async function fleet(name: string) {
  return (await h.client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0];
}

async function runningFleet(name: string) {
  await h.client.send(new CreateFleetCommand(fleetInput(name)));
  await h.client.send(new StartFleetCommand({ Name: name }));
}

describe("throttling and server errors", () => {
  it("throttles with RequestLimitExceededException, which the SDK retries up to maxAttempts", async () => {
    const client = appStreamClient(h.emulator.url, 2);
    await h.emulator.control.setFaults({ throttlePercent: 100 });
    const err = await rejection(client.send(new DescribeStacksCommand({})));
    expect(err).toBeInstanceOf(RequestLimitExceededException);
    expect((err as AppStreamServiceException).$metadata.attempts).toBe(2);
    const calls = await h.emulator.control.calls();
    expect(calls.counts["appstream:DescribeStacks"]).toBe(2);
    expect(calls.log.map((c) => c.outcome)).toEqual(["throttled", "throttled"]);
    client.destroy();
  });

  it("a partly throttled call succeeds after retries, and the counters show every attempt", async () => {
    // Seed 3 throttles the first draw and lets the second through (checked by the determinism test).
    await h.emulator.control.setFaults({ throttlePercent: 50, seed: 3 });
    const out = await h.client.send(new DescribeStacksCommand({}));
    const calls = await h.emulator.control.calls();
    expect(out.$metadata.attempts).toBe(calls.counts["appstream:DescribeStacks"]);
    expect(calls.log.at(-1)?.outcome).toBe("ok");
    expect(calls.log.slice(0, -1).every((c) => c.outcome === "throttled")).toBe(true);
  });

  it("probabilistic faults are deterministic for a seed", async () => {
    const client = appStreamClient(h.emulator.url, 1);
    const outcomes = async () => {
      await h.emulator.control.resetCalls();
      await h.emulator.control.setFaults({ throttlePercent: 30, serverErrorPercent: 30, seed: 42 });
      for (let i = 0; i < 20; i++) await client.send(new DescribeStacksCommand({})).catch(() => undefined);
      return (await h.emulator.control.calls()).log.map((c) => c.outcome);
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["ok", "throttled", "server-error"]));
    client.destroy();
  });

  it("5xx faults are retried as transient and surface as the service's base exception", async () => {
    const client = appStreamClient(h.emulator.url, 2);
    await h.emulator.control.setFaults({ serverErrorPercent: 100 });
    const err = await rejection(client.send(new DescribeStacksCommand({})));
    expect(err).toBeInstanceOf(AppStreamServiceException);
    expect((err as AppStreamServiceException).$metadata).toMatchObject({ httpStatusCode: 500, attempts: 2 });
    await h.emulator.control.clearFaults();
    await client.send(new DescribeStacksCommand({}));
    client.destroy();
  });

  it("latency delays answers: a client with a shorter timeout gives up, and succeeds once it is cleared", async () => {
    const impatient = new AppStreamClient({
      endpoint: h.emulator.url,
      region: "us-east-1",
      credentials: CREDENTIALS,
      maxAttempts: 1,
      // Without throwOnRequestTimeout the handler only logs a warning when requestTimeout passes.
      // Seconds, not milliseconds: the same client must still get its answer in time once the
      // latency is cleared, on a machine busy enough to make a local call take a while.
      requestHandler: { requestTimeout: 5_000, throwOnRequestTimeout: true },
    });
    await h.emulator.control.setFaults({ latencyMs: 20_000 });
    expect((await h.emulator.control.faults()).latencyMs).toBe(20_000);
    const err = await rejection(impatient.send(new DescribeStacksCommand({})));
    expect((err as Error).name).toMatch(/Timeout/);
    await h.emulator.control.clearFaults();
    await impatient.send(new DescribeStacksCommand({}));
    impatient.destroy();
  });
});

describe("resource faults", () => {
  it("fail-next-create ends an image builder in FAILED with its reason and errors", async () => {
    await h.emulator.control.failNextCreate("appstream:ImageBuilder", "INTERNAL_SERVICE_ERROR", "capacity unavailable");
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    h.clock.advance(STEP);
    const builder = (await h.client.send(new DescribeImageBuildersCommand({ Names: ["ib"] }))).ImageBuilders![0];
    expect(builder).toMatchObject({
      State: "FAILED",
      StateChangeReason: { Code: "INTERNAL_ERROR", Message: "capacity unavailable" },
    });
    expect(builder.ImageBuilderErrors?.[0]).toMatchObject({
      ErrorCode: "INTERNAL_SERVICE_ERROR",
      ErrorMessage: "capacity unavailable",
    });
    expect(builder.ImageBuilderErrors?.[0].ErrorTimestamp).toBeInstanceOf(Date);
    // Only the next create fails.
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib2", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    h.clock.advance(STEP);
    expect((await h.client.send(new DescribeImageBuildersCommand({ Names: ["ib2"] }))).ImageBuilders![0].State).toBe(
      "RUNNING",
    );
  });

  it("fail-next-create gives a fleet FleetErrors, so it never leaves STARTING", async () => {
    await h.emulator.control.failNextCreate("appstream:Fleet", "IMAGE_NOT_FOUND", "image gone");
    await runningFleet("f");
    h.clock.advance(10 * STEP);
    expect(await fleet("f")).toMatchObject({
      State: "STARTING",
      FleetErrors: [{ ErrorCode: "IMAGE_NOT_FOUND", ErrorMessage: "image gone" }],
    });
  });

  it("stuck pins a transitional state until released", async () => {
    await runningFleet("f");
    await h.emulator.control.stuck("appstream:Fleet", "f");
    h.clock.advance(10 * STEP);
    expect((await fleet("f")).State).toBe("STARTING");
    await h.emulator.control.release("appstream:Fleet", "f");
    expect((await fleet("f")).State).toBe("RUNNING");
  });

  it("fleet errors keep a starting fleet in STARTING; it can still be stopped; clearing them lets it start", async () => {
    await runningFleet("f");
    await h.emulator.control.fleetErrors("f", [{ ErrorCode: "SUBNET_NOT_FOUND", ErrorMessage: "subnet-1 not found" }]);
    h.clock.advance(10 * STEP);
    expect(await fleet("f")).toMatchObject({ State: "STARTING", FleetErrors: [{ ErrorCode: "SUBNET_NOT_FOUND" }] });
    await h.client.send(new StopFleetCommand({ Name: "f" }));
    h.clock.advance(STEP);
    expect((await fleet("f")).State).toBe("STOPPED");
    await h.client.send(new StartFleetCommand({ Name: "f" }));
    h.clock.advance(10 * STEP);
    expect((await fleet("f")).State).toBe("STARTING");
    await h.emulator.control.fleetErrors("f", []);
    h.clock.advance(STEP);
    const recovered = await fleet("f");
    expect(recovered.State).toBe("RUNNING");
    expect(recovered.FleetErrors).toBeUndefined();
  });

  it("mutate changes attributes out of band; null removes one", async () => {
    await h.client.send(new CreateFleetCommand({ ...fleetInput("f"), Description: "mine" }));
    await h.emulator.control.mutate("appstream:Fleet", "f", { DisplayName: "console edit", Description: null });
    const changed = await fleet("f");
    expect(changed.DisplayName).toBe("console edit");
    expect(changed.Description).toBeUndefined();
  });

  it("an out-of-band delete makes the resource disappear", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.emulator.control.deleteResource("appstream:Fleet", "f");
    expect(await rejection(h.client.send(new DescribeFleetsCommand({ Names: ["f"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(await h.emulator.control.resources("appstream:Fleet")).toEqual([]);
  });
});

describe("blocking the Nth mutating call", () => {
  async function blockedCreate(when: "before" | "after") {
    await h.emulator.control.blockMutatingCall(2, when);
    await h.client.send(new CreateStackCommand({ Name: "first" }));
    // Reads do not count.
    await h.client.send(new DescribeStacksCommand({}));
    const abort = new AbortController();
    const pending = h.client.send(new CreateStackCommand({ Name: "second" }), { abortSignal: abort.signal });
    const report = await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.blocked,
    );
    expect(report).toMatchObject({ blocked: true, service: "appstream", operation: "CreateStack", when });
    // The client dies while its call hangs.
    abort.abort();
    await rejection(pending);
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.clientGone === true,
    );
    await h.emulator.control.unblock();
    expect((await h.emulator.control.blocked()).blocked).toBe(false);
    return (await h.emulator.control.resources("appstream:Stack")).map((r) => r.id);
  }

  it('"before": the hung call is never applied', async () => {
    expect(await blockedCreate("before")).toEqual(["first"]);
  });

  it('"after": the call is applied although its client never got an answer', async () => {
    expect(await blockedCreate("after")).toEqual(["first", "second"]);
  });

  // The client is a process of its own, which has to start and load the SDK before its call arrives.
  it('a SIGKILLed client process leaves a "before"-blocked call unapplied', { timeout: 300_000 }, async () => {
    await h.emulator.control.blockMutatingCall(1, "before");
    const script = `
      const { AppStreamClient, CreateStackCommand } = require("@aws-sdk/client-appstream");
      const client = new AppStreamClient({ endpoint: process.argv[1], region: "us-east-1",
        credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      client.send(new CreateStackCommand({ Name: "orphan" }));`;
    const child = spawn(process.execPath, ["-e", script, h.emulator.url], {
      cwd: resolve(__dirname, "../.."),
      stdio: "ignore",
    });
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.blocked,
    );
    child.kill("SIGKILL");
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.clientGone === true,
    );
    await h.emulator.control.unblock();
    expect(await h.emulator.control.resources("appstream:Stack")).toEqual([]);
  });

  it("an unblocked call whose client is still waiting completes normally", async () => {
    await h.emulator.control.blockMutatingCall(1, "before");
    const pending = h.client.send(new CreateStackCommand({ Name: "patient" }));
    await h.emulator.control.waitFor(
      () => h.emulator.control.blocked(),
      (b) => b.blocked,
    );
    await h.emulator.control.unblock();
    expect((await pending).Stack?.Name).toBe("patient");
  });
});

describe("calls, settings and clock", () => {
  it("counts per operation, logs in order and resets", async () => {
    await h.client.send(new CreateStackCommand({ Name: "s" }));
    await rejection(h.client.send(new CreateStackCommand({ Name: "s" })));
    await h.client.send(new DescribeStacksCommand({}));
    const calls = await h.emulator.control.calls();
    expect(calls.counts).toEqual({ "appstream:CreateStack": 2, "appstream:DescribeStacks": 1 });
    expect(calls.log).toEqual([
      { seq: 1, service: "appstream", operation: "CreateStack", mutating: true, outcome: "ok", input: { Name: "s" } },
      {
        seq: 2,
        service: "appstream",
        operation: "CreateStack",
        mutating: true,
        outcome: "error",
        errorCode: "ResourceAlreadyExistsException",
        input: { Name: "s" },
      },
      { seq: 3, service: "appstream", operation: "DescribeStacks", mutating: false, outcome: "ok", input: {} },
    ]);
    await h.emulator.control.resetCalls();
    expect((await h.emulator.control.calls()).log).toEqual([]);
  });

  it("settings change the transition length; advance moves the emulator's clock", async () => {
    expect((await h.emulator.control.updateSettings({ transitionMs: 5000 })).transitionMs).toBe(5000);
    await runningFleet("f");
    h.clock.advance(STEP);
    expect((await fleet("f")).State).toBe("STARTING");
    await h.emulator.control.advance(4000);
    expect((await fleet("f")).State).toBe("RUNNING");
    await h.emulator.control.updateSettings({ transitionMs: STEP });
  });

  it("lists resources of every kind, or of one kind", async () => {
    await h.client.send(new CreateStackCommand({ Name: "s" }));
    const all = await h.emulator.control.resources();
    expect(all.some((r) => r.kind === "appstream:Image")).toBe(true);
    expect((await h.emulator.control.resources("appstream:Stack")).map((r) => r.attributes.Name)).toEqual(["s"]);
  });

  it("control errors are plain JSON with a status", async () => {
    await expect(h.emulator.control.mutate("appstream:Fleet", "nope", {})).rejects.toMatchObject({ status: 404 });
    await expect(h.emulator.control.blockMutatingCall(1, "sometime" as never)).rejects.toMatchObject({ status: 400 });
  });
});
