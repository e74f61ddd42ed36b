// What the sweep program (test/e2e/programs/sweep-full) wants the endpoint's world to hold after
// each run, and how a world falls short of it: duplicates (more live resources of a kind than the
// program declares), orphans (live resources the stack does not hold), missing resources (in the
// stack, gone from the world) and resources out of their desired state.
import type { ResourceRecord } from "../../../emulator/core/types";
import { PREVIOUS_STATUS_TAG } from "../../../provider/hooks/thinclient-software-set-validation";

export type Phase = "initial" | "changed";

export interface StateResourceRef {
  kind: string;
  id: string;
  /** The resource's outputs in the stack (what a later destroy acts on). */
  outputs?: Record<string, unknown>;
}

export interface IntentCounts {
  duplicates: number;
  orphans: number;
  outOfDesiredState: number;
  missing: number;
}

export interface IntentResult {
  messages: string[];
  summary: string;
  counts: IntentCounts;
}

/** The kinds the program creates, with how many of each, and the stack type that holds them. */
const CREATED: Array<{ kind: string; stateKind: string; count: number }> = [
  { kind: "nimble:Studio", stateKind: "nimble:Studio", count: 1 },
  { kind: "nimble:LaunchProfile", stateKind: "nimble:LaunchProfile", count: 1 },
  { kind: "nimble:StreamingSession", stateKind: "nimble:StreamingSession", count: 1 },
  { kind: "appstream:Stack", stateKind: "appstream:Stack", count: 1 },
  { kind: "appstream:Fleet", stateKind: "appstream:Fleet", count: 1 },
  { kind: "appstream:ImageBuilder", stateKind: "appstream:ImageBuilder", count: 1 },
  { kind: "appstream:Association", stateKind: "appstream:FleetStackAssociation", count: 1 },
  { kind: "thinclient:Environment", stateKind: "thinclient:Environment", count: 1 },
];

const DEVICES = [
  { id: "tcdevice0000000000000001", name: "reception-1", afterDestroy: "REGISTERED" },
  { id: "tcdevice0000000000000002", name: "lobby-1", afterDestroy: "ARCHIVED" },
  { id: "tcdevice0000000000000003", name: "kiosk-1", afterDestroy: "deleted" },
] as const;

const GONE_STATES = new Set(["DELETED", "DELETE_IN_PROGRESS", "DELETING"]);

function liveState(record: ResourceRecord): string {
  const state = record.attributes.State ?? record.attributes.state ?? record.attributes.status;
  return typeof state === "string" ? state : "";
}

function isLive(record: ResourceRecord): boolean {
  return !GONE_STATES.has(liveState(record));
}

/** The stack's resource id as the endpoint keys the record (a Nimble child's id is studio/child). */
function worldId(ref: StateResourceRef): string {
  return ref.kind === "appstream:FleetStackAssociation" ? ref.id : (ref.id.split("/").pop() ?? ref.id);
}

