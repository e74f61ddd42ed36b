// The tests StrykerJS runs against each mutant of provider/engine and provider/hooks (npm run mutate):
// the fast ones that exercise them. End-to-end tests drive the Pulumi CLI over the package installed
// in node_modules, which a mutant in Stryker's sandbox never reaches; the unit tests left out below
// load that installed package too. The endpoint's own tests (test/emulator) do not run the engine.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";
import QuickFirstSequencer from "./test/mutation/quick-first-sequencer";
import { keptForks } from "./test/mutation/kept-fork-pool";

export default defineConfig({
  ...base,
  // One child process for all of a Stryker worker's mutants instead of one per mutant.
  plugins: [keptForks()],
  test: {
    ...base.test,
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    exclude: [
      "test/unit/examples.test.ts",
      // npm pack and the package linters over the built package: no engine code runs.
      "test/unit/package.test.ts",
      // Starts vitest itself over a fixture to check this config's pool; no engine code runs.
      "test/unit/kept-fork-pool.test.ts",
      "test/unit/provider-load.test.ts",
      "test/unit/provider-serialization.test.ts",
      "test/unit/secret-outputs.test.ts",
      // Replaces provider/engine/calls with vi.mock, which one shared module graph (isolate: false)
      // cannot honour once another file loaded the real module; it tests provider/functions, which
      // is not mutated, over that stand-in.
      "test/unit/functions-preview.test.ts",
      "**/node_modules/**",
    ],
    reporters: ["default"],
    // The hook wiring of the default config, then the mutation runs' own polling pace.
    setupFiles: ["test/setup/wire-hooks.ts", "test/mutation/fast-polling.ts"],
    // One module graph for all the files a mutant reruns: the SDKs and the engine load once, not per
    // file. Each file starts its own endpoint and sets the engine's endpoint in its beforeAll.
    isolate: false,
    // A test here takes well under a second (the endpoint answers at once and is polled every 20 ms);
    // one still running after 15 s is stuck in a loop or a wait a mutant made endless, and failing it
    // then settles the mutant sooner than Stryker's timeout, which grows with the covering tests' time.
    testTimeout: 15_000,
    hookTimeout: 15_000,
    // A mutant's covering tests stop at the first failure: the quick files go first.
    sequence: { sequencer: QuickFirstSequencer },
  },
});
