// A request as the model sees it: one input structure keyed by member names. awsJson1_1 carries
// the whole input in the body; restJson1 spreads it over path labels, query string, headers and body,
// as each member's location says. Query and header values arrive as text and are converted to the
// member's type where they read as one, else left as text so validation reports the wrong type.
import type { OperationRequest } from "../core/types";
import { operationModel, type ServiceModel, type Shape } from "./load";

export function inputOf(model: ServiceModel, operation: string, req: OperationRequest): Record<string, unknown> {
  const shapeName = operationModel(model, operation).input?.shape;
  if (!shapeName) return {};
  const shape = model.shapes[shapeName];
  if (model.metadata.protocol !== "rest-json") return req.body;
  const input: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const wireName = member.locationName ?? name;
    const target = model.shapes[member.shape];
    let value: unknown;
    switch (member.location) {
      case "uri":
        value = req.params[wireName];
        break;
      case "querystring":
        value = fromText(model, target, req.query[wireName]);
        break;
      case "header":
        value = fromText(model, target, req.headers[wireName.toLowerCase()]);
        break;
      case undefined:
        value = req.body[name];
        break;
      default:
        value = undefined;
    }
    if (value !== undefined) input[name] = value;
  }
  return input;
}

function fromText(model: ServiceModel, shape: Shape, raw: string | string[] | undefined): unknown {
  if (raw === undefined) return undefined;
  if (shape.type === "list") {
    const item = model.shapes[shape.member!.shape];
    return (Array.isArray(raw) ? raw : [raw]).map((v) => scalar(item, v));
  }
  return scalar(shape, Array.isArray(raw) ? raw[0] : raw);
}

function scalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case "integer":
    case "long":
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case "double":
    case "float":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}