export function intentViolations(
  intent: Phase | "destroyed",
  world: ResourceRecord[],
  state: StateResourceRef[],
): IntentResult {
  const messages: string[] = [];
  const counts: IntentCounts = { duplicates: 0, orphans: 0, outOfDesiredState: 0, missing: 0 };
  const live = world.filter(isLive);
  const ofKind = (kind: string) => live.filter((r) => r.kind === kind);
  const one = (kind: string) => ofKind(kind)[0];
  const tagsOf = (record: ResourceRecord): Record<string, string> => {
    if (record.kind.startsWith("appstream:")) {
      const arn = typeof record.attributes.Arn === "string" ? record.attributes.Arn : "";
      return (
        (world.find((r) => r.kind === "appstream:Tags" && r.id === arn)?.attributes.Tags as
          Record<string, string> | undefined) ?? {}
      );
    }
    return (record.attributes.tags as Record<string, string> | undefined) ?? {};
  };
  const outOfState = (what: string, expected: unknown, got: unknown) => {
    counts.outOfDesiredState += 1;
    messages.push(`${what} is ${JSON.stringify(got)}, the program wants ${JSON.stringify(expected)}`);
  };

  for (const { kind, stateKind, count } of CREATED) {
    const wanted = intent === "destroyed" ? 0 : count;
    const found = ofKind(kind);
    if (found.length > wanted) {
      // More than the program declares: extra ones are duplicates (and orphans when the stack lacks them).
      if (wanted > 0) {
        counts.duplicates += found.length - wanted;
        messages.push(`${found.length} ${kind} (the program declares ${wanted})`);
      }
    }
    if (found.length < wanted) {
      counts.missing += wanted - found.length;
      messages.push(`${found.length} ${kind} (the program declares ${wanted})`);
    }
    const held = new Set(state.filter((s) => s.kind === stateKind).map(worldId));
    for (const record of found) {
      if (!held.has(record.id)) {
        counts.orphans += 1;
        messages.push(`orphan ${kind} ${record.id}${intent === "destroyed" ? " left by the destroy" : ""}`);
      }
    }
    for (const id of held) {
      if (!found.some((r) => r.id === id)) {
        counts.missing += 1;
        messages.push(`${kind} ${id} is in the stack but not at the endpoint`);
      }
    }
  }

  const softwareSet = (id: string) =>
    world.find((r) => r.kind === "thinclient:SoftwareSet" && r.id === id)?.attributes.validationStatus;
  if (intent === "destroyed") {
    if (state.length > 0) messages.push(`the stack still holds ${state.map((s) => `${s.kind} ${s.id}`).join(", ")}`);
    for (const device of DEVICES) {
      const record = world.find((r) => r.kind === "thinclient:Device" && r.id === device.id);
      const status = record ? String(record.attributes.status) : "deleted";
      if (status !== device.afterDestroy)
        outOfState(`device ${device.name} after the destroy`, device.afterDestroy, status);
    }
    // RESTORE puts back the status found at create (the endpoint seeds NOT_VALIDATED); KEEP leaves it.
    if (softwareSet("softwareset-0003") !== "NOT_VALIDATED")
      outOfState("softwareset-0003 (RESTORE) after the destroy", "NOT_VALIDATED", softwareSet("softwareset-0003"));
    if (softwareSet("softwareset-0002") !== "VALIDATED")
      outOfState("softwareset-0002 (KEEP) after the destroy", "VALIDATED", softwareSet("softwareset-0002"));
    // The status a create found is kept at the service until the destroy lets the software set go.
    for (const record of world.filter((r) => r.kind === "thinclient:SoftwareSet")) {
      const kept = (record.attributes.tags as Record<string, string> | undefined)?.[PREVIOUS_STATUS_TAG];
      if (kept !== undefined) outOfState(`${record.id}'s tag ${PREVIOUS_STATUS_TAG} after the destroy`, "none", kept);
    }
    return {
      messages,
      counts,
      summary: `${world.filter((r) => r.kind === "thinclient:Device").length} devices as deleteBehaviour says, nothing else left`,
    };
  }

  const changed = intent === "changed";
  const revision = changed ? "2" : "1";
  const checkTags = (what: string, record: ResourceRecord | undefined) => {
    if (record && tagsOf(record).revision !== revision)
      outOfState(`${what}'s tag revision`, revision, tagsOf(record).revision);
  };
  const fleet = one("appstream:Fleet");
  if (fleet) {
    if (fleet.attributes.State !== "RUNNING") outOfState(`fleet ${fleet.id}`, "RUNNING", fleet.attributes.State);
    const instanceType = changed ? "stream.standard.large" : "stream.standard.medium";
    if (fleet.attributes.InstanceType !== instanceType)
      outOfState(`fleet ${fleet.id}'s instance type`, instanceType, fleet.attributes.InstanceType);
  }
  checkTags("the fleet", fleet);
  const builder = one("appstream:ImageBuilder");
  const builderState = changed ? "STOPPED" : "RUNNING";
  if (builder && builder.attributes.State !== builderState)
    outOfState(`image builder ${builder.id}`, builderState, builder.attributes.State);
  checkTags("the image builder", builder);
  checkTags("the AppStream stack", one("appstream:Stack"));
  const session = one("nimble:StreamingSession");
  const sessionState = changed ? "STOPPED" : "READY";
  if (session && session.attributes.state !== sessionState)
    outOfState(`session ${session.id}`, sessionState, session.attributes.state);
  if (
    session &&
    changed &&
    !world.some((r) => r.kind === "nimble:StreamingSessionBackup" && r.attributes.sessionId === session.id)
  ) {
    outOfState(`session ${session.id}'s backups`, "a backup of the stop", "none");
  }
  checkTags("the session", session);
  const profile = one("nimble:LaunchProfile");
  const clipboardMode = changed ? "DISABLED" : "ENABLED";
  const streamConfiguration = profile?.attributes.streamConfiguration as { clipboardMode?: string } | undefined;
  if (profile && streamConfiguration?.clipboardMode !== clipboardMode)
    outOfState(`launch profile ${profile.id}'s clipboardMode`, clipboardMode, streamConfiguration?.clipboardMode);
  checkTags("the launch profile", profile);
  checkTags("the studio", one("nimble:Studio"));
  checkTags("the environment", one("thinclient:Environment"));
  for (const device of DEVICES) {
    const record = world.find((r) => r.kind === "thinclient:Device" && r.id === device.id);
    if (record?.attributes.status !== "REGISTERED")
      outOfState(`device ${device.name}`, "REGISTERED", record?.attributes.status ?? "deleted");
    else if (record.attributes.name !== device.name)
      outOfState(`device ${device.id}'s name`, device.name, record.attributes.name);
    checkTags(`device ${device.name}`, record);
  }
  for (const id of ["softwareset-0002", "softwareset-0003"]) {
    if (softwareSet(id) !== "VALIDATED") outOfState(id, "VALIDATED", softwareSet(id));
    // What a RESTORE destroy puts back: the status the set had before the stack (the endpoint seeds NOT_VALIDATED).
    const recorded = state.find((s) => s.kind === "thinclient:SoftwareSetValidation" && s.id === id)?.outputs
      ?.previousValidationStatus;
    if (recorded !== undefined && recorded !== "NOT_VALIDATED")
      outOfState(`the status the stack remembers for ${id}`, "NOT_VALIDATED", recorded);
  }
  const total = CREATED.reduce((n, c) => n + c.count, 0) + DEVICES.length + 2;
  return { messages, counts, summary: `${total} resources once each, in their desired state, 0 orphans` };
}
