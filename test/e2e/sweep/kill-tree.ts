// SIGKILL a detached process's whole session: the Pulumi CLI started with its own session (spawn's
// `detached`) and every process it starts. The CLI puts its language host and provider plugins in
// process groups of their own, so killing the CLI's group leaves them running, and a provider left
// running would go on with the interrupted operation (stop a fleet, then update and start it) after
// the "crash". They stay in the CLI's session. Linux: read from /proc.
import * as fs from "node:fs";

function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the parenthesised command name: state, ppid, pgrp, session, ...
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

function inSession(session: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const fields = statFields(pid);
      // A zombie ("Z") is already dead; it only waits for its parent.
      return fields !== undefined && Number(fields[3]) === session && fields[0] !== "Z";
    });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * Kills every process of the session `leader` started (spawned with `detached: true`): stops them all
 * first, until no new one appears, so none can start another in between, then kills them.
 */
export function killSession(leader: number): void {
  const stopped = new Set<number>();
  for (;;) {
    const fresh = inSession(leader).filter((pid) => !stopped.has(pid));
    if (fresh.length === 0) break;
    for (const pid of fresh) {
      signal(pid, "SIGSTOP");
      stopped.add(pid);
    }
  }
  for (const pid of stopped) signal(pid, "SIGKILL");
}

/** Live processes left in the session: none may outlive a kill. */
export function survivorsOf(leader: number): number[] {
  return inSession(leader);
}
