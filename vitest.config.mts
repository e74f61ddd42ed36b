import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end files drive the real Pulumi CLI and set their own, longer timeouts.
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
