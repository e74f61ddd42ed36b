// A vitest pool for the mutation runs whose child process outlives a vitest run. StrykerJS calls
// vitest once per mutant, and vitest's own forks pool ends its child with each call, so every mutant
// paid for a new Node process that loads the AWS SDKs, Pulumi's runtime and the engine again before
// its first test. Here the child stays: between runs it drops the modules of this repository (the
// engine, the hooks, the endpoint, the tests) so each mutant still evaluates them afresh, and keeps
// only what comes from node_modules, which no mutant changes (kept-fork-worker.mjs). A child that a
// run left with open timers or sockets, or grown large, says so and is replaced.
import { fork, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { Plugin } from "vitest/config";
import type { PoolOptions, PoolWorker, TestProject, Vitest, WorkerRequest } from "vitest/node";

const name = "kept-forks";
// Stryker's runner asks vitest for one worker, so one child is idle between two runs.
const idle: ChildProcess[] = [];
const retiring = new WeakSet<ChildProcess>();
const SIGKILL_AFTER_MS = 500;

type Listener = (arg: unknown) => void;

class KeptForkWorker implements PoolWorker {
  readonly name = name;
  readonly cacheFs = true;
  private child: ChildProcess | undefined;
  private readonly listeners: Array<[string, Listener]> = [];

  constructor(private readonly options: PoolOptions) {}

  private get running(): ChildProcess {
    if (!this.child) throw new Error("kept-forks: the child process is not started");
    return this.child;
  }

  on(event: string, callback: Listener): void {
    this.listeners.push([event, callback]);
    this.running.on(event, callback);
  }

  off(event: string, callback: Listener): void {
    const index = this.listeners.findIndex(([e, c]) => e === event && c === callback);
    if (index !== -1) this.listeners.splice(index, 1);
    this.running.off(event, callback);
  }

  send(message: WorkerRequest): void {
    this.running.send(message);
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  private spawn(): ChildProcess {
    const child = fork(path.join(this.options.project.config.root, "test/mutation/kept-fork-worker.mjs"), [], {
      env: this.options.env,
      execArgv: this.options.execArgv,
      stdio: "pipe",
      serialization: "advanced",
    });
    child.on("message", (message: { keptForkRetires?: boolean } | undefined) => {
      if (message?.keptForkRetires) retiring.add(child);
    });
    return child;
  }

  async start(): Promise<void> {
    let child = idle.pop();
    while (child && !alive(child)) child = idle.pop();
    this.child = child ?? this.spawn();
    holdOpen(this.child, true);
    const logger = this.options.project.vitest.logger;
    this.child.stdout?.pipe(logger.outputStream, { end: false });
    this.child.stderr?.pipe(logger.errorStream, { end: false });
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    const child = this.running;
    // vitest stops a runner after its "stopped" answer and relies on the exit to drop the
    // listeners it added; a kept child must lose them here or the next run's runner gets both.
    for (const [event, callback] of this.listeners.splice(0)) child.off(event, callback);
    const logger = this.options.project.vitest.logger;
    child.stdout?.unpipe(logger.outputStream);
    child.stderr?.unpipe(logger.errorStream);
    this.child = undefined;
    if (alive(child) && !retiring.has(child)) {
      // An idle child must not keep vitest's process alive once it closes; it exits when its
      // parent does (its IPC channel closes).
      holdOpen(child, false);
      idle.push(child);
      return;
    }
    await endChild(child);
  }
}

/** Whether `child` (its process, IPC channel and output pipes) keeps this process running. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  const handles = [child, child.channel, child.stdout, child.stderr] as Array<
    { ref?(): void; unref?(): void } | null | undefined
  >;
  for (const handle of handles) {
    if (hold) handle?.ref?.();
    else handle?.unref?.();
  }
}

/** Whether `child` runs and still listens to this process. */
function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

async function endChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = setTimeout(() => child.kill("SIGKILL"), SIGKILL_AFTER_MS);
  child.kill();
  await exited;
  clearTimeout(kill);
}

/**
 * Runs the project's test files in the kept-forks pool. A plugin rather than the `pool` option:
 * Stryker's runner sets `pool` itself when it creates vitest, and this hook runs after that.
 */
export function keptForks(): Plugin {
  return {
    name,
    configureVitest({ project, vitest }: { project: TestProject; vitest: Vitest }) {
      const poolRunner = { name, createPoolWorker: (options: PoolOptions) => new KeptForkWorker(options) };
      for (const config of [project.config, vitest.config]) {
        config.pool = name;
        config.poolRunner = poolRunner;
      }
      vitest.onClose(async () => {
        await Promise.all(idle.splice(0).map(endChild));
      });
    },
  };
}
