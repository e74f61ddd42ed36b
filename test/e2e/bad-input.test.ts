// The invalid-input corpus through a real `pulumi preview`: rejected before anything is sent, with
// an error that names the property and the rule. Every case is checked against the provider's own
// check in test/unit/bad-inputs*.test.ts, in the form Pulumi receives it; a preview costs seconds of
// CPU (the CLI, the program and the provider plugin each start), so the real CLI previews a sample
// that reaches every resource type and both ways a failure is reported: on a top-level input, and on
// a nested one through its top-level input with the full path in the reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { badInputs as coreBadInputs, type BadInput } from "../corpus/bad-inputs";
import { appstreamUserBadInputs } from "../corpus/bad-inputs-appstream-users";
import { elasticBadInputs } from "../corpus/bad-inputs-elastic";
import { programStack, type ProgramStack } from "../helpers/pulumi-stack";

const workers = 3;
const corpus = [...coreBadInputs, ...appstreamUserBadInputs, ...elasticBadInputs];
const nested = (c: BadInput) => /[.[]/.test(c.property);
/** Per resource type, its first case on a top-level input and its first on a nested one. */
const badInputs = corpus.filter(
  (c, i) => corpus.findIndex((other) => other.type === c.type && nested(other) === nested(c)) === i,
);
let emulator: RunningEmulator;
let stacks: ProgramStack[] = [];
const outcomes = new Map<string, { failed: boolean; errors: string[] }>();

async function preview(program: ProgramStack, c: BadInput): Promise<void> {
  await program.stack.setConfig("case", { value: JSON.stringify({ type: c.type, args: c.args }) });
  const events: EngineEvent[] = [];
  const failed = await program.stack.preview({ onEvent: (e) => events.push(e) }).then(
    () => false,
    () => true,
  );
  const errors = events
    .filter((e) => e.diagnosticEvent?.severity === "error")
    .map((e) => e.diagnosticEvent?.message ?? "");
  outcomes.set(c.name, { failed, errors });
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, transitionMs: 0 });
  const config = { "aws-euc:endpoint": emulator.url, "aws:region": "us-west-2" };
  stacks = await Promise.all(
    Array.from({ length: workers }, () => programStack("test/e2e/programs/bad-input", config)),
  );
  const queue = [...badInputs];
  await Promise.all(
    stacks.map(async (program) => {
      for (let c = queue.shift(); c; c = queue.shift()) await preview(program, c);
    }),
  );
}, badInputs.length * 15_000); // a preview per case, three at a time, on a busy machine
afterAll(async () => {
  await Promise.all(stacks.map((s) => s.cleanup()));
  await emulator?.close();
});

describe(`${badInputs.length} invalid programs, each previewed with the real CLI`, () => {
  it("samples every resource type of the corpus", () => {
    expect(new Set(badInputs.map((c) => c.type))).toEqual(new Set(corpus.map((c) => c.type)));
    expect(badInputs.some(nested)).toBe(true);
  });

  it("sends not one mutating call to the service", async () => {
    const calls = await emulator.control.calls();
    expect(calls.log.filter((entry) => entry.mutating)).toEqual([]);
  });

  it.each(badInputs.map((c) => [c.name, c] as const))(
    "rejects %s at preview, naming the property and the rule",
    (_name, c) => {
      const outcome = outcomes.get(c.name);
      expect(outcome?.failed).toBe(true);
      const message = (outcome?.errors ?? []).join("\n");
      expect(message).toContain(c.property);
      expect(message).toMatch(c.rule);
    },
  );
});
