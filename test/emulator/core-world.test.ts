// The world context and the request helpers, without HTTP.
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../emulator/core/clock";
import { paginate, stableStringify, withClientToken } from "../../emulator/core/helpers";
import { ServiceError, type ResourceRecord } from "../../emulator/core/types";
import { DELETED, emptyWorld, WorldContext } from "../../emulator/core/world";

function context(transitionMs = 100) {
  const clock = new ManualClock(0);
  const failures: Array<{ statusCode: string; statusMessage: string }> = [{ statusCode: "X", statusMessage: "y" }];
  const ctx = new WorldContext({
    world: emptyWorld(),
    clock,
    transitionMs,
    region: "eu-west-1",
    accountId: "111122223333",
    takeCreateFailure: (kind) => (kind === "k:Thing" ? failures.shift() : undefined),
  });
  return { ctx, clock };
}

const thing = (id: string): ResourceRecord => ({ kind: "k:Thing", id, attributes: { id } });

describe("WorldContext", () => {
  it("issues unique, prefixed, deterministic ids", () => {
    const a = context().ctx;
    const b = context().ctx;
    const ids = [a.nextId("st-"), a.nextId("st-"), a.nextId("lp-")];
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^st-0000000001[0-9a-f]{6}$/);
    expect(b.nextId("st-")).toBe(ids[0]);
  });

  it("lists in creation order; put replaces in place; remove deletes", () => {
    const { ctx } = context();
    for (const id of ["b", "a", "c"]) ctx.put(thing(id));
    ctx.put({ ...thing("a"), attributes: { id: "a", v: 2 } });
    expect(ctx.list("k:Thing").map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(ctx.get("k:Thing", "a")?.attributes.v).toBe(2);
    ctx.remove("k:Thing", "b");
    expect(ctx.list("k:Thing").map((r) => r.id)).toEqual(["a", "c"]);
    expect(ctx.get("k:Other", "x")).toBeUndefined();
  });

  it("walks through transitional states lazily, one transitionMs each, merging the final patch", () => {
    const { ctx, clock } = context(100);
    const record = thing("t");
    ctx.transition(record, "state", ["CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "READY"], { statusCode: "DONE" });
    expect(ctx.get("k:Thing", "t")?.attributes).toEqual({ id: "t", state: "CREATE_IN_PROGRESS" });
    clock.advance(100);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("UPDATE_IN_PROGRESS");
    clock.advance(99);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("UPDATE_IN_PROGRESS");
    clock.advance(1);
    expect(ctx.get("k:Thing", "t")?.attributes).toEqual({ id: "t", state: "READY", statusCode: "DONE" });
    expect(ctx.get("k:Thing", "t")?.transitions).toBeUndefined();
  });

  it("a new transition of a field replaces the pending one; DELETED removes the record", () => {
    const { ctx, clock } = context(100);
    const record = thing("t");
    ctx.transition(record, "state", ["STARTING", "RUNNING"]);
    ctx.transition(record, "state", ["STOPPING", "STOPPED"]);
    clock.advance(1000);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("STOPPED");
    ctx.transition(record, "state", ["DELETING", DELETED]);
    expect(ctx.list("k:Thing")).toHaveLength(1);
    clock.advance(100);
    expect(ctx.list("k:Thing")).toHaveLength(0);
  });

  it("applies transitions that service modules appended out of order in time order", () => {
    const { ctx, clock } = context();
    const record: ResourceRecord = {
      ...thing("t"),
      transitions: [
        { at: 20, field: "state", to: "B" },
        { at: 10, field: "state", to: "A" },
      ],
    };
    ctx.put(record);
    clock.advance(15);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("A");
    clock.advance(10);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("B");
  });

  it("a stuck record keeps its state until released", () => {
    const { ctx, clock } = context(100);
    const record = thing("t");
    ctx.transition(record, "state", ["PENDING", "RUNNING"]);
    record.stuck = true;
    clock.advance(1000);
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("PENDING");
    delete record.stuck;
    expect(ctx.get("k:Thing", "t")?.attributes.state).toBe("RUNNING");
  });

  it("hands out create failures queued for a kind", () => {
    const { ctx } = context();
    expect(ctx.takeCreateFailure("k:Other")).toBeUndefined();
    expect(ctx.takeCreateFailure("k:Thing")).toEqual({ statusCode: "X", statusMessage: "y" });
    expect(ctx.takeCreateFailure("k:Thing")).toBeUndefined();
  });
});

describe("withClientToken", () => {
  it("returns the first result for a repeat, runs produce once, and refuses different parameters", () => {
    const { ctx } = context();
    let runs = 0;
    const produce = () => ({ id: ctx.nextId("x-"), run: ++runs });
    const first = withClientToken(ctx, "CreateThing", "tok", { name: "a", tags: { b: 1, a: 2 } }, produce);
    const again = withClientToken(ctx, "CreateThing", "tok", { tags: { a: 2, b: 1 }, name: "a" }, produce);
    expect(again).toEqual(first);
    expect(runs).toBe(1);
    expect(() => withClientToken(ctx, "CreateThing", "tok", { name: "b" }, produce)).toThrow(
      expect.objectContaining({ code: "ConflictException", status: 409 }),
    );
    const custom = () => new ServiceError("ValidationException", "reused", 400);
    expect(() => withClientToken(ctx, "CreateThing", "tok", { name: "b" }, produce, custom)).toThrow(
      expect.objectContaining({ code: "ValidationException" }),
    );
    // Tokens are scoped by operation, and no token means no idempotency.
    withClientToken(ctx, "DeleteThing", "tok", { name: "b" }, produce);
    withClientToken(ctx, "CreateThing", undefined, { name: "a" }, produce);
    expect(runs).toBe(3);
  });

  it("fingerprints ignore key order and undefined members", () => {
    expect(stableStringify({ b: 1, a: [{ y: 2, x: undefined }] })).toBe(stableStringify({ a: [{ y: 2 }], b: 1 }));
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it("slices pages with opaque tokens until the end", () => {
    const { ctx } = context();
    const p1 = paginate(ctx, "ListThings", items, undefined, 3);
    const p2 = paginate(ctx, "ListThings", items, p1.nextToken, 3);
    const p3 = paginate(ctx, "ListThings", items, p2.nextToken, 3);
    expect([p1.items, p2.items, p3.items]).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(p3.nextToken).toBeUndefined();
    expect(paginate(ctx, "ListThings", items, undefined, undefined, { defaultPageSize: 5 }).items).toHaveLength(5);
    expect(paginate(ctx, "ListThings", items, undefined, 50, { maxPageSize: 4 }).items).toHaveLength(4);
  });

  it("rejects unknown tokens and tokens of another listing", () => {
    const { ctx } = context();
    const p1 = paginate(ctx, "ListThings:parent-1", items, undefined, 3);
    expect(() => paginate(ctx, "ListThings:parent-2", items, p1.nextToken, 3)).toThrow(
      expect.objectContaining({ code: "ValidationException" }),
    );
    expect(() => paginate(ctx, "ListThings:parent-1", items, "bogus", 3)).toThrow(
      expect.objectContaining({ code: "ValidationException", status: 400 }),
    );
    const custom = { invalidToken: () => new ServiceError("InvalidParameterCombinationException", "bad token", 400) };
    expect(() => paginate(ctx, "ListThings:parent-1", items, "bogus", 3, custom)).toThrow(
      expect.objectContaining({ code: "InvalidParameterCombinationException" }),
    );
  });
});
