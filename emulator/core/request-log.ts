// The request parameters of a call, as the call log keeps them: named as the service's API names
// them (its model's member names, whichever of path, query string, header or body carried them),
// with every value the model marks `sensitive` (passwords, activation codes, names and tags where
// the service treats them so) replaced by a keyed fingerprint. Tests compare a fingerprint with
// `redacted(value)` to assert exactly what was sent, while no secret is ever written to a log.
import { createHmac, randomBytes } from "node:crypto";
import { inputOf, SERVICE_NAMES, serviceModel, type ServiceModel, type ServiceName } from "../model";
import { stableStringify } from "./helpers";
import type { OperationRequest, ServiceModule } from "./types";

// Per process: a fingerprint printed in a test report cannot be matched against guesses later.
const fingerprintKey = randomBytes(32);

/** What the call log shows in place of a sensitive value that was sent. */
export function redacted(value: unknown): string {
  return `<sensitive ${createHmac("sha256", fingerprintKey).update(stableStringify(value)).digest("hex").slice(0, 16)}>`;
}

/**
 * The call's parameters by member name (as the endpoint's validation reads them), sensitive values
 * fingerprinted; what the input shape does not declare is left out. Undefined for a service without
 * a model: nothing would tell which of its values are secret, so none are logged.
 */
export function requestParameters(
  service: ServiceModule,
  operationName: string,
  request: OperationRequest,
): Record<string, unknown> | undefined {
  if (!(SERVICE_NAMES as readonly string[]).includes(service.service)) return undefined;
  const model = serviceModel(service.service as ServiceName);
  const inputShape = model.operations[operationName]?.input?.shape;
  const members = inputShape ? model.shapes[inputShape]?.members : undefined;
  if (!inputShape || !members) return {};
  const declared = Object.entries(inputOf(model, operationName, request)).filter(([name]) => name in members);
  return redact(model, inputShape, Object.fromEntries(declared)) as Record<string, unknown>;
}

function redact(model: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName];
  if (!shape || value === null || value === undefined) return value;
  if (shape.sensitive) return redacted(value);
  if (shape.type === "structure" && shape.members && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, shape.members?.[k] ? redact(model, shape.members[k].shape, v) : v]),
    );
  }
  if (shape.type === "list" && shape.member && Array.isArray(value))
    return value.map((v) => redact(model, shape.member!.shape, v));
  if (shape.type === "map" && shape.value && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(model, shape.value!.shape, v)]));
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
