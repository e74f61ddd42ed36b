// CreateLaunchProfile requires launchProfileProtocolVersions although only one value is valid, so a
// program may leave it out. (The refusal to delete a profile with sessions is in its schema file.)
import type { Hooks } from "../engine/hooks";

/** The Nimble Studio API Reference (LaunchProfile): "The only valid version is 2021-03-31." */
export const PROTOCOL_VERSION = "2021-03-31";

export const hooks: Hooks = {
  beforeCreate(_ctx, request) {
    return request.launchProfileProtocolVersions === undefined
      ? { ...request, launchProfileProtocolVersions: [PROTOCOL_VERSION] }
      : request;
  },
};
