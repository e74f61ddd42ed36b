import { appstream, nimble } from "pulumi-aws-euc";

// A studio (client tokens, a create wait) and an AppStream stack with a fleet that starts and is
// associated (no client tokens, a desired-state wait, a dependency chain).
const studio = new nimble.Studio("studio", {
  displayName: "Interrupted studio",
  adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
  userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
});
const stack = new appstream.Stack("apps", { displayName: "Apps" });
const fleet = new appstream.Fleet("fleet", {
  imageName: "euc-base-image",
  instanceType: "stream.standard.medium",
  fleetType: "ON_DEMAND",
  computeCapacity: { desiredInstances: 1 },
  state: "RUNNING",
});
new appstream.FleetStackAssociation("apps-fleet", { fleetName: fleet.name, stackName: stack.name });

export const studioId = studio.id;
export const fleetName = fleet.name;
