import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end files drive the real Pulumi CLI and set their own, longer timeouts.
    testTimeout: 20_000,
    hookTimeout: 240_000,
    pool: "forks",
    // The JSON report lets .ci/run print the plain "N passed, N failed" line CI reads.
    reporters: ["default", ["json", { outputFile: ".pulumi-local/test-results.json" }]],
  },
});
