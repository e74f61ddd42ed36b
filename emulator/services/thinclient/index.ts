// WorkSpaces Thin Client (restJson1): the operations of seed 004.
import type { ServiceModule } from "../../core/types";
import { deviceOperations } from "./devices";
import { environmentOperations } from "./environments";
import { registerDevice } from "./registration";
import { seedThinClient } from "./seed";
import { softwareSetOperations } from "./software-sets";
import { tagOperations } from "./tags";

export const thinClientService: ServiceModule = {
  service: "thinclient",
  protocol: "restJson1",
  operations: [...environmentOperations, ...deviceOperations, ...softwareSetOperations, ...tagOperations],
  seed: seedThinClient,
  controls: { "register-device": registerDevice },
};
