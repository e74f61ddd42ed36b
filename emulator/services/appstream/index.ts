// AppStream 2.0 (now "WorkSpaces Applications"), awsJson1_1 behind X-Amz-Target PhotonAdminProxyService.*
import type { ServiceModule } from "../../core/types";
import { directoryConfigOperations } from "./directory-configs";
import { appBlockOperations } from "./app-blocks";
import { applicationOperations } from "./applications";
import { entitlementOperations } from "./entitlements";
import { fleetOperations, setFleetErrors } from "./fleets";
import { imageBuilderOperations, snapshotImageBuilder } from "./image-builders";
import { imageOperations, seedImages } from "./images";
import { addSessions, sessionOperations } from "./sessions";
import { stackOperations } from "./stacks";
import { tagOperations } from "./tags";
import { userOperations } from "./users";

export const appstreamService: ServiceModule = {
  service: "appstream",
  protocol: "awsJson1_1",
  targetPrefix: "PhotonAdminProxyService",
  operations: [
    ...fleetOperations,
    ...imageBuilderOperations,
    ...imageOperations,
    ...stackOperations,
    ...sessionOperations,
    ...tagOperations,
    ...directoryConfigOperations,
    ...userOperations,
    ...appBlockOperations,
    ...applicationOperations,
    ...entitlementOperations,
  ],
  seed: seedImages,
  controls: {
    "fleet-errors": setFleetErrors,
    sessions: addSessions,
    "snapshot-image-builder": snapshotImageBuilder,
  },
};
