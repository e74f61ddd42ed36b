// Every hook module, by the name schema files give in `hooks:`. The engine never imports this
// registry: provider/wiring.ts hands it over, so loading order cannot leave an entry undefined.
import type { Hooks } from "../engine/hooks";
import * as appstreamAppBlockBuilder from "./appstream-app-block-builder";
import * as appstreamFleet from "./appstream-fleet";
import * as appstreamFleetStackAssociation from "./appstream-fleet-stack-association";
import * as appstreamImage from "./appstream-image";
import * as appstreamUser from "./appstream-user";
import * as appstreamUserStackAssociation from "./appstream-user-stack-association";
import * as nimbleLaunchProfile from "./nimble-launch-profile";
import * as nimbleStreamingSession from "./nimble-streaming-session";
import * as nimbleStudio from "./nimble-studio";
import * as thinclientDevice from "./thinclient-device";
import * as thinclientSoftwareSetValidation from "./thinclient-software-set-validation";

export const hookModules: Record<string, Hooks> = {
  "appstream-app-block-builder": appstreamAppBlockBuilder.hooks,
  "appstream-fleet": appstreamFleet.hooks,
  "appstream-fleet-stack-association": appstreamFleetStackAssociation.hooks,
  "appstream-image": appstreamImage.hooks,
  "appstream-user": appstreamUser.hooks,
  "appstream-user-stack-association": appstreamUserStackAssociation.hooks,
  "nimble-launch-profile": nimbleLaunchProfile.hooks,
  "nimble-streaming-session": nimbleStreamingSession.hooks,
  "nimble-studio": nimbleStudio.hooks,
  "thinclient-device": thinclientDevice.hooks,
  "thinclient-software-set-validation": thinclientSoftwareSetValidation.hooks,
};
