// What loading a type refuses, in a sentence naming the type and what to fix: hooks named before any
// hook module is wired in (provider/wiring.ts), a hook module nobody registered, and a type spelled
// otherwise than the one its schema file declares.
import { afterEach, describe, expect, it } from "vitest";
import { loadHooks, useHooks, type Hooks } from "../../provider/engine/hooks";
import { loadSchema, loadSchemaFile, schemaFile } from "../../provider/engine/schema-loader";
import { wireHooks } from "../../provider/wiring";

// The test setup wires the hooks in, as the provider's entry does; a test that unwires them puts them back.
afterEach(() => wireHooks());

/** The engine as it is in a process where provider/wiring.ts has not run. */
function unwired(): void {
  useHooks(undefined as unknown as Record<string, Hooks>);
}

describe("a type whose schema names hooks", () => {
  it("cannot be loaded before hook modules are wired in", () => {
    unwired();
    expect(() => loadHooks(loadSchema("nimble:StreamingSession"))).toThrow(
      'nimble:StreamingSession names hooks "nimble-streaming-session", but no hook modules are wired in (provider/wiring.ts does it)',
    );
  });

  it("cannot be validated before hook modules are wired in", () => {
    unwired();
    const file = schemaFile("nimble:StreamingSession");
    expect(() => loadSchemaFile(file)).toThrow(
      `invalid resource schema ${file}: /hooks cannot be checked: no hook modules are wired in (provider/wiring.ts)`,
    );
  });

  it("cannot name a hook module that is not registered", () => {
    const schema = { ...loadSchema("nimble:StreamingSession"), hooks: "nimble-streaming-sessions" };
    expect(() => loadHooks(schema)).toThrow(
      'nimble:StreamingSession: hooks "nimble-streaming-sessions" is not a registered hook module',
    );
  });

  it("loads once wired in", () => {
    expect(loadHooks(loadSchema("nimble:StreamingSession"))).toBeTypeOf("object");
  });
});

describe("a type spelled otherwise than its schema file declares", () => {
  it("is refused, naming the file, the declared type and the one asked for", () => {
    expect(() => loadSchema("appstream:user")).toThrow(
      `${schemaFile("appstream:User")} declares type appstream:User, expected appstream:user`,
    );
  });
});
