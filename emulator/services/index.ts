import type { ServiceModule } from "../core/types";
import { appstreamService } from "./appstream";
import { nimbleService } from "./nimble";
import { thinClientService } from "./thinclient";

export const allServices: ServiceModule[] = [appstreamService, nimbleService, thinClientService];
