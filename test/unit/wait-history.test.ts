// The machine's record of how long each kind of wait took: where it is kept, what it learns from a
// faster or a slower transition, and that it never fails a deployment (unreadable or unwritable).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  defaultWaitHistory,
  FileWaitHistory,
  historyFile,
  useWaitHistory,
  type WaitHistory,
} from "../../provider/engine/wait-history";

const settings = ["PULUMI_AWS_EUC_WAIT_HISTORY", "PULUMI_AWS_EUC_CACHE", "XDG_CACHE_HOME", "HOME"] as const;
const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "euc-wait-history-"));
  for (const name of settings) delete process.env[name];
  process.env.HOME = path.join(dir, "home");
});
afterEach(() => {
  for (const name of settings) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("where the wait history is kept", () => {
  it("under the user's cache directory by default", () => {
    expect(historyFile()).toBe(path.join(dir, "home", ".cache", "pulumi-aws-euc", "wait-history.json"));
  });

  it("under XDG_CACHE_HOME when it is set", () => {
    process.env.XDG_CACHE_HOME = path.join(dir, "xdg");
    expect(historyFile()).toBe(path.join(dir, "xdg", "pulumi-aws-euc", "wait-history.json"));
  });

  it("in the package's cache directory when PULUMI_AWS_EUC_CACHE names one", () => {
    process.env.PULUMI_AWS_EUC_CACHE = path.join(dir, "euc-cache");
    process.env.XDG_CACHE_HOME = path.join(dir, "xdg");
    expect(historyFile()).toBe(path.join(dir, "euc-cache", "wait-history.json"));
  });

  it("in the file PULUMI_AWS_EUC_WAIT_HISTORY names, or nowhere when it says off", () => {
    process.env.PULUMI_AWS_EUC_CACHE = path.join(dir, "euc-cache");
    process.env.PULUMI_AWS_EUC_WAIT_HISTORY = path.join(dir, "mine.json");
    expect(historyFile()).toBe(path.join(dir, "mine.json"));
    process.env.PULUMI_AWS_EUC_WAIT_HISTORY = "off";
    expect(historyFile()).toBeUndefined();
  });
});

describe("what the wait history learns", () => {
  it("keeps what it learned for the next process, per kind of wait", () => {
    const file = path.join(dir, "nested", "wait-history.json");
    const first = new FileWaitHistory(file);
    first.record("appstream:Fleet|STARTING>RUNNING", 90_000);
    first.record("appstream:Stack|>ACTIVE", 400);
    const next = new FileWaitHistory(file);
    expect(next.expectedMs("appstream:Fleet|STARTING>RUNNING")).toBe(90_000);
    expect(next.expectedMs("appstream:Stack|>ACTIVE")).toBe(400);
    expect(next.expectedMs("nimble:Studio|CREATE_IN_PROGRESS>READY")).toBeUndefined();
    // Written whole, through a temporary file that is renamed into place.
    expect(fs.readdirSync(path.dirname(file))).toEqual(["wait-history.json"]);
  });

  it("follows a faster transition at once and a slower one halfway, in whole milliseconds", () => {
    const history = new FileWaitHistory(path.join(dir, "wait-history.json"));
    history.record("k", 10_000);
    history.record("k", 4_000);
    expect(history.expectedMs("k")).toBe(4_000);
    history.record("k", 9_001);
    expect(history.expectedMs("k")).toBe(6_501);
    history.record("k", 6_501);
    expect(history.expectedMs("k")).toBe(6_501);
  });

  it("starts empty from a file that is missing or not JSON, and writes it anew", () => {
    const file = path.join(dir, "wait-history.json");
    expect(new FileWaitHistory(file).expectedMs("k")).toBeUndefined();
    fs.writeFileSync(file, "{ not json");
    const history = new FileWaitHistory(file);
    expect(history.expectedMs("k")).toBeUndefined();
    history.record("k", 1_200);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({ k: 1_200 });
  });

  it("learns in memory when there is no file, or when the file cannot be written", () => {
    const inMemory = new FileWaitHistory(undefined);
    inMemory.record("k", 700);
    expect(inMemory.expectedMs("k")).toBe(700);
    const blocker = path.join(dir, "not-a-directory");
    fs.writeFileSync(blocker, "");
    const unwritable = new FileWaitHistory(path.join(blocker, "wait-history.json"));
    expect(() => unwritable.record("k", 800)).not.toThrow();
    expect(unwritable.expectedMs("k")).toBe(800);
  });
});

describe("the history the engine's waits use", () => {
  it("is the one a benchmark puts in place", () => {
    const before = defaultWaitHistory();
    const mine: WaitHistory = { expectedMs: () => 1, record: () => undefined };
    try {
      useWaitHistory(mine);
      expect(defaultWaitHistory()).toBe(mine);
    } finally {
      useWaitHistory(before);
    }
    expect(defaultWaitHistory()).toBe(before);
  });
});
