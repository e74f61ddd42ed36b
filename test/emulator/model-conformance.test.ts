// The endpoint against the official AWS models, generated from models/ at test time. For every
// operation the endpoint serves: a valid request round-trips through the real AWS SDK v3 client,
// with the modeled success status and a raw body that validates against the output shape; for every
// constrained member of its input (required, enum, length, range, pattern, at any depth), a request
// breaking that constraint is refused with the operation's modeled error and status; Describe/Get of
// a missing id is ResourceNotFoundException; every paginator returns every item exactly once.
// The counts per kind are printed and written to .pulumi-local/model-conformance.json.
import * as appstreamSdk from "@aws-sdk/client-appstream";
import * as nimbleSdk from "@aws-sdk/client-nimble";
import * as thinClientSdk from "@aws-sdk/client-workspaces-thin-client";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../emulator/core/clock";
import { EmulatorServer } from "../../emulator/core/server";
import { EmulatorControl } from "../../emulator/control-client";
import {
  SERVICE_NAMES,
  errorStatus,
  operationModel,
  serviceModel,
  successStatus,
  validateOutput,
  validationErrorCode,
  type ServiceName,
} from "../../emulator/model";
import { allServices } from "../../emulator/services";
import { EXAMPLES, buildWorld } from "./model/examples";
import { PAGINATED, type PaginationWorld } from "./model/pagination";
import { Samples, violationsOf, type Skipped } from "./model/violations";
import { RecordingHandler, sendRaw } from "./model/wire";

const STEP_MS = 1000;
const SDKS: Record<ServiceName, Record<string, unknown>> = {
  appstream: appstreamSdk,
  nimble: nimbleSdk,
  thinclient: thinClientSdk,
};
const CLIENTS: Record<ServiceName, string> = {
  appstream: "AppStreamClient",
  nimble: "NimbleClient",
  thinclient: "WorkSpacesThinClientClient",
};

interface Harness extends PaginationWorld {
  emulator: { url: string; control: EmulatorControl };
  recorders: Record<ServiceName, RecordingHandler>;
  close(): Promise<void>;
}

type SdkClient = { send(command: unknown): Promise<Record<string, unknown>>; destroy(): void };

async function harness(): Promise<Harness> {
  process.env.PULUMI_AWS_EUC_CHECK_RESPONSES = "1";
  const clock = new ManualClock();
  const server = new EmulatorServer({ services: allServices, transitionMs: STEP_MS, clock });
  const { port } = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const emulator = { url, control: new EmulatorControl(url) };
  const recorders = {} as Record<ServiceName, RecordingHandler>;
  const clients = {} as Record<ServiceName, SdkClient>;
  for (const service of SERVICE_NAMES) {
    recorders[service] = new RecordingHandler();
    const Client = SDKS[service][CLIENTS[service]] as new (config: object) => SdkClient;
    clients[service] = new Client({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "euc-local-test", secretAccessKey: "euc-local-test-secret" },
      maxAttempts: 1,
      requestHandler: recorders[service],
      // Thin Client prefixes its hosts (api.); the local endpoint is one host.
      disableHostPrefix: true,
    });
  }
  return {
    emulator,
    recorders,
    ids: {},
    advance: (steps = 1) => clock.advance(steps * STEP_MS),
    mutate: (kind, id, patch) => emulator.control.mutate(kind, id, patch),
    put: (record) => server.ctx.put(record),
    list: (kind) => server.ctx.list(kind),
    call: <T>(service: ServiceName, operation: string, input: Record<string, unknown>) => {
      const Command = SDKS[service][`${operation}Command`] as new (input: object) => unknown;
      return clients[service].send(new Command(input)) as Promise<T>;
    },
    close: async () => {
      for (const client of Object.values(clients)) client.destroy();
      await server.close();
    },
  };
}

const counts = {
  operations: 0,
  roundTrips: 0,
  responseShapes: 0,
  notFound: 0,
  paginators: 0,
  violations: { required: 0, enum: 0, length: 0, range: 0, pattern: 0 },
  exactViolations: 0,
  skipped: [] as Array<Skipped & { service: string; operation: string }>,
};

afterAll(() => {
  const report = { ...counts, skippedCount: counts.skipped.length };
  const dir = path.join(__dirname, "../../.pulumi-local");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "model-conformance.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `[model conformance] operations ${counts.operations}, round trips ${counts.roundTrips}, response shapes ${counts.responseShapes}, ` +
      `not-found ${counts.notFound}, paginators ${counts.paginators}, violations ${JSON.stringify(counts.violations)} ` +
      `(${counts.exactViolations} break exactly one constraint), skipped ${counts.skipped.length}`,
  );
});

