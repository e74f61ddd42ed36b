import Ajv from "ajv";
import addFormats from "ajv-formats";

/** One validator for schema files and resource inputs; x-* annotations are this project's own keywords. */
export const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
