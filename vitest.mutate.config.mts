// The tests StrykerJS runs against each mutant of provider/engine and provider/hooks (npm run mutate):
// the fast ones that exercise them. End-to-end tests drive the Pulumi CLI over the package installed
// in node_modules, which a mutant in Stryker's sandbox never reaches; the unit tests left out below
// load that installed package too. The endpoint's own tests (test/emulator) do not run the engine.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    exclude: [
      "test/unit/examples.test.ts",
      "test/unit/provider-load.test.ts",
      "test/unit/provider-serialization.test.ts",
      "test/unit/secret-outputs.test.ts",
      "**/node_modules/**",
    ],
    reporters: ["default"],
    // The base setup wires the hook modules into the engine, as the provider's runtime entry does.
    setupFiles: [...(base.test?.setupFiles as string[]), "test/mutation/fast-polling.ts"],
    // One module graph for all the files a mutant reruns: the SDKs and the engine load once, not per
    // file. Each file starts its own endpoint and sets the engine's endpoint in its beforeAll.
    isolate: false,
  },
});
