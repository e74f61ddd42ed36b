// The drift report of `pulumi-aws-euc drift`, from the refresh steps the engine reports: a resource
// deleted out of band is named as deleted, a changed one by each changed property with both values.
import type { StepEventMetadata } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import { driftOf, propertyDifferences, renderMarkdown, renderTable, type DriftReport } from "../../provider/cli/drift";

const type = "pulumi-nodejs:dynamic/appstream:ImageBuilder";
const urn = `urn:pulumi:ci::euc::${type}::design-packaging`;
const state = (inputs: Record<string, unknown>) => ({ urn, type, id: "design-packaging-1a2b", inputs, outputs: inputs, custom: true, delete: false, parent: "", protect: false, taint: false, retainOnDelete: false, dependencies: [], provider: "", propertyDependencies: {}, pendingReplacement: false, additionalSecretOutputs: [], aliases: [], customTimeouts: {}, importID: "", initErrors: [], external: false, lock: "" });
const step = (op: string, old?: Record<string, unknown>, next?: Record<string, unknown>) =>
  ({ op, urn, type, provider: "", old: old && state(old), new: next && state(next) }) as unknown as StepEventMetadata;

describe("drift of one refresh step", () => {
  it("names a resource the refresh found gone as deleted, with its type, name and id", () => {
    const deleted = { urn, type: "appstream:ImageBuilder", name: "design-packaging", id: "design-packaging-1a2b", status: "deleted", properties: [] };
    expect(driftOf(step("refresh", { instanceType: "stream.standard.large" }, undefined))).toEqual(deleted);
    expect(driftOf(step("delete", { instanceType: "stream.standard.large" }, undefined))).toEqual(deleted);
  });

  it("names each changed property, nested ones by their path, and ignores the engine's own fields", () => {
    const drift = driftOf(step("refresh", { displayName: "Design", tags: { team: "vfx", site: "hq" }, __urn: "a" }, { displayName: "Renamed", tags: { team: "ops", site: "hq" }, __urn: "b" }));
    expect(drift).toMatchObject({ status: "changed", name: "design-packaging" });
    expect(drift?.properties).toEqual([
      { property: "displayName", expected: "Design", live: "Renamed" },
      { property: "tags.team", expected: "vfx", live: "ops" },
    ]);
  });

  it("reports nothing for a resource that matches, or that is not one of this package's", () => {
    expect(driftOf(step("same", { displayName: "Design" }, { displayName: "Design" }))).toBeUndefined();
    expect(driftOf({ ...step("refresh", { a: 1 }, undefined), type: "aws:s3/bucket:Bucket" } as StepEventMetadata)).toBeUndefined();
  });

  it("treats a property that only one side has as changed", () => {
    expect(propertyDifferences({ description: "x" }, {})).toEqual([{ property: "description", expected: "x", live: undefined }]);
  });
});

describe("the rendered report", () => {
  const report: DriftReport = {
    stack: "ci",
    checkedAt: "2026-01-01T00:00:00.000Z",
    resourcesChecked: 5,
    drifted: [
      { urn, type: "appstream:ImageBuilder", name: "design-packaging", id: "design-packaging-1a2b", status: "deleted", properties: [] },
      { urn: "u", type: "appstream:Fleet", name: "design-fleet", status: "changed", properties: [{ property: "displayName", expected: "Design", live: "Renamed" }] },
    ],
  };

  it("names the deleted resource and each changed property in the table and the markdown", () => {
    const table = renderTable(report);
    expect(table).toContain("drift in 2 of 5 resources of stack ci");
    expect(table).toMatch(/appstream:ImageBuilder design-packaging\s+\(resource\)\s+exists\s+deleted out of band/);
    expect(table).toMatch(/appstream:Fleet design-fleet\s+displayName\s+"Design"\s+"Renamed"/);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("| `appstream:ImageBuilder` design-packaging | | exists | **deleted out of band** |");
    expect(markdown).toContain('| `appstream:Fleet` design-fleet | `displayName` | `"Design"` | `"Renamed"` |');
  });

  it("says there is no drift when there is none", () => {
    expect(renderTable({ ...report, drifted: [] })).toBe("no drift: 5 resources of stack ci match their state");
    expect(renderMarkdown({ ...report, drifted: [] })).toContain("No drift: all 5 resources match their state");
  });
});
