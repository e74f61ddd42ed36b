// Nimble Studio (restJson1): the operations of seeds 000 and 001, plus the read side of the
// streaming images and studio components a launch profile refers to.
import type { ServiceModule } from "../../core/types";
import { catalogOperations, seedStreamingImages } from "./catalog";
import { launchProfileOperations } from "./launch-profiles";
import { sessionOperations } from "./sessions";
import { streamOperations } from "./streams";
import { studioOperations } from "./studios";
import { tagOperations } from "./tags";

export const nimbleService: ServiceModule = {
  service: "nimble",
  protocol: "restJson1",
  operations: [
    ...studioOperations,
    ...launchProfileOperations,
    ...sessionOperations,
    ...streamOperations,
    ...catalogOperations,
    ...tagOperations,
  ],
  seed: seedStreamingImages,
};
