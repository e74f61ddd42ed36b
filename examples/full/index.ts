import * as pulumi from "@pulumi/pulumi";
import { appstream, nimble, thinclient } from "pulumi-aws-euc";

const config = new pulumi.Config();
const account = config.get("accountId") ?? "123456789012";

// Nimble Studio: the studio artists log in to.
const studio = new nimble.Studio("vfx", {
  displayName: "VFX studio",
  adminRoleArn: `arn:aws:iam::${account}:role/NimbleStudioAdmin`,
  userRoleArn: `arn:aws:iam::${account}:role/NimbleStudioUser`,
  tags: { team: "vfx", "cost-center": "4410" },
});

// What lighting artists launch workstations with: persistent sessions that keep their volume while
// stopped (up to two days) and back up on every stop. Sessions may run 30 days, so a demo left
// running is not stopped by the service between two runs of `npm start`.
const lighting = new nimble.LaunchProfile("lighting", {
  studioId: studio.studioId,
  description: "Lighting workstations",
  ec2SubnetIds: ["subnet-0a1b2c3d4e5f60001"],
  studioComponentIds: studio.studioId.apply(async (studioId) =>
    (await nimble.listStudioComponents({ studioId })).map((c) => c.studioComponentId ?? ""),
  ),
  streamConfiguration: {
    clipboardMode: "ENABLED",
    ec2InstanceTypes: ["g4dn.xlarge", "g4dn.2xlarge"],
    streamingImageIds: ["al2-workstation"],
    maxSessionLengthInMinutes: 30 * 24 * 60,
    sessionPersistenceMode: "ACTIVATED",
    automaticTerminationMode: "ACTIVATED",
    maxStoppedSessionLengthInMinutes: 2 * 24 * 60,
    volumeConfiguration: { size: 500 },
    sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 2 },
  },
  tags: { team: "vfx" },
});

// One artist's workstation on it, running; stopping it keeps its volume.
const workstation = new nimble.StreamingSession("lighting-ana", {
  studioId: studio.studioId,
  launchProfileId: lighting.launchProfileId,
  ec2InstanceType: "g4dn.xlarge",
  ownedBy: "artist-ana",
  desiredState: "READY",
  volumeRetentionMode: "RETAIN",
  tags: { team: "vfx", artist: "ana" },
});

// AppStream 2.0: the stack users stream applications through.
const stack = new appstream.Stack("design-apps", {
  displayName: "Design applications",
  description: "CAD and review tools for the design team",
  userSettings: [
    { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
    { action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" },
    { action: "FILE_DOWNLOAD", permission: "DISABLED" },
  ],
  tags: { team: "design" },
});

// The instances behind the stack, streaming the team's private image; kept running.
const fleet = new appstream.Fleet("design-fleet", {
  imageName: "euc-base-image",
  instanceType: "stream.standard.medium",
  fleetType: "ON_DEMAND",
  computeCapacity: { desiredInstances: 2 },
  displayName: "Design applications",
  maxUserDurationInSeconds: 8 * 3600,
  disconnectTimeoutInSeconds: 900,
  idleDisconnectTimeoutInSeconds: 900,
  state: "RUNNING",
  tags: { team: "design" },
});
new appstream.FleetStackAssociation("design-apps", { fleetName: fleet.name, stackName: stack.name });

// Where new application versions are installed before an image is made; stopped while unused.
const builder = new appstream.ImageBuilder("design-packaging", {
  imageName: "AppStream-WinServer2019-06-12-2024",
  instanceType: "stream.standard.large",
  displayName: "Design applications packaging",
  state: "STOPPED",
  tags: { team: "design" },
});

// WorkSpaces Thin Client: the front desk's thin clients stream the design stack and take software
// updates only on weekend nights.
const frontDesk = new thinclient.Environment("front-desk", {
  name: "Front desk",
  desktopArn: pulumi.interpolate`${stack.arn}`,
  maintenanceWindow: {
    type: "CUSTOM",
    startTimeHour: 1,
    startTimeMinute: 0,
    endTimeHour: 5,
    endTimeMinute: 0,
    daysOfTheWeek: ["SATURDAY", "SUNDAY"],
    applyTimeOf: "DEVICE",
  },
  deviceCreationTags: { site: "front-desk" },
  tags: { team: "facilities" },
});

// A device registers itself; the program takes it over by id. FORGET leaves it registered when the
// stack is destroyed, so the next `up` finds it again.
const receptionDevice = new thinclient.Device("reception", {
  adoptId: config.get("thinClientDeviceId") ?? "tcdevice0000000000000001",
  name: "reception-1",
  tags: { site: "front-desk" },
  deleteBehaviour: "FORGET",
});

export const studioId = studio.id;
export const studioUrl = studio.studioUrl;
export const studioState = studio.state;
export const launchProfileId = lighting.launchProfileId;
export const workstationId = workstation.sessionId;
export const workstationState = workstation.state;
export const appstreamStack = stack.name;
export const appstreamStackArn = stack.arn;
export const appstreamFleet = fleet.name;
export const appstreamFleetState = fleet.currentState;
export const appstreamImageBuilder = builder.name;
export const thinClientEnvironmentId = frontDesk.id;
export const thinClientActivationCode = frontDesk.activationCode;
export const thinClientDevice = receptionDevice.name;
