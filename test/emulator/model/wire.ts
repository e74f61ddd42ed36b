// Requests built from the model alone, sent over plain HTTP: what the conformance suite uses for
// requests an SDK would never send (the JS SDK validates nothing, but it does shape the request
// for us; here nothing stands between the test and the wire).
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpRequest, HttpResponse } from "@smithy/protocol-http";
import { Readable } from "node:stream";
import { operationModel, type ServiceModel } from "../../../emulator/model";

export interface RawResponse {
  status: number;
  /** The error code: awsJson1_1 `__type`, restJson1 `x-amzn-errortype`. */
  errorCode?: string;
  message?: string;
  body: unknown;
}

/** Sends `input` (keyed by member names) to `operation` exactly as the model binds it to HTTP. */
/** A URI or header member's text: strings as they are, numbers and booleans as JSON writes them. */
function scalar(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export async function sendRaw(
  url: string,
  model: ServiceModel,
  operation: string,
  input: Record<string, unknown>,
): Promise<RawResponse> {
  const op = operationModel(model, operation);
  const headers: Record<string, string> = {};
  let path = "/";
  let body: string;
  const query = new URLSearchParams();
  if (model.metadata.protocol !== "rest-json") {
    headers["content-type"] = "application/x-amz-json-1.1";
    headers["x-amz-target"] = `${model.metadata.targetPrefix}.${operation}`;
    body = JSON.stringify(input);
  } else {
    const members = op.input ? (model.shapes[op.input.shape].members ?? {}) : {};
    const bodyMembers: Record<string, unknown> = {};
    path = op.http.requestUri.split("?")[0];
    for (const [name, member] of Object.entries(members)) {
      const value = input[name];
      if (value === undefined) continue;
      const wire = member.locationName ?? name;
      if (member.location === "uri") path = path.replace(`{${wire}}`, encodeURIComponent(scalar(value)));
      else if (member.location === "querystring")
        for (const v of Array.isArray(value) ? value : [value]) query.append(wire, String(v));
      else if (member.location === "header") headers[wire.toLowerCase()] = scalar(value);
      else bodyMembers[name] = value;
    }
    headers["content-type"] = "application/json";
    body = JSON.stringify(bodyMembers);
  }
  const search = query.toString();
  const res = await fetch(`${url}${path}${search ? `?${search}` : ""}`, {
    method: op.http.method,
    headers,
    body: op.http.method === "GET" ? undefined : body,
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const errorCode =
    res.status >= 300
      ? (res.headers.get("x-amzn-errortype") ?? (json.__type as string | undefined))?.split(":")[0]
      : undefined;
  return { status: res.status, errorCode, message: (json.message ?? json.Message) as string | undefined, body: json };
}

/**
 * The SDK's own HTTP handler, keeping a copy of each raw response: status and body text, before the
 * SDK deserializes it, so a test can check the body against the model's output shape.
 */
export class RecordingHandler extends NodeHttpHandler {
  last?: { status: number; body: string };

  override async handle(
    request: HttpRequest,
    options?: Parameters<NodeHttpHandler["handle"]>[1],
  ): Promise<{ response: HttpResponse }> {
    const out = await super.handle(request, options);
    const chunks: Buffer[] = [];
    for await (const chunk of out.response.body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
    const buffer = Buffer.concat(chunks);
    this.last = { status: out.response.statusCode, body: buffer.toString("utf8") };
    out.response.body = Readable.from([buffer]);
    return out;
  }
}
