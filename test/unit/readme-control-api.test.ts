// Users drive the local endpoint's control API from the README alone: every route the endpoint
// serves, its own and each service's, has a row in the README's table, and no row names a route
// that does not exist.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allServices as services } from "../../emulator/services";

const root = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const controlSource = fs.readFileSync(path.join(root, "emulator/core/control.ts"), "utf8");

/** The routes as "METHOD path": the endpoint's own (its switch), resources/<kind>/<id>, and the services'. */
function servedRoutes(): string[] {
  const own = [...controlSource.matchAll(/case "(GET|POST|DELETE) ([a-z/-]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  const serviceRoutes = services.flatMap((s) => Object.keys(s.controls ?? {}).map((name) => `POST ${name}`));
  return [...own, "DELETE resources/<kind>/<id>", ...serviceRoutes];
}

/** The routes the README's control API table documents, from its first column. */
function documentedRoutes(): string[] {
  const rows = readme.split("\n").filter((line) => /^\| `(GET|POST|DELETE) /.test(line));
  return rows.flatMap((row) => {
    const firstCell = row.split(" | ")[0];
    return [...firstCell.matchAll(/`(GET|POST|DELETE) ([a-z/<>-]+)[^`]*`/g)].map((m) => `${m[1]} ${m[2]}`);
  });
}

describe("the README's control API table", () => {
  it("documents every route the endpoint serves, and only those", () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(15);
    expect(new Set(documentedRoutes())).toEqual(new Set(served));
  });
});
