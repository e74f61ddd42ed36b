// A mistake in a schema file fails the build, naming the file and the place (a JSON pointer),
// instead of being ignored and changing what the provider does (a misspelled x-updatable would
// send no update call and show the same diff on every run).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allSchemaTypes, loadSchemaFile, schemaDirectory, schemaFile } from "../../provider/engine/schema-loader";

/** A copy of a shipped schema file with one edit, in a file of its own. */
function editedCopy(type: string, from: string | RegExp, to: string): string {
  const original = fs.readFileSync(schemaFile(type), "utf8");
  const edited = original.replace(from, to);
  expect(edited, "the edit applies").not.toBe(original);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "strict-schema-")), path.basename(schemaFile(type)));
  fs.writeFileSync(file, edited);
  return file;
}

function failureOf(file: string): string {
  try {
    loadSchemaFile(file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe("a schema file", () => {
  it("with a misspelled annotation is rejected, naming the file and the key", () => {
    const file = editedCopy(
      "appstream:Stack",
      "      maxLength: 100\n      x-updatable: true",
      "      maxLength: 100\n      x-updateable: true",
    );
    expect(failureOf(file)).toBe(
      `invalid resource schema ${file}: /inputs/properties/displayName/x-updateable is not a known key`,
    );
  });

  it("with a misspelled JSON Schema keyword at any depth is rejected", () => {
    const file = editedCopy(
      "appstream:Stack",
      "permission: { type: string, enum:",
      "permission: { type: string, enums:",
    );
    expect(failureOf(file)).toContain(
      "/inputs/properties/userSettings/items/properties/permission/enums is not a known key",
    );
  });

  it("naming a hook module that is not registered is rejected", () => {
    const file = editedCopy("nimble:StreamingSession", "hooks: nimble-streaming-session", "hooks: no-such-hook");
    expect(failureOf(file)).toMatch(
      new RegExp(
        `^invalid resource schema ${file}: /hooks no-such-hook is not a registered hook module; known: [a-z-]+(, [a-z-]+)*$`,
      ),
    );
  });

  it("naming a wire member the service model does not have is rejected", () => {
    const file = editedCopy("appstream:Stack", "x-wireName: RedirectURL", "x-wireName: RedirectUrl");
    const failure = failureOf(file);
    expect(failure).toContain(`invalid resource schema ${file}: `);
    expect(failure).toContain(
      "/inputs/properties/redirectUrl CreateStack's request has no member RedirectUrl (for redirectUrl)",
    );
    expect(failure).toContain(
      "/inputs/properties/redirectUrl UpdateStack's request has no member RedirectUrl (for redirectUrl)",
    );
  });

  it("naming a request member, an operation or a state the model does not have is rejected", () => {
    expect(
      failureOf(
        editedCopy(
          "appstream:Stack",
          'params: { Name: "{name}" }, inputs: changed',
          'params: { StackName: "{name}" }, inputs: changed',
        ),
      ),
    ).toContain("/operations/update/params/StackName UpdateStack's request has no member StackName in the model");
    expect(failureOf(editedCopy("appstream:Stack", "operation: DeleteStack,", "operation: RemoveStack,"))).toContain(
      "/operations/delete/operation operation RemoveStack is not in the appstream model",
    );
    expect(failureOf(editedCopy("nimble:StreamingSession", "target: [DELETED]", "target: [GONE]"))).toContain(
      "/lifecycle/delete/target/0 GONE is not a value of state in the model",
    );
    expect(
      failureOf(
        editedCopy("appstream:Stack", "items: Stacks, nextToken: NextToken", "items: StackList, nextToken: NextToken"),
      ),
    ).toContain("/operations/list/items DescribeStacks's response has no StackList");
  });

  it("as shipped, every one passes", () => {
    const root = schemaDirectory();
    const files = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    expect(allSchemaTypes()).toHaveLength(files.length);
  });
});
