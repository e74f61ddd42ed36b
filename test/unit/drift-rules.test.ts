// The drift command's rules without the CLI: service-managed fields per resource type, ignore-rule
// matching, the exit-code order over stacks, and the Markdown's grouping and cap.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { StepEventMetadata } from "@pulumi/pulumi/automation";
import { allSchemaTypes, loadSchema } from "../../provider/engine/schema-loader";
import { driftOf, type DriftedResource, type StackDriftReport } from "../../provider/cli/drift";
import { appendRules, applyIgnoreRules, baselineRules, readIgnoreFile } from "../../provider/cli/ignore-rules";
import { combine, renderMarkdown } from "../../provider/cli/report";

function step(
  type: string,
  old: { inputs: Record<string, unknown>; outputs: Record<string, unknown> },
  now: { inputs: Record<string, unknown>; outputs: Record<string, unknown> },
): StepEventMetadata {
  const urn = `urn:pulumi:prod::p::pulumi-nodejs:dynamic/${type}::r`;
  const state = (s: typeof old) => ({
    type: `pulumi-nodejs:dynamic/${type}`,
    urn,
    id: "id-1",
    parent: "",
    provider: "",
    ...s,
  });
  return {
    op: "update",
    urn,
    type: `pulumi-nodejs:dynamic/${type}`,
    provider: "",
    old: state(old),
    new: state(now),
  } as unknown as StepEventMetadata;
}

/** A value of the path's top-level property with the leaf set, for old and live. */
function at(pathText: string, value: unknown): Record<string, unknown> {
  return pathText
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

describe("service-managed fields", () => {
  it.each(allSchemaTypes())("%s: a change the service makes by itself is never drift; other changes are", (type) => {
    const schema = loadSchema(type);
    for (const managed of schema.serviceManaged ?? []) {
      const head = managed.split(".")[0];
      expect(
        head in schema.outputs || head in schema.inputs.properties,
        `${type} serviceManaged ${managed} names a property`,
      ).toBe(true);
      const side = head in schema.inputs.properties ? "inputs" : "outputs";
      const before = { inputs: {}, outputs: {}, [side]: at(managed, "before") };
      const after = { inputs: {}, outputs: {}, [side]: at(managed, "after") };
      expect(driftOf(step(type, before as never, after as never)), `${type} ${managed}`).toBeUndefined();
    }
    // Every other output the program does not set, and every input, is drift when it changes.
    const others = [
      ...Object.keys(schema.outputs)
        .filter((k) => !(k in schema.inputs.properties))
        .map((k) => ["outputs", k]),
      ...Object.keys(schema.inputs.properties).map((k) => ["inputs", k]),
    ].filter(([, k]) => !(schema.serviceManaged ?? []).includes(k));
    expect(others.length).toBeGreaterThan(0);
    for (const [side, key] of others) {
      const drift = driftOf(
        step(
          type,
          { inputs: {}, outputs: {}, [side]: { [key]: "before" } },
          { inputs: {}, outputs: {}, [side]: { [key]: "after" } },
        ),
      );
      expect(
        drift?.properties.map((p) => p.property),
        `${type} ${side}.${key}`,
      ).toEqual([key]);
    }
  });

  it("lists statuses and timestamps wherever a type reports them", () => {
    for (const type of allSchemaTypes()) {
      const schema = loadSchema(type);
      const expected = Object.keys(schema.outputs).filter((k) =>
        /^(state|status|currentState|statusCode|statusMessage|updatedAt|createdAt|createdTime)$/.test(k),
      );
      expect(schema.serviceManaged ?? [], type).toEqual(expect.arrayContaining(expected));
    }
  });
});

const resource = (name: string, properties: string[], type = "appstream:Stack"): DriftedResource => ({
  urn: `urn:pulumi:prod::p::pulumi-nodejs:dynamic/${type}::${name}`,
  type,
  name,
  status: "changed",
  properties: properties.map((property) => ({ property, expected: 1, live: 2 })),
});

describe("ignore rules", () => {
  const file = (rules: object[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "driftignore-"));
    const p = path.join(dir, ".driftignore.yaml");
    fs.writeFileSync(p, JSON.stringify({ rules }));
    return p;
  };

  it("matches by type, name, URN and property globs, one segment per * and any depth for **", () => {
    const ignore = readIgnoreFile(
      file([
        { name: "tags", type: "appstream:*", property: "tags.*", reason: "r1" },
        { name: "deep", resource: "fleet-*", property: "computeCapacity.**", reason: "r2" },
        { name: "urn", urn: "urn:pulumi:prod::*::other", reason: "r3" },
      ]),
    );
    const result = applyIgnoreRules(
      ignore,
      [
        resource("a", ["tags.team", "tags", "displayName"]),
        resource("fleet-1", ["computeCapacity.desired.instances"], "appstream:Fleet"),
        resource("other", ["x.y"]),
      ],
      new Date("2026-01-01"),
      "prod",
    );
    expect(result.drifted.map((d) => [d.name, d.properties.map((p) => p.property)])).toEqual([
      ["a", ["tags", "displayName"]],
    ]);
    expect(result.ignored.map((i) => [i.name, i.property, i.rule])).toEqual([
      ["a", "tags.team", "tags"],
      ["fleet-1", "computeCapacity.desired.instances", "deep"],
      ["other", "x.y", "urn"],
    ]);
  });

  it("holds a rule through its expiry day (UTC), then no longer", () => {
    const ignore = readIgnoreFile(
      file([{ name: "until", property: "displayName", reason: "r", expires: "2026-03-01" }]),
    );
    expect(
      applyIgnoreRules(ignore, [resource("a", ["displayName"])], new Date("2026-03-01T23:59:00Z")).rules[0].status,
    ).toBe("matched");
    expect(
      applyIgnoreRules(ignore, [resource("a", ["displayName"])], new Date("2026-03-02T00:00:00Z")).rules[0].status,
    ).toBe("expired");
  });

  it("rejects a rule without a reason, naming its place", () => {
    expect(() => readIgnoreFile(file([{ property: "tags" }]))).toThrow(
      /\/rules\/0 must have required property 'reason'/,
    );
    expect(() => readIgnoreFile(file([{ reason: "r", expires: "next week" }]))).toThrow(
      /\/rules\/0\/expires must match format "date"/,
    );
  });

  it("appends a baseline to an existing file, keeping its rules and comments", () => {
    const p = file([]);
    fs.writeFileSync(p, "# ours\nrules:\n  - reason: kept\n    property: a\n");
    appendRules(p, baselineRules([{ stack: "prod", drifted: [resource("a", ["b"])] }], new Date("2026-01-01")));
    const text = fs.readFileSync(p, "utf8");
    expect(text).toContain("# ours");
    expect(readIgnoreFile(p)?.rules).toEqual([
      { reason: "kept", property: "a" },
      expect.objectContaining({
        stack: "prod",
        property: "b",
        expires: "2026-04-01",
        reason: expect.stringMatching(/^TODO/),
      }),
    ]);
  });
});

