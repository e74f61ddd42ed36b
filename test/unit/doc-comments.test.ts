// What users read in their editor (the generated classes' doc comments, from the schemas'
// descriptions) speaks of the services and their documentation, never of documents users lack.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

describe("documentation users see", () => {
  it.each([
    ["generated classes", filesUnder("provider/resources", ".ts")],
    ["schemas", filesUnder("schema", ".yaml")],
    ["hooks", filesUnder("provider/hooks", ".ts")],
  ])("%s cite no internal seed documents", (_what, files) => {
    expect(files.length).toBeGreaterThan(0);
    const citing = files.filter((f) => /\bseeds?\s+\d{3}\b/i.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(citing).toEqual([]);
  });
});
