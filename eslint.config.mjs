// The repository's lint rules: typescript-eslint's type-aware recommended set over every
// TypeScript and JavaScript file, and no import cycles. Formatting is Prettier's (.prettierrc.json).
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "models/",
      "coverage/",
      ".pulumi-local/",
      ".stryker-tmp/",
      "test/e2e/.work-*/",
      "bench/programs/*/node_modules/",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: "./tsconfig.eslint.json", tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.eslint.json" })],
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A module that imports itself back through others depends on load order.
      "import-x/no-cycle": "error",
      // A rest sibling leaves a member out on purpose; `_` names a value that is only counted.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, varsIgnorePattern: "^_" }],
      // Providers, hooks and test doubles implement async interfaces; a body with nothing to await is no mistake.
      "@typescript-eslint/require-await": "off",
      // `import x = require()` keeps a module object's identity, which Pulumi's provider serialization relies on (resource-base.ts).
      // The rest are modules loaded on first use, so a process that never needs them does not pay for
      // them: the AWS SDKs, ajv, and the provider's engine (a `pulumi preview` of declared resources).
      "@typescript-eslint/no-require-imports": [
        "error",
        { allowAsImport: true, allow: ["^@aws-sdk/", "^ajv(-formats)?$", "^\\./engine/runtime$", "^\\./wiring$"] },
      ],
    },
  },
  {
    // The generic engine never imports a resource type's hooks: the provider's entry wires them in.
    files: ["provider/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../hooks", "../hooks/*", "../wiring"], message: "provider/engine must not import hooks." },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.test.ts"],
    rules: {
      // Vitest types its asymmetric matchers (expect.any, expect.stringMatching) as any, by design.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // JavaScript files carry no types for the type-aware rules to check, and Vite, not the project's
    // module resolution, resolves the imports of its .mts config files.
    files: ["**/*.mjs", "**/*.js", "*.mts"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
