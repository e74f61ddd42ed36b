// examples/full, for the interruption sweeps (test/e2e/sweep): `sweep:phase` "initial" is the
// example's first `up`; "changed" changes something of every resource type (a RUNNING fleet's
// instance type, a session READY -> STOPPED with its automatic backup, the launch profile's stream
// configuration, tags everywhere, the image builder RUNNING -> STOPPED); and each kind of device and
// software set deleteBehaviour is in use, so a `destroy` of the changed stack exercises them.
import * as pulumi from "@pulumi/pulumi";
import { appstream, nimble, thinclient } from "pulumi-aws-euc";

const config = new pulumi.Config();
const sweep = new pulumi.Config("sweep");
const changed = sweep.get("phase") === "changed";
const account = config.get("accountId") ?? "123456789012";
const revision = changed ? "2" : "1";

const studio = new nimble.Studio("vfx", {
  displayName: "VFX studio",
  adminRoleArn: `arn:aws:iam::${account}:role/NimbleStudioAdmin`,
  userRoleArn: `arn:aws:iam::${account}:role/NimbleStudioUser`,
  tags: { team: "vfx", "cost-center": "4410", revision },
});

const lighting = new nimble.LaunchProfile("lighting", {
  studioId: studio.studioId,
  description: "Lighting workstations",
  ec2SubnetIds: ["subnet-0a1b2c3d4e5f60001"],
  studioComponentIds: studio.studioId.apply(async (studioId) =>
    (await nimble.listStudioComponents({ studioId })).map((c) => c.studioComponentId ?? ""),
  ),
  streamConfiguration: {
    clipboardMode: changed ? "DISABLED" : "ENABLED",
    ec2InstanceTypes: ["g4dn.xlarge", "g4dn.2xlarge"],
    streamingImageIds: ["al2-workstation"],
    maxSessionLengthInMinutes: 30 * 24 * 60,
    sessionPersistenceMode: "ACTIVATED",
    automaticTerminationMode: "ACTIVATED",
    maxStoppedSessionLengthInMinutes: 2 * 24 * 60,
    volumeConfiguration: { size: 500 },
    sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 2 },
  },
  tags: { team: "vfx", revision },
});

// Stopped in the changed phase (the launch profile's AUTOMATIC backup mode backs it up on the
// stop). Only TERMINATE here: a session kept by STOP_RETAIN_VOLUME or STOP_DELETE_VOLUME would, by
// design, make the destroy of its launch profile fail before anything is deleted.
new nimble.StreamingSession("lighting-ana", {
  studioId: studio.studioId,
  launchProfileId: lighting.launchProfileId,
  ec2InstanceType: "g4dn.xlarge",
  ownedBy: "artist-ana",
  desiredState: changed ? "STOPPED" : "READY",
  volumeRetentionMode: "RETAIN",
  deleteBehaviour: "TERMINATE",
  tags: { team: "vfx", artist: "ana", revision },
});

const stack = new appstream.Stack("design-apps", {
  displayName: "Design applications",
  description: "CAD and review tools for the design team",
  userSettings: [
    { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
    { action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" },
    { action: "FILE_DOWNLOAD", permission: "DISABLED" },
  ],
  tags: { team: "design", revision },
});

// RUNNING in both phases: the changed instance type stops it, updates it and starts it again.
const fleet = new appstream.Fleet("design-fleet", {
  imageName: "euc-base-image",
  instanceType: changed ? "stream.standard.large" : "stream.standard.medium",
  fleetType: "ON_DEMAND",
  computeCapacity: { desiredInstances: 2 },
  displayName: "Design applications",
  maxUserDurationInSeconds: 8 * 3600,
  disconnectTimeoutInSeconds: 900,
  idleDisconnectTimeoutInSeconds: 900,
  state: "RUNNING",
  tags: { team: "design", revision },
});
new appstream.FleetStackAssociation("design-apps", { fleetName: fleet.name, stackName: stack.name });

new appstream.ImageBuilder("design-packaging", {
  imageName: "AppStream-WinServer2019-06-12-2024",
  instanceType: "stream.standard.large",
  displayName: "Design applications packaging",
  state: changed ? "STOPPED" : "RUNNING",
  tags: { team: "design", revision },
});

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
  tags: { team: "facilities", revision },
});

// The endpoint's three registered devices, one per kind of deleteBehaviour: left as they are,
// deregistered, deregistered and deleted.
const devices: Array<[string, string, "FORGET" | "ARCHIVE" | "DEREGISTER_AND_DELETE"]> = [
  ["reception", "tcdevice0000000000000001", "FORGET"],
  ["lobby", "tcdevice0000000000000002", "ARCHIVE"],
  ["kiosk", "tcdevice0000000000000003", "DEREGISTER_AND_DELETE"],
];
for (const [name, adoptId, deleteBehaviour] of devices) {
  new thinclient.Device(name, { adoptId, name: `${name}-1`, tags: { site: "front-desk", revision }, deleteBehaviour });
}

// Software sets are the service's: one validation restores the status it found on destroy, one keeps it.
new thinclient.SoftwareSetValidation("current", {
  softwareSetId: "softwareset-0003",
  validationStatus: "VALIDATED",
  deleteBehaviour: "RESTORE",
});
new thinclient.SoftwareSetValidation("previous", {
  softwareSetId: "softwareset-0002",
  validationStatus: "VALIDATED",
  deleteBehaviour: "KEEP",
});

export const fleetName = fleet.name;
export const environmentId = frontDesk.id;
