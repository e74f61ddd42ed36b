import type Ajv from "ajv";

let instance: Ajv | undefined;

/**
 * One validator for schema files and resource inputs; x-* annotations are this project's own
 * keywords. Made on first use: a refresh validates nothing and need not load it.
 */
export function ajv(): Ajv {
  if (!instance) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const AjvClass = (require("ajv") as typeof import("ajv")).default;
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
    instance = new AjvClass({ allErrors: true, strict: false, verbose: true });
    addFormats(instance);
  }
  return instance;
}
