// Table 1: what each resource costs in state. The package's provider of a type serializes as a
// require() of the installed package plus the type; the baseline inlines the engine; one that
// captures an SDK client fails.
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AppStreamClient, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { allSchemaTypes } from "../dist/provider/engine/schema-loader";
import { naiveProvider } from "./baseline/naive-provider";

export interface FootprintRow {
  type: string;
  providerBytes: number;
  baselineProviderBytes: number;
  ratio: number;
  stateBytesPerResource?: number;
  baselineStateBytesPerResource?: number;
}

async function serializedProvider(provider: unknown): Promise<string> {
  // Exactly what pulumi.dynamic.Resource stores as __provider.
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

export async function sdkClientCaptureError(): Promise<string> {
  const client = new AppStreamClient({ region: "us-west-2" });
  const provider = { create: async () => ({ id: JSON.stringify(await client.send(new DescribeFleetsCommand({}))) }) };
  return serializedProvider(provider).then(
    () => "serialized (unexpected)",
    (error: Error) => error.message.split("\n")[0],
  );
}

/** Per-type footprint; stack exports (if given) add the total state bytes per resource. */
export async function footprint(exportedStates: unknown[] = []): Promise<FootprintRow[]> {
  // Loaded from node_modules, as in a user's program: that is what makes it serialize as a require().
  const installed = require.resolve("pulumi-aws-euc/dist/provider/dynamic-provider.js", { paths: [process.cwd()] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed package's path is only known at run time
  const module = require(installed) as { providerFor(type: string): unknown };
  const resources = exportedStates.flatMap(
    (s) =>
      (s as { deployment: { resources: Array<{ type: string; outputs?: { __provider?: string } }> } }).deployment
        .resources,
  );
  const rows: FootprintRow[] = [];
  // Unvalidated: a validator made in this process would be in the baseline's closure, which then
  // does not serialize at all (see baseline/naive-provider.ts).
  for (const type of allSchemaTypes({ validate: false })) {
    // One provider per type: the package's module plus the type (what resource-base.ts hands Pulumi).
    const ours = Buffer.byteLength(await serializedProvider(module.providerFor(type)));
    const baseline = Buffer.byteLength(await serializedProvider(naiveProvider(type)));
    const ofType = resources.filter((r) => r.type === `pulumi-nodejs:dynamic/${type}`);
    const row: FootprintRow = { type, providerBytes: ours, baselineProviderBytes: baseline, ratio: baseline / ours };
    if (ofType.length > 0) {
      const total = ofType.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0) / ofType.length;
      row.stateBytesPerResource = Math.round(total);
      row.baselineStateBytesPerResource = Math.round(total - ours + baseline);
    }
    rows.push(row);
  }
  return rows;
}

if (require.main === module) {
  void (async () => {
    console.log(await sdkClientCaptureError());
    const rows = await footprint();
    console.table(rows);
    fs.writeFileSync(path.join(__dirname, "..", ".pulumi-local", "footprint.json"), JSON.stringify(rows, null, 2));
  })();
}