const stackReport = (stack: string, exitCode: number, drifted: DriftedResource[] = []): StackDriftReport => ({
  stack,
  exitCode,
  status: (["clean", "error", "drift", "pending-changes", "drift-and-pending-changes"] as const)[exitCode],
  resourcesChecked: 10,
  checkedResources: [],
  drifted,
  ignored: [],
  pendingChangesChecked: false,
  pendingChanges: [],
  rules: [],
});

describe("the combined report", () => {
  it("takes the worst exit code: 1, then 4, then 2 or 3 (both across stacks make 4)", () => {
    const code = (...codes: number[]) =>
      combine(
        codes.map((c, i) => stackReport(`s${i}`, c)),
        undefined,
        new Date(),
      ).exitCode;
    expect(code(0, 0)).toBe(0);
    expect(code(0, 2)).toBe(2);
    expect(code(3, 0)).toBe(3);
    expect(code(2, 3)).toBe(4);
    expect(code(4, 2)).toBe(4);
    expect(code(4, 1, 2)).toBe(1);
  });

  it("groups many changes under one property into one Markdown row and caps the length", () => {
    const tags = Array.from({ length: 12 }, (_, i) => `tags.t${i}`);
    const grouped = renderMarkdown(
      combine([stackReport("prod", 2, [resource("a", [...tags, "displayName"])])], undefined, new Date()),
    );
    expect(grouped).toContain("`tags`: 12 changes (`t0`, `t1`");
    expect(grouped).toContain("| `appstream:Stack` a | `displayName` |");
    expect(grouped.split("\n").filter((l) => l.startsWith("| `appstream:Stack` a")).length).toBe(2);

    const many = Array.from({ length: 400 }, (_, i) => resource(`r${i}`, ["displayName"]));
    const capped = renderMarkdown(combine([stackReport("prod", 2, many)], undefined, new Date()), { maxLength: 5000 });
    expect(capped.length).toBeLessThanOrEqual(5000);
    expect(capped).toMatch(/_… \d+ more rows left out to keep this comment short; the JSON report has them all._/);
  });
});