describe("the endpoint against the official models", () => {
  let h: Harness;
  const samples = Object.fromEntries(SERVICE_NAMES.map((s) => [s, new Samples(serviceModel(s))])) as Record<
    ServiceName,
    Samples
  >;
  beforeAll(async () => {
    h = await harness();
    await buildWorld(h);
  });
  afterAll(() => h?.close());

  it("serves every operation it registers from the model, and has an example for each", () => {
    for (const module of allServices) {
      const service = module.service as ServiceName;
      const served = module.operations.map((o) => o.name).sort();
      expect(EXAMPLES[service].map((e) => e.operation).sort(), service).toEqual(served);
      for (const name of served) expect(() => operationModel(serviceModel(service), name)).not.toThrow();
      counts.operations += served.length;
    }
  });

  for (const service of SERVICE_NAMES) {
    const model = serviceModel(service);

    it(`${service}: Describe/Get of a missing id answers ResourceNotFoundException with its modeled status`, async () => {
      for (const example of EXAMPLES[service].filter((e) => e.missing)) {
        const res = await sendRaw(h.emulator.url, model, example.operation, example.missing!(h));
        expect(res.errorCode, example.operation).toBe("ResourceNotFoundException");
        expect(res.status, example.operation).toBe(errorStatus(model, "ResourceNotFoundException"));
        counts.notFound += 1;
      }
    });

    for (const example of EXAMPLES[service]) {
      const { operation } = example;
      it(`${service} ${operation}: a valid request round-trips and the response matches the model; each broken constraint is refused`, async () => {
        const input = await example.input(h);
        const opInput = operationModel(model, operation).input?.shape;
        if (opInput) samples[service].harvest(opInput, input);

        // Every constraint broken, one at a time, before the valid call changes anything.
        const expectedCode = validationErrorCode(model, operation);
        const { violations, skipped } = violationsOf(model, operation, input, samples[service]);
        counts.skipped.push(...skipped.map((s) => ({ ...s, service, operation })));
        const wrong: string[] = [];
        for (const v of violations) {
          const res = await sendRaw(h.emulator.url, model, operation, v.input);
          const named = (res.message ?? "").includes(v.path.split(/[.[]/)[0]);
          if (res.errorCode !== expectedCode || res.status !== errorStatus(model, expectedCode) || !named) {
            wrong.push(`${v.kind} ${v.path}: got ${res.status} ${res.errorCode} "${res.message}"`);
          }
          counts.violations[v.kind] += 1;
          if (v.exact) counts.exactViolations += 1;
        }
        expect(wrong, `${service} ${operation}`).toEqual([]);

        const output = await h.call(service, operation, input);
        counts.roundTrips += 1;
        const raw = h.recorders[service].last!;
        expect(raw.status, `${operation} status`).toBe(successStatus(model, operation));
        expect((output as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode).toBe(
          successStatus(model, operation),
        );
        const body: unknown = raw.body ? JSON.parse(raw.body) : {};
        expect(validateOutput(model, operation, body), `${operation} response`).toEqual([]);
        counts.responseShapes += 1;
        const outShape = operationModel(model, operation).output?.shape;
        if (outShape) samples[service].harvest(outShape, body);
      });
    }
  }
});

describe("every paginator of the models returns every item exactly once", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(() => h?.close());

  it("covers every paginator of an operation the endpoint serves", () => {
    for (const module of allServices) {
      const service = module.service as ServiceName;
      const served = new Set(module.operations.map((o) => o.name));
      const paginated = Object.keys(serviceModel(service).paginators)
        .filter((op) => served.has(op))
        .sort();
      expect(PAGINATED[service].map((p) => p.operation).sort(), service).toEqual(paginated);
    }
  });

  for (const service of SERVICE_NAMES) {
    for (const case_ of PAGINATED[service]) {
      it(`${service} ${case_.operation}`, async () => {
        const model = serviceModel(service);
        const paginator = model.paginators[case_.operation];
        const { input, expected } = await case_.prepare(h);
        const seen: string[] = [];
        let pages = 0;
        let token: string | undefined;
        do {
          const out = await h.call(service, case_.operation, {
            ...input,
            ...(token ? { [paginator.input_token as string]: token } : {}),
          });
          const raw = h.recorders[service].last!;
          expect(validateOutput(model, case_.operation, JSON.parse(raw.body || "{}"))).toEqual([]);
          for (const item of (out[paginator.result_key as string] as Array<Record<string, string>> | undefined) ?? [])
            seen.push(case_.key(item));
          token = out[paginator.output_token as string] as string | undefined;
          pages += 1;
        } while (token && pages < 1000);
        expect(pages, "more than one page").toBeGreaterThan(1);
        expect(new Set(seen).size, "no item twice").toBe(seen.length);
        expect([...seen].sort()).toEqual([...expected].sort());
        counts.paginators += 1;
      });
    }
  }
});
