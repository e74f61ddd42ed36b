import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { World } from "./types";

/** Reads a state file; undefined when it does not exist yet (a fresh world is then seeded). */
export function loadWorld(file: string): World | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<World>;
  return {
    resources: parsed.resources ?? {},
    clientTokens: parsed.clientTokens ?? {},
    pageTokens: parsed.pageTokens ?? {},
    sequence: parsed.sequence ?? 0,
  };
}

/**
 * Write-then-rename, so a process killed mid-write (the tests SIGKILL clients and emulators alike)
 * leaves either the previous state or the new one, never a torn file.
 */
export function saveWorld(file: string, world: World): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(world));
  renameSync(temp, file);
}
