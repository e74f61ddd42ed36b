// The child process of the kept-forks pool (kept-fork-pool.ts): vitest's own forks worker, except
// that a vitest run's "stop" leaves it listening for the next run, and that the next run starts
// from this repository's modules unevaluated, as in a new process. What node_modules provides stays
// loaded: that is the time saved. Stryker's namespace goes too, so no mutant is active while the
// next run's modules load (in a new process it would not exist yet).
//
// A run can leave things behind that forgetting modules does not end: a mutant that makes a wait
// endless keeps its timer or socket after vitest gave up on the test, and memory grows over hundreds
// of runs. Such a child retires: before its "stopped" answer it tells the pool not to keep it.
import { init, runBaseTests, setupEnvironment } from "vitest/worker";

if (!process.send) throw new Error("kept-fork-worker: expected to run as a child process with IPC");
const send = process.send.bind(process);
const exit = process.exit.bind(process);
// vitest's message handler is the first listener; the ones added later belong to one run's RPC.
const listeners = [];
let modules;
let runStarted = false;
// What the first run left open (vitest's own pipes and timer); a later run leaving more retires.
let baselineResources;
const RETIRE_ABOVE_RSS_BYTES = 1024 * 1024 * 1024;

function openResources() {
  const counts = new Map();
  for (const resource of process.getActiveResourcesInfo()) counts.set(resource, (counts.get(resource) ?? 0) + 1);
  return counts;
}

function shouldRetire() {
  const resources = openResources();
  baselineResources ??= resources;
  const leftOpen = [...resources].some(([resource, count]) => count > (baselineResources.get(resource) ?? 0));
  return leftOpen || process.memoryUsage().rss > RETIRE_ABOVE_RSS_BYTES;
}

process.on("disconnect", () => exit(0));

/** Forgets every module of this repository, as vitest's resetModules does for all but its own. */
function forgetRepositoryModules(evaluated) {
  evaluated.idToModuleMap.forEach((node, id) => {
    if (/[\\/]node_modules[\\/]/.test(id) || id.startsWith("mock:")) return;
    node.promise = undefined;
    node.exports = undefined;
    node.evaluated = false;
    node.importers.clear();
  });
}

async function runTests(method, state, traces) {
  if (!runStarted) {
    runStarted = true;
    if (modules) forgetRepositoryModules(modules);
    const namespace = state.ctx.providedContext?.globalNamespace ?? "__stryker__";
    delete globalThis[namespace];
  }
  try {
    await runBaseTests(method, state, traces);
  } finally {
    modules = state.evaluatedModules;
    process.exit = exit;
  }
}

init({
  post: (message) => {
    if (message?.type === "stopped" && shouldRetire()) send({ keptForkRetires: true });
    send(message);
  },
  on: (callback) => {
    listeners.push(callback);
    process.on("message", callback);
  },
  off: (callback) => {
    const index = listeners.indexOf(callback);
    if (index !== -1) listeners.splice(index, 1);
    process.off("message", callback);
  },
  teardown: () => {
    // The run's RPC goes; vitest's own handler stays for the next run's "start".
    for (const callback of listeners.splice(1)) process.off("message", callback);
    runStarted = false;
  },
  runTests: (state, traces) => runTests("run", state, traces),
  collectTests: (state, traces) => runTests("collect", state, traces),
  setup: setupEnvironment,
});
