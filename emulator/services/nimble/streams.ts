import { schedule } from "../shared/lifecycle";
import { read, requireState, write } from "./access";
import { notFound } from "./errors";
import { CALLER, KIND, now, timestamp } from "./model";
import { sessionOf } from "./sessions";

export const streamOperations = [
  write("CreateStreamingSessionStream", (req, ctx) => {
    const session = sessionOf(ctx, req.params.studioId, req.params.sessionId);
    // The model bounds a stream's lifetime; the service's default is 120 seconds.
    const expiration = (req.body.expirationInSeconds as number | undefined) ?? 120;
    requireState(session, "Streaming session", ["READY"]);
    const streamId = ctx.nextId("str-");
    const stream = {
      kind: KIND.stream,
      id: streamId,
      parentId: session.id,
      attributes: {
        createdAt: now(ctx),
        createdBy: CALLER,
        expiresAt: timestamp(ctx.clock.now() + expiration * 1000),
        ownedBy: session.attributes.ownedBy,
        state: "CREATE_IN_PROGRESS",
        statusCode: "STREAM_CREATE_IN_PROGRESS",
        streamId,
      },
    };
    ctx.put(stream);
    // The url appears once the stream is READY ("the url property will contain a stream", seed 001).
    const url = `https://${ctx.region}.stream.nimblestudio.invalid/${session.id}/${streamId}`;
    schedule(ctx, stream, "state", [{ to: "READY", patch: { statusCode: "STREAM_READY", url } }]);
    return { body: { stream: structuredClone(stream.attributes) } };
  }),

  read("GetStreamingSessionStream", (req, ctx) => {
    const session = sessionOf(ctx, req.params.studioId, req.params.sessionId);
    const stream = ctx.get(KIND.stream, req.params.streamId);
    if (!stream || stream.parentId !== session.id)
      throw notFound("Stream", req.params.streamId, { sessionId: session.id });
    return { body: { stream: structuredClone(stream.attributes) } };
  }),
];
