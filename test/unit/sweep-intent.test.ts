// The interruption sweeps judge a recovered world by test/e2e/sweep/intent.ts: it must notice each
// way a world can fall short of the sweep program's intent.
import { describe, expect, it } from "vitest";
import type { ResourceRecord } from "../../emulator/core/types";
import { PREVIOUS_STATUS_TAG } from "../../provider/hooks/thinclient-software-set-validation";
import { intentViolations, type StateResourceRef } from "../e2e/sweep/intent";

const arn = (type: string, name: string) => `arn:aws:appstream:us-east-1:123456789012:${type}/${name}`;
const appTags = (type: string, name: string, revision: string): ResourceRecord => ({
  kind: "appstream:Tags",
  id: arn(type, name),
  attributes: { Tags: { revision } },
});

/** The world the changed phase wants, as the endpoint holds it, and the stack that holds it. */
function changedWorld(): { world: ResourceRecord[]; state: StateResourceRef[] } {
  const tags = { revision: "2" };
  const world: ResourceRecord[] = [
    { kind: "nimble:Studio", id: "st-1", attributes: { state: "READY", tags } },
    {
      kind: "nimble:LaunchProfile",
      id: "lp-1",
      parentId: "st-1",
      attributes: { state: "READY", tags, streamConfiguration: { clipboardMode: "DISABLED" } },
    },
    { kind: "nimble:StreamingSession", id: "ss-1", parentId: "st-1", attributes: { state: "STOPPED", tags } },
    {
      kind: "nimble:StreamingSessionBackup",
      id: "bk-1",
      parentId: "st-1",
      attributes: { state: "READY", sessionId: "ss-1" },
    },
    { kind: "appstream:Stack", id: "stack", attributes: { Arn: arn("stack", "stack") } },
    appTags("stack", "stack", "2"),
    {
      kind: "appstream:Fleet",
      id: "fleet",
      attributes: { Arn: arn("fleet", "fleet"), State: "RUNNING", InstanceType: "stream.standard.large" },
    },
    appTags("fleet", "fleet", "2"),
    {
      kind: "appstream:ImageBuilder",
      id: "builder",
      attributes: { Arn: arn("image-builder", "builder"), State: "STOPPED" },
    },
    appTags("image-builder", "builder", "2"),
    { kind: "appstream:Association", id: "fleet/stack", attributes: {} },
    { kind: "thinclient:Environment", id: "env-1", attributes: { tags } },
    ...[
      ["1", "reception-1"],
      ["2", "lobby-1"],
      ["3", "kiosk-1"],
    ].map(([n, name]): ResourceRecord => ({
      kind: "thinclient:Device",
      id: `tcdevice000000000000000${n}`,
      attributes: { status: "REGISTERED", name, tags },
    })),
    { kind: "thinclient:SoftwareSet", id: "softwareset-0002", attributes: { validationStatus: "VALIDATED" } },
    { kind: "thinclient:SoftwareSet", id: "softwareset-0003", attributes: { validationStatus: "VALIDATED" } },
  ];
  const state: StateResourceRef[] = [
    { kind: "nimble:Studio", id: "st-1" },
    { kind: "nimble:LaunchProfile", id: "st-1/lp-1" },
    { kind: "nimble:StreamingSession", id: "st-1/ss-1" },
    { kind: "appstream:Stack", id: "stack" },
    { kind: "appstream:Fleet", id: "fleet" },
    { kind: "appstream:ImageBuilder", id: "builder" },
    { kind: "appstream:FleetStackAssociation", id: "fleet/stack" },
    { kind: "thinclient:Environment", id: "env-1" },
  ];
  return { world, state };
}

const find = (world: ResourceRecord[], kind: string) => {
  const record = world.find((r) => r.kind === kind);
  if (!record) throw new Error(`no ${kind}`);
  return record;
};

