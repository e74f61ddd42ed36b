// The drift report of `pulumi-aws-euc drift`, from the refresh steps the engine reports: a resource
// deleted out of band is named as deleted, a changed one by each changed property with both values.
import type { StepEventMetadata } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import {
  driftOf,
  exitCodeOf,
  propertyDifferences,
  type DriftedResource,
  type StackDriftReport,
} from "../../provider/cli/drift";
import { combine, renderMarkdown, renderTable } from "../../provider/cli/report";

const type = "pulumi-nodejs:dynamic/appstream:ImageBuilder";
const urn = `urn:pulumi:ci::euc::${type}::design-packaging`;
const state = (inputs: Record<string, unknown>) => ({
  urn,
  type,
  id: "design-packaging-1a2b",
  inputs,
  outputs: inputs,
  custom: true,
  delete: false,
  parent: "",
  protect: false,
  taint: false,
  retainOnDelete: false,
  dependencies: [],
  provider: "",
  propertyDependencies: {},
  pendingReplacement: false,
  additionalSecretOutputs: [],
  aliases: [],
  customTimeouts: {},
  importID: "",
  initErrors: [],
  external: false,
  lock: "",
});
const step = (op: string, old?: Record<string, unknown>, next?: Record<string, unknown>) =>
  ({ op, urn, type, provider: "", old: old && state(old), new: next && state(next) }) as unknown as StepEventMetadata;

describe("drift of one refresh step", () => {
  it("names a resource the refresh found gone as deleted, with its type, name and id", () => {
    const deleted = {
      urn,
      type: "appstream:ImageBuilder",
      name: "design-packaging",
      id: "design-packaging-1a2b",
      status: "deleted",
      properties: [],
    };
    expect(driftOf(step("refresh", { instanceType: "stream.standard.large" }, undefined))).toEqual(deleted);
    expect(driftOf(step("delete", { instanceType: "stream.standard.large" }, undefined))).toEqual(deleted);
  });

  it("names each changed property, nested ones by their path, and ignores the engine's own fields", () => {
    const drift = driftOf(
      step(
        "refresh",
        { displayName: "Design", tags: { team: "vfx", site: "hq" }, __urn: "a" },
        { displayName: "Renamed", tags: { team: "ops", site: "hq" }, __urn: "b" },
      ),
    );
    expect(drift).toMatchObject({ status: "changed", name: "design-packaging" });
    expect(drift?.properties).toEqual([
      { property: "displayName", expected: "Design", live: "Renamed" },
      { property: "tags.team", expected: "vfx", live: "ops" },
    ]);
  });

  it("reports nothing for a resource that matches, or that is not one of this package's", () => {
    expect(driftOf(step("same", { displayName: "Design" }, { displayName: "Design" }))).toBeUndefined();
    expect(driftOf({ ...step("refresh", { a: 1 }, undefined), type: "aws:s3/bucket:Bucket" })).toBeUndefined();
  });

  it("treats a property that only one side has as changed", () => {
    expect(propertyDifferences({ description: "x" }, {})).toEqual([
      { property: "description", expected: "x", live: undefined },
    ]);
  });
});

describe("the rendered report", () => {
  const drifted: DriftedResource[] = [
    {
      urn,
      type: "appstream:ImageBuilder",
      name: "design-packaging",
      id: "design-packaging-1a2b",
      status: "deleted",
      properties: [],
    },
    {
      urn: "u",
      type: "appstream:Fleet",
      name: "design-fleet",
      status: "changed",
      properties: [{ property: "displayName", expected: "Design", live: "Renamed" }],
    },
  ];
  const stackReport = (found: DriftedResource[]): StackDriftReport => ({
    stack: "ci",
    ...exitCodeOf(found.length > 0, false),
    resourcesChecked: 5,
    checkedResources: [],
    drifted: found,
    ignored: [],
    pendingChangesChecked: false,
    pendingChanges: [],
    rules: [],
  });
  const checkedAt = new Date("2026-01-01T00:00:00.000Z");

  it("names the deleted resource and each changed property in the table and the markdown", () => {
    const report = combine([stackReport(drifted)], undefined, checkedAt);
    expect(report.exitCode).toBe(2);
    const table = renderTable(report);
    expect(table).toMatch(/appstream:ImageBuilder design-packaging[\s\S]*deleted out of band/);
    expect(table).toMatch(/appstream:Fleet design-fleet\s+displayName\s+"Design"\s+"Renamed"/);
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/design-packaging[^\n]*deleted out of band/);
    expect(markdown).toMatch(/design-fleet[^\n]*`displayName`[^\n]*"Design"[^\n]*"Renamed"/);
  });

  it("says there is no drift when there is none", () => {
    const report = combine([stackReport([])], undefined, checkedAt);
    expect(report.exitCode).toBe(0);
    expect(renderTable(report)).toMatch(/no drift/);
    expect(renderMarkdown(report)).toMatch(/no drift/i);
    expect(renderMarkdown(report)).not.toMatch(/deleted out of band/);
  });
});
