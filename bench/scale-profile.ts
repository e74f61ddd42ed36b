// Where the time of a preview and a refresh at scale goes: CPU seconds of each process of the run
// (Pulumi's engine, the language host, the program, the dynamic-provider plugin, and this process,
// which hosts the endpoint), for AppStream stacks and for the no-op floor, back to back. With
// PROFILE_DIR set, the program and the provider also write V8 CPU profiles there (Chrome DevTools or
// `bench/profile-summary.ts` read them).
//   node -r ts-node/register/transpile-only bench/scale-profile.ts 1000
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { programStack, type ProgramStack } from "../test/helpers/pulumi-stack";
import { setUp } from "./scale";

const ticksPerSecond = 100;

function roleOf(cmdline: string): string {
  if (cmdline.includes("dynamic-provider")) return "provider";
  if (cmdline.includes("cmd/run")) return "program";
  if (cmdline.includes("pulumi-language-nodejs")) return "language host";
  if (/(^|\/)pulumi\0/.test(cmdline)) return "engine";
  return "other";
}

/** CPU ticks so far of each descendant of this process, by pid, with its role. */
function sample(seen: Map<number, { role: string; ticks: number; hwmKiB: number }>): void {
  const parents = new Map<number, number>();
  const stats = new Map<number, string>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      stats.set(Number(entry), stat);
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  for (const [pid, stat] of stats) {
    if (!isDescendant(pid)) continue;
    try {
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const known = seen.get(pid);
      // A plugin's shell shim forks before it execs node: the role can change, so it is read each time.
      const role = roleOf(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      seen.set(pid, {
        role: role === "other" ? (known?.role ?? role) : role,
        ticks: Math.max(known?.ticks ?? 0, ticks),
        hwmKiB: Math.max(known?.hwmKiB ?? 0, hwm ? Number(hwm[1]) : 0),
      });
    } catch {
      // Gone.
    }
  }
}

async function measured(label: string, work: () => Promise<unknown>): Promise<Record<string, string | number>> {
  const seen = new Map<number, { role: string; ticks: number; hwmKiB: number }>();
  const timer = setInterval(() => sample(seen), 100);
  const cpu0 = process.cpuUsage();
  const started = Date.now();
  await work();
  const wall = (Date.now() - started) / 1000;
  clearInterval(timer);
  const own = process.cpuUsage(cpu0);
  const byRole: Record<string, number> = {};
  let providerPeak = 0;
  for (const { role, ticks, hwmKiB } of seen.values()) {
    byRole[role] = (byRole[role] ?? 0) + ticks / ticksPerSecond;
    if (role === "provider") providerPeak = Math.max(providerPeak, hwmKiB);
  }
  return {
    run: label,
    wall,
    load: os.loadavg()[0].toFixed(1),
    engine: round(byRole.engine ?? 0),
    languageHost: round(byRole["language host"] ?? 0),
    program: round(byRole.program ?? 0),
    provider: round(byRole.provider ?? 0),
    other: round(byRole.other ?? 0),
    benchProcess: round((own.user + own.system) / 1e6),
    providerPeakMiB: Math.round(providerPeak / 1024),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * A preload (NODE_OPTIONS=--require) that CPU-profiles the Pulumi program and the dynamic-provider
 * process, writing the profile when the process exits or is told to stop: the engine ends its
 * plugins with a signal, so Node's --cpu-prof, which writes on a normal exit, writes nothing.
 */
const profilePreload = `const argv = process.argv.join(" ");
const role = argv.includes("dynamic-provider") ? "provider" : argv.includes("cmd/run") ? "program" : undefined;
if (role && process.env.PROFILE_DIR) {
  const inspector = require("node:inspector");
  const fs = require("node:fs");
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  let done = false;
  const dump = () => {
    if (done) return;
    done = true;
    session.post("Profiler.stop", (err, result) => {
      if (!err)
        fs.writeFileSync(
          \`\${process.env.PROFILE_DIR}/\${role}-\${process.pid}.cpuprofile\`,
          JSON.stringify(result.profile),
        );
    });
  };
  process.on("exit", dump);
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      dump();
      process.exit(0);
    });
}
`;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const repetitions = Number(process.argv[3] ?? 1);
  const profileDir = process.env.PROFILE_DIR;
  const emulator = await startEmulator({ port: 0, transitionMs: 0 });
  const stacks: Array<[string, ProgramStack]> = [];
  try {
    stacks.push([
      "ours",
      await programStack("bench/programs/scale", {
        "aws-euc:endpoint": emulator.url,
        "aws:region": "us-west-2",
        count: String(n),
      }),
    ]);
    stacks.push(["floor", await programStack("bench/programs/noop-scale", { count: String(n) })]);
    for (const [label, s] of stacks) {
      const started = Date.now();
      await setUp(s);
      console.log(`up ${label}: ${(Date.now() - started) / 1000} s`);
      if (profileDir) {
        fs.mkdirSync(path.join(profileDir, label), { recursive: true });
        // The Automation API passes the workspace's envVars to every CLI run it starts.
        const env = (s.stack.workspace as unknown as { envVars: Record<string, string> }).envVars;
        const preload = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "euc-profile-")), "preload.js");
        fs.writeFileSync(preload, profilePreload);
        env.NODE_OPTIONS = `--require ${preload}`;
        env.PROFILE_DIR = path.resolve(profileDir, label);
      }
    }
    const rows = [];
    for (let run = 0; run < repetitions; run++) {
      for (const [label, s] of stacks) rows.push(await measured(`preview ${label}`, () => s.stack.preview()));
      for (const [label, s] of stacks) rows.push(await measured(`refresh ${label}`, () => s.stack.refresh()));
      console.table(rows);
    }
  } finally {
    for (const [, s] of stacks) await s.cleanup();
    await emulator.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
