// AppStream 2.0: a fleet streaming a private image through a stack, an image builder to make the
// next image on, and the package's functions. Run against the local endpoint or real AWS.
import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
// Stop the fleet outside working hours with `pulumi config set fleetState STOPPED && pulumi up`.
const fleetState = config.get("fleetState") === "STOPPED" ? "STOPPED" : "RUNNING";

const stack = new appstream.Stack("training", {
  displayName: "Training",
  description: "Applications for the onboarding course",
  userSettings: [
    { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
    { action: "FILE_DOWNLOAD", permission: "DISABLED" },
  ],
});

const fleet = new appstream.Fleet("training", {
  imageName: "euc-base-image",
  instanceType: "stream.standard.medium",
  computeCapacity: { desiredInstances: 1 },
  displayName: "Training",
  maxUserDurationInSeconds: 4 * 3600,
  disconnectTimeoutInSeconds: 900,
  state: fleetState,
});

new appstream.FleetStackAssociation("training", { fleetName: fleet.name, stackName: stack.name });

const builder = new appstream.ImageBuilder("training-packaging", {
  imageName: "AppStream-WinServer2022-06-12-2024",
  instanceType: "stream.standard.large",
  displayName: "Training packaging",
  state: "RUNNING",
});

export const stackName = stack.name;
export const fleetName = fleet.name;
export const fleetCurrentState = fleet.currentState;
// Secret: whoever holds it can connect to the builder until it expires.
export const packagingUrl = appstream.createImageBuilderStreamingUrl({
  name: builder.name,
  validity: 3600,
}).streamingUrl;
export const activeSessions = appstream
  .describeSessionsOutput({ stackName: stack.name, fleetName: fleet.name })
  .apply((sessions) => sessions.filter((s) => s.state === "ACTIVE").length);
