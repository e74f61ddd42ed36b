// CreateLaunchProfile requires launchProfileProtocolVersions although only one value is valid, so a
// program may leave it out.
import type { Hooks } from "../engine/hooks";

/** Seed 000: "The only valid version is 2021-03-31." */
export const PROTOCOL_VERSION = "2021-03-31";

export const hooks: Hooks = {
  beforeCreate(_ctx, request) {
    return request.launchProfileProtocolVersions === undefined ? { ...request, launchProfileProtocolVersions: [PROTOCOL_VERSION] } : request;
  },
};
