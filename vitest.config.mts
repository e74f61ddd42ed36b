import * as os from "node:os";
import * as path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A guard against hangs, not a measure of speed: on a busy 2-core machine a test that loads
    // modules or starts a process can take many times its usual time. End-to-end files drive the
    // real Pulumi CLI and set their own, longer timeouts.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
    // Two files at once even on 2 cores (vitest's default there is one): an end-to-end file keeps
    // about one core busy with the Pulumi CLI's processes and waits in between, so a second file
    // fills the gaps, and on a machine shared with other jobs two files get a larger share of it.
    // Every test waits on conditions and each file has its own endpoint, backend and program copy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // The provider's runtime entry wires the hook modules into the engine; tests that drive the
    // engine directly get the same wiring.
    setupFiles: ["test/setup/wire-hooks.ts"],
    // The endpoint's transitions are short in tests; learning them into the machine's wait history
    // would make the next `npm start` poll a real-length transition as if it were a short one.
    env: {
      PULUMI_AWS_EUC_WAIT_HISTORY: path.resolve(".pulumi-local/test-wait-history.json"),
      // The endpoint checks every response against the official models: a model-invalid response
      // or an error an operation does not model fails the test that caused it (emulator/README.md).
      PULUMI_AWS_EUC_CHECK_RESPONSES: "1",
    },
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    reporters: ["default", ["json", { outputFile: ".pulumi-local/test-results.json" }]],
  },
});
