// What a nimble:LaunchProfile create sends as its protocol versions: CreateLaunchProfile requires
// them although the only valid version is 2021-03-31, so the create fills that in when the program
// names none, and sends the program's own list as written otherwise.
import { describe, expect, it } from "vitest";
import type { HookContext } from "../../provider/engine/hooks";
import { contextFor } from "../../provider/engine/resource-context";
import { hooks, PROTOCOL_VERSION } from "../../provider/hooks/nimble-launch-profile";

const ctx: HookContext = contextFor("nimble:LaunchProfile", {});
const request = { studioId: "studio-1", name: "render-farm", ec2SubnetIds: ["subnet-1"] };

describe("nimble:LaunchProfile's create request", () => {
  it("takes the only valid protocol version when the program names none", () => {
    expect(PROTOCOL_VERSION).toBe("2021-03-31");
    expect(hooks.beforeCreate!(ctx, request, {})).toEqual({
      ...request,
      launchProfileProtocolVersions: ["2021-03-31"],
    });
  });

  it("sends the program's own list as written", () => {
    const own = { ...request, launchProfileProtocolVersions: ["2021-03-31", "2021-03-31"] };
    expect(hooks.beforeCreate!(ctx, own, {})).toEqual(own);
  });
});
