// The generic engine never imports a resource type's code, and its modules form no import cycle:
// with a cycle, what a module finds of another depends on which one was loaded first.
import * as path from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

async function graphOf(dir: string): Promise<madge.MadgeInstance> {
  // Type-only imports are erased from the compiled code, so they cannot make a load-order cycle.
  const detectiveOptions = { ts: { skipTypeImports: true }, es6: { skipTypeImports: true } };
  return madge(path.join(root, dir), {
    fileExtensions: ["ts"],
    tsConfig: path.join(root, "tsconfig.json"),
    baseDir: root,
    detectiveOptions,
  });
}

describe("provider/engine", () => {
  it("imports nothing from provider/hooks (hooks are wired in from outside)", async () => {
    const graph = (await graphOf("provider/engine")).obj();
    const intoHooks = Object.entries(graph).flatMap(([file, imports]) =>
      imports.filter((i) => i.startsWith("provider/hooks/")).map((i) => `${file} -> ${i}`),
    );
    expect(Object.keys(graph).length).toBeGreaterThan(10);
    expect(intoHooks).toEqual([]);
  });

  it("has no import cycle among its modules, nor through the hooks", async () => {
    expect((await graphOf("provider/engine")).circular()).toEqual([]);
    expect((await graphOf("provider")).circular()).toEqual([]);
  });
});
