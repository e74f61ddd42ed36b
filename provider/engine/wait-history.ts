import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * How long each kind of wait took before, per machine. Services have a characteristic time for each
 * transition (a fleet starts in minutes, a stack at once), and knowing it lets the waiter poll
 * sparsely while the transition cannot be done yet and densely when it is due.
 */
export interface WaitHistory {
  expectedMs(key: string): number | undefined;
  record(key: string, ms: number): void;
}

export function historyFile(): string | undefined {
  const setting = process.env.PULUMI_AWS_EUC_WAIT_HISTORY;
  if (setting === "off") return undefined;
  if (setting) return setting;
  const cache =
    process.env.PULUMI_AWS_EUC_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-aws-euc");
  return path.join(cache, "wait-history.json");
}

export class FileWaitHistory implements WaitHistory {
  private entries: Record<string, number> | undefined;
  constructor(private readonly file: string | undefined) {}

  private load(): Record<string, number> {
    if (!this.entries) {
      try {
        this.entries = this.file ? (JSON.parse(fs.readFileSync(this.file, "utf8")) as Record<string, number>) : {};
      } catch {
        this.entries = {};
      }
    }
    return this.entries;
  }

  expectedMs(key: string): number | undefined {
    return this.load()[key];
  }

  record(key: string, ms: number): void {
    const entries = this.load();
    const previous = entries[key];
    // Follow a faster transition at once, a slower one halfway: a late poll costs more than an early one.
    entries[key] = Math.round(previous === undefined ? ms : Math.min(ms, (previous + ms) / 2));
    // Stryker disable next-line ConditionalExpression: equivalent, without a file path.dirname(undefined) throws before anything is written, and the catch below swallows it
    if (!this.file) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify(entries));
      fs.renameSync(temporary, this.file);
    } catch {
      // Only a hint: a read-only home must not fail a deployment.
    }
  }
}

let shared: WaitHistory | undefined;

export function defaultWaitHistory(): WaitHistory {
  shared ??= new FileWaitHistory(historyFile());
  return shared;
}

/** Benchmarks start each series from a history of their own. */
export function useWaitHistory(history: WaitHistory): void {
  shared = history;
}
