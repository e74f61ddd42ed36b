// Which stops of a nimble:StreamingSession a preview refuses, judged on its launch profile as the
// service answers GetLaunchProfile (a stand-in service here): the profile read only when a stop is
// newly asked and both ids are known, each stop named with the profile and the rule, and nothing
// said when the profile cannot be read.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { hooks } from "../../provider/hooks/nimble-streaming-session";

type Props = Record<string, unknown>;

const ids = { studioId: "studio-1", launchProfileId: "lp-1" };
const unstoppable = { sessionPersistenceMode: "DEACTIVATED" };
const noPersistence = "its sessionPersistenceMode is not ACTIVATED";

/** A service whose GetLaunchProfile answers `answer` (or fails with it), and the requests it got. */
function service(answer: Props | Error) {
  const sent: Array<{ operation: string; request: Props }> = [];
  const ctx = {
    send: ({ operation }: { operation: string }, request: Props) => {
      sent.push({ operation, request });
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as HookContext;
  return { ctx, sent };
}

const profile = (streamConfiguration: unknown, name?: string) => ({
  launchProfile: { name, launchProfileId: "lp-1", streamConfiguration },
});

const judge = (ctx: HookContext, inputs: Props, olds: Props = ids) => hooks.checkWithService!(ctx, olds, inputs);

describe("nimble:StreamingSession stops at preview", () => {
  it("reads this session's launch profile and names the profile, the stop and the rule", async () => {
    const { ctx, sent } = service(profile(unstoppable, "render-farm"));
    expect(await judge(ctx, { ...ids, desiredState: "STOPPED" })).toEqual([
      {
        property: "desiredState",
        reason: `desiredState STOPPED stops the session, but its launch profile render-farm (lp-1) does not allow stopped sessions: ${noPersistence}`,
      },
    ]);
    expect(sent).toEqual([{ operation: "GetLaunchProfile", request: ids }]);
  });

  it.each(["STOP_RETAIN_VOLUME", "STOP_DELETE_VOLUME"])(
    "refuses deleteBehaviour %s, naming the profile by id when it has no name",
    async (behaviour) => {
      const { ctx } = service(profile(unstoppable));
      expect(await judge(ctx, { ...ids, deleteBehaviour: behaviour })).toEqual([
        {
          property: "deleteBehaviour",
          reason: `deleteBehaviour ${behaviour} stops the session, but its launch profile lp-1 does not allow stopped sessions: ${noPersistence}`,
        },
      ]);
    },
  );

  it("names every stop asked at once", async () => {
    const { ctx, sent } = service(profile(unstoppable));
    const failures = await judge(ctx, { ...ids, desiredState: "STOPPED", deleteBehaviour: "STOP_DELETE_VOLUME" });
    expect(failures.map((f) => f.property)).toEqual(["desiredState", "deleteBehaviour"]);
    expect(sent).toHaveLength(1);
  });

  it("lets a stop through when the profile allows stopped sessions", async () => {
    const { ctx, sent } = service(profile({ sessionPersistenceMode: "ACTIVATED" }));
    expect(await judge(ctx, { ...ids, desiredState: "STOPPED", deleteBehaviour: "STOP_RETAIN_VOLUME" })).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["no stop is asked", { ...ids, desiredState: "READY", deleteBehaviour: "TERMINATE" }, ids],
    [
      "the stop was asked by an earlier update",
      { ...ids, desiredState: "STOPPED" },
      { ...ids, desiredState: "STOPPED" },
    ],
    [
      "the deleteBehaviour was asked by an earlier update",
      { ...ids, deleteBehaviour: "STOP_RETAIN_VOLUME" },
      { ...ids, deleteBehaviour: "STOP_RETAIN_VOLUME" },
    ],
    ["the studio is not known yet", { launchProfileId: "lp-1", desiredState: "STOPPED" }, {}],
    ["the launch profile is not known yet", { studioId: "studio-1", desiredState: "STOPPED" }, {}],
  ])("reads nothing and refuses nothing when %s", async (_, inputs, olds) => {
    const { ctx, sent } = service(profile(unstoppable));
    expect(await judge(ctx, inputs, olds)).toEqual([]);
    expect(sent).toEqual([]);
  });

  it.each([
    ["the read fails", Object.assign(new Error("not found"), { name: "ResourceNotFoundException" })],
    ["the answer has no launch profile", {}],
    ["the profile has no stream configuration", profile(undefined)],
    ["the stream configuration is not an object", profile("DEACTIVATED")],
  ])("cannot tell, and refuses nothing, when %s", async (_, answer) => {
    const { ctx, sent } = service(answer);
    expect(await judge(ctx, { ...ids, desiredState: "STOPPED" })).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
