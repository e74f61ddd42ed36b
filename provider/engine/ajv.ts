import type Ajv from "ajv";
import { propertyAnnotations } from "./meta-schema";

let instance: Ajv | undefined;

/**
 * One validator for schema files and resource inputs, in ajv's strict mode: a keyword it does not
 * know (a misspelled `x-updatable`, `minLenght`) is an error rather than silently ignored. The x-*
 * annotations are this project's own keywords, declared as such. Made on first use: a refresh
 * validates nothing and need not load it.
 */
export function ajv(): Ajv {
  // Stryker disable next-line ConditionalExpression: equivalent, a second instance is configured identically
  if (!instance) {
    // Required lazily (see above); `import type` alone keeps the module out of a refresh.
    const AjvClass = (require("ajv") as typeof import("ajv")).default;
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    // strictTypes and strictRequired stay off: an if/then rule constrains and requires properties
    // whose types are declared once, in `properties`, not again inside the `if` or `then` part,
    // which is how JSON Schema composes such rules. Unknown keywords and formats stay errors.
    instance = new AjvClass({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      verbose: true,
    });
    instance.addVocabulary(Object.keys(propertyAnnotations));
    addFormats(instance);
  }
  return instance;
}