describe("the sweep program's intent", () => {
  it("accepts the world the changed phase wants", () => {
    const { world, state } = changedWorld();
    expect(intentViolations("changed", world, state).messages).toEqual([]);
  });

  it("counts a fleet left STOPPED by an interrupted instance-type change as out of its desired state", () => {
    const { world, state } = changedWorld();
    find(world, "appstream:Fleet").attributes.State = "STOPPED";
    const result = intentViolations("changed", world, state);
    expect(result.counts).toEqual({ duplicates: 0, orphans: 0, outOfDesiredState: 1, missing: 0 });
    expect(result.messages).toEqual(['fleet fleet is "STOPPED", the program wants "RUNNING"']);
  });

  it("counts a second fleet the stack does not hold as a duplicate and an orphan", () => {
    const { world, state } = changedWorld();
    world.push({
      kind: "appstream:Fleet",
      id: "fleet-2",
      attributes: { State: "RUNNING", InstanceType: "stream.standard.large" },
    });
    expect(intentViolations("changed", world, state).counts).toMatchObject({ duplicates: 1, orphans: 1 });
  });

  it("counts a resource the stack holds but the endpoint lost as missing", () => {
    const { world, state } = changedWorld();
    const kept = world.filter((r) => r.kind !== "thinclient:Environment");
    expect(intentViolations("changed", kept, state).counts.missing).toBe(2);
  });

  it("notices half-applied tags and a session stopped without a backup", () => {
    const { world, state } = changedWorld();
    find(world, "thinclient:Environment").attributes.tags = { revision: "1" };
    const withoutBackup = world.filter((r) => r.kind !== "nimble:StreamingSessionBackup");
    expect(intentViolations("changed", withoutBackup, state).counts.outOfDesiredState).toBe(2);
  });

  it("after a destroy, accepts only what deleteBehaviour keeps", () => {
    const kept: ResourceRecord[] = [
      { kind: "thinclient:Device", id: "tcdevice0000000000000001", attributes: { status: "REGISTERED" } },
      { kind: "thinclient:Device", id: "tcdevice0000000000000002", attributes: { status: "ARCHIVED" } },
      { kind: "thinclient:SoftwareSet", id: "softwareset-0002", attributes: { validationStatus: "VALIDATED" } },
      { kind: "thinclient:SoftwareSet", id: "softwareset-0003", attributes: { validationStatus: "NOT_VALIDATED" } },
    ];
    expect(intentViolations("destroyed", kept, []).messages).toEqual([]);
    const leftovers = [...kept, { kind: "appstream:Fleet", id: "fleet", attributes: { State: "STOPPED" } }];
    leftovers[1] = { ...leftovers[1], attributes: { status: "DEREGISTERED" } };
    const result = intentViolations("destroyed", leftovers, []);
    expect(result.counts).toMatchObject({ orphans: 1, outOfDesiredState: 1 });
  });

  it("after a destroy, counts a software set still tagged with the status a create found", () => {
    const world: ResourceRecord[] = [
      { kind: "thinclient:Device", id: "tcdevice0000000000000001", attributes: { status: "REGISTERED" } },
      { kind: "thinclient:Device", id: "tcdevice0000000000000002", attributes: { status: "ARCHIVED" } },
      {
        kind: "thinclient:SoftwareSet",
        id: "softwareset-0002",
        attributes: { validationStatus: "VALIDATED", tags: { [PREVIOUS_STATUS_TAG]: "NOT_VALIDATED" } },
      },
      { kind: "thinclient:SoftwareSet", id: "softwareset-0003", attributes: { validationStatus: "NOT_VALIDATED" } },
    ];
    expect(intentViolations("destroyed", world, []).messages).toEqual([
      `softwareset-0002's tag ${PREVIOUS_STATUS_TAG} after the destroy is "NOT_VALIDATED", the program wants "none"`,
    ]);
  });
});

describe("what a later destroy acts on", () => {
  it("counts a software set status remembered after the stack changed it as out of its desired state", () => {
    const { world, state } = changedWorld();
    state.push({
      kind: "thinclient:SoftwareSetValidation",
      id: "softwareset-0003",
      outputs: { previousValidationStatus: "VALIDATED" },
    });
    state.push({
      kind: "thinclient:SoftwareSetValidation",
      id: "softwareset-0002",
      outputs: { previousValidationStatus: "NOT_VALIDATED" },
    });
    const result = intentViolations("changed", world, state);
    expect(result.messages).toEqual([
      'the status the stack remembers for softwareset-0003 is "VALIDATED", the program wants "NOT_VALIDATED"',
    ]);
  });
});
