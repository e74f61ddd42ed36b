// Invalid programs: each case breaks exactly one documented rule of one resource type. Shared by the
// fast check-level test and the end-to-end test that previews every case with the real CLI.

export interface BadInput {
  /** What is wrong, in words. */
  name: string;
  type: string;
  args: Record<string, unknown>;
  /** The property the error must name. */
  property: string;
  /** The rule, as the error must say it. */
  rule: RegExp;
}

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** Valid inputs of every type: each case changes one thing. */
export const validInputs: Record<string, Record<string, unknown>> = {
  "appstream:Stack": {
    displayName: "Apps",
    userSettings: [{ action: "FILE_UPLOAD", permission: "ENABLED" }],
    tags: { team: "euc" },
  },
  "appstream:Fleet": {
    instanceType: "stream.standard.medium",
    imageName: "euc-base-image",
    fleetType: "ON_DEMAND",
    computeCapacity: { desiredInstances: 1 },
    maxUserDurationInSeconds: 3600,
  },
  "appstream:ImageBuilder": { instanceType: "stream.standard.large", imageName: "AppStream-WinServer2019-06-12-2024" },
  "appstream:FleetStackAssociation": { fleetName: "fleet-a", stackName: "stack-a" },
  "appstream:Image": { adoptId: "euc-base-image" },
  "nimble:Studio": { displayName: "Studio", adminRoleArn: role("admin"), userRoleArn: role("user") },
  "nimble:LaunchProfile": {
    studioId: "st-0001",
    ec2SubnetIds: ["subnet-0001"],
    studioComponentIds: ["sc-0001"],
    streamConfiguration: {
      clipboardMode: "ENABLED",
      ec2InstanceTypes: ["g4dn.xlarge"],
      streamingImageIds: ["al2-workstation"],
      sessionPersistenceMode: "ACTIVATED",
      automaticTerminationMode: "ACTIVATED",
      maxStoppedSessionLengthInMinutes: 60,
      volumeConfiguration: { size: 500 },
    },
  },
  "nimble:StreamingSession": { studioId: "st-0001", launchProfileId: "lp-0001", ec2InstanceType: "g4dn.xlarge" },
  "thinclient:Environment": {
    desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/apps",
    maintenanceWindow: {
      type: "CUSTOM",
      startTimeHour: 1,
      startTimeMinute: 0,
      endTimeHour: 5,
      endTimeMinute: 0,
      daysOfTheWeek: ["SATURDAY"],
    },
  },
  "thinclient:Device": { adoptId: "tcdevice0000000000000001", name: "desk-1" },
  "thinclient:SoftwareSetValidation": { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" },
};

export function merge(base: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      current &&
      typeof current === "object" &&
      !Array.isArray(current)
        ? merge(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function bad(name: string, type: string, change: Record<string, unknown>, property: string, rule: RegExp): BadInput {
  return { name, type, args: merge(validInputs[type], change), property, rule };
}

const long = (n: number) => "x".repeat(n);
const profileStream = (change: Record<string, unknown>) => ({ streamConfiguration: change });
const window = (change: Record<string, unknown>) => ({ maintenanceWindow: change });

export const badInputs: BadInput[] = [
  bad("stack name with a space", "appstream:Stack", { name: "bad name!" }, "name", /must match/),
  bad(
    "stack display name too long",
    "appstream:Stack",
    { displayName: long(101) },
    "displayName",
    /at most 100 characters/,
  ),
  bad(
    "stack description too long",
    "appstream:Stack",
    { description: long(257) },
    "description",
    /at most 256 characters/,
  ),
  bad(
    "stack user setting with an unknown action",
    "appstream:Stack",
    { userSettings: [{ action: "PRINT", permission: "ENABLED" }] },
    "userSettings[0].action",
    /must be one of/,
  ),
  bad(
    "stack user setting without permission",
    "appstream:Stack",
    { userSettings: [{ action: "FILE_UPLOAD" }] },
    "userSettings[0].permission",
    /is required/,
  ),
  bad(
    "stack with an unknown property",
    "appstream:Stack",
    { colour: "blue" },
    "colour",
    /is not a property of appstream:Stack/,
  ),
  bad(
    "stack with no embed host domains in the list",
    "appstream:Stack",
    { embedHostDomains: [] },
    "embedHostDomains",
    /at least 1 items/,
  ),
  bad("stack tag that is not a string", "appstream:Stack", { tags: { team: 7 } }, "tags.team", /must be a string/),
  bad("image with an empty tag map", "appstream:Image", { tags: {} }, "tags", /fewer than 1 properties/),
  bad("stack display name that is a number", "appstream:Stack", { displayName: 42 }, "displayName", /must be a string/),
  bad("zero create timeout", "appstream:Stack", { timeouts: { create: 0 } }, "timeouts.create", /must be > 0/),
  bad(
    "fleet instance type of EC2's naming",
    "appstream:Fleet",
    { instanceType: "m5.large" },
    "instanceType",
    /must match/,
  ),
  bad(
    "fleet type that does not exist",
    "appstream:Fleet",
    { fleetType: "SPOT" },
    "fleetType",
    /must be one of ALWAYS_ON, ON_DEMAND, ELASTIC/,
  ),
  bad(
    "fleet session under 10 minutes",
    "appstream:Fleet",
    { maxUserDurationInSeconds: 599 },
    "maxUserDurationInSeconds",
    />= 600/,
  ),
  bad(
    "fleet session over 5 days",
    "appstream:Fleet",
    { maxUserDurationInSeconds: 432001 },
    "maxUserDurationInSeconds",
    /<= 432000/,
  ),
  bad(
    "fleet disconnect timeout under a minute",
    "appstream:Fleet",
    { disconnectTimeoutInSeconds: 59 },
    "disconnectTimeoutInSeconds",
    />= 60/,
  ),
  bad(
    "fleet idle disconnect timeout over 10 hours",
    "appstream:Fleet",
    { idleDisconnectTimeoutInSeconds: 36001 },
    "idleDisconnectTimeoutInSeconds",
    /<= 36000/,
  ),
  bad(
    "fleet with no sessions per instance",
    "appstream:Fleet",
    { maxSessionsPerInstance: 0 },
    "maxSessionsPerInstance",
    />= 1/,
  ),
  bad(
    "fleet with an empty instance type",
    "appstream:Fleet",
    { instanceType: "" },
    "instanceType",
    /at least 1 characters/,
  ),
  bad(
    "fleet with 51 tags",
    "appstream:Fleet",
    { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, "x"])) },
    "tags",
    /more than 50 properties/,
  ),
  bad("fleet desired state PAUSED", "appstream:Fleet", { state: "PAUSED" }, "state", /must be one of RUNNING, STOPPED/),
  bad(
    "fleet role that is not an IAM role ARN",
    "appstream:Fleet",
    { iamRoleArn: "fleet-role" },
    "iamRoleArn",
    /must match/,
  ),
  bad("fleet without instance type", "appstream:Fleet", { instanceType: undefined }, "instanceType", /is required/),
  bad(
    "fleet stream view WINDOW",
    "appstream:Fleet",
    { streamView: "WINDOW" },
    "streamView",
    /must be one of APP, DESKTOP/,
  ),
  bad("fleet platform MACOS", "appstream:Fleet", { platform: "MACOS" }, "platform", /must be one of/),
  bad(
    "fleet image ARN that is not one",
    "appstream:Fleet",
    { imageName: undefined, imageArn: "image/euc" },
    "imageArn",
    /must match/,
  ),
  bad(
    "image builder instance type of EC2's naming",
    "appstream:ImageBuilder",
    { instanceType: "t3.large" },
    "instanceType",
    /must match/,
  ),
  bad(
    "image builder agent version too long",
    "appstream:ImageBuilder",
    { appstreamAgentVersion: long(101) },
    "appstreamAgentVersion",
    /at most 100 characters/,
  ),
  bad(
    "image builder desired state STARTED",
    "appstream:ImageBuilder",
    { state: "STARTED" },
    "state",
    /must be one of RUNNING, STOPPED/,
  ),
  bad(
    "image builder description too long",
    "appstream:ImageBuilder",
    { description: long(257) },
    "description",
    /at most 256 characters/,
  ),
  bad(
    "image builder tag key over 128 characters",
    "appstream:ImageBuilder",
    { tags: { [long(129)]: "x" } },
    "tags",
    /at most 128 characters/,
  ),
  bad(
    "association fleet name with a space",
    "appstream:FleetStackAssociation",
    { fleetName: "bad fleet" },
    "fleetName",
    /must match/,
  ),
  bad(
    "association without stack",
    "appstream:FleetStackAssociation",
    { stackName: undefined },
    "stackName",
    /is required/,
  ),
  bad("image without the image to adopt", "appstream:Image", { adoptId: undefined }, "adoptId", /adoptId is required/),
  bad("studio admin role that is not an ARN", "nimble:Studio", { adminRoleArn: "admin" }, "adminRoleArn", /must match/),
  bad("studio without display name", "nimble:Studio", { displayName: undefined }, "displayName", /is required/),
  bad("studio name with capitals", "nimble:Studio", { studioName: "MyStudio" }, "studioName", /must match/),
  bad("studio name of two letters", "nimble:Studio", { studioName: "ab" }, "studioName", /at least 3 characters/),
  bad(
    "customer managed key without its ARN",
    "nimble:Studio",
    { studioEncryptionConfiguration: { keyType: "CUSTOMER_MANAGED_KEY" } },
    "studioEncryptionConfiguration.keyArn",
    /required when keyType is CUSTOMER_MANAGED_KEY/,
  ),
  bad(
    "studio key type that does not exist",
    "nimble:Studio",
    { studioEncryptionConfiguration: { keyType: "MY_KEY" } },
    "studioEncryptionConfiguration.keyType",
    /must be one of AWS_OWNED_KEY, CUSTOMER_MANAGED_KEY/,
  ),
  bad(
    "studio display name too long",
    "nimble:Studio",
    { displayName: long(65) },
    "displayName",
    /at most 64 characters/,
  ),
  bad(
    "studio admin role ARN over 2048 characters",
    "nimble:Studio",
    { adminRoleArn: role(long(2048)) },
    "adminRoleArn",
    /at most 2048 characters/,
  ),
  bad(
    "volume configuration without persistence",
    "nimble:LaunchProfile",
    profileStream({
      sessionPersistenceMode: "DEACTIVATED",
      automaticTerminationMode: undefined,
      maxStoppedSessionLengthInMinutes: undefined,
    }),
    "streamConfiguration.volumeConfiguration",
    /sessionPersistenceMode/,
  ),
  bad(
    "automatic termination without persistence",
    "nimble:LaunchProfile",
    profileStream({
      sessionPersistenceMode: "DEACTIVATED",
      volumeConfiguration: undefined,
      maxStoppedSessionLengthInMinutes: undefined,
    }),
    "streamConfiguration.automaticTerminationMode",
    /sessionPersistenceMode/,
  ),
  bad(
    "stopped session length without automatic termination",
    "nimble:LaunchProfile",
    profileStream({ automaticTerminationMode: "DEACTIVATED" }),
    "streamConfiguration.maxStoppedSessionLengthInMinutes",
    /automaticTerminationMode/,
  ),
  // The service's default is DEACTIVATED: leaving the mode out breaks these rules as saying so does.
  bad(
    "volume configuration with persistence left out",
    "nimble:LaunchProfile",
    profileStream({
      sessionPersistenceMode: undefined,
      automaticTerminationMode: undefined,
      maxStoppedSessionLengthInMinutes: undefined,
    }),
    "streamConfiguration.volumeConfiguration",
    /sessionPersistenceMode is ACTIVATED/,
  ),
  bad(
    "automatic termination with persistence left out",
    "nimble:LaunchProfile",
    profileStream({
      sessionPersistenceMode: undefined,
      volumeConfiguration: undefined,
      maxStoppedSessionLengthInMinutes: undefined,
    }),
    "streamConfiguration.automaticTerminationMode",
    /sessionPersistenceMode is ACTIVATED/,
  ),
  bad(
    "stopped session length with automatic termination left out",
    "nimble:LaunchProfile",
    profileStream({ automaticTerminationMode: undefined }),
    "streamConfiguration.maxStoppedSessionLengthInMinutes",
    /automaticTerminationMode is ACTIVATED/,
  ),
  bad(
    "stopped session length with persistence left out",
    "nimble:LaunchProfile",
    profileStream({
      sessionPersistenceMode: undefined,
      automaticTerminationMode: undefined,
      volumeConfiguration: undefined,
    }),
    "streamConfiguration.maxStoppedSessionLengthInMinutes",
    /sessionPersistenceMode is ACTIVATED/,
  ),
  bad(
    "stopped session length over four days",
    "nimble:LaunchProfile",
    profileStream({ maxStoppedSessionLengthInMinutes: 5761 }),
    "streamConfiguration.maxStoppedSessionLengthInMinutes",
    /<= 5760/,
  ),
  bad(
    "launch profile without studio components",
    "nimble:LaunchProfile",
    { studioComponentIds: undefined },
    "studioComponentIds",
    /is required/,
  ),
  bad(
    "clipboard mode that does not exist",
    "nimble:LaunchProfile",
    profileStream({ clipboardMode: "READ_ONLY" }),
    "streamConfiguration.clipboardMode",
    /must be one of ENABLED, DISABLED/,
  ),
  bad(
    "instance type Nimble does not offer",
    "nimble:LaunchProfile",
    profileStream({ ec2InstanceTypes: ["t3.micro"] }),
    "streamConfiguration.ec2InstanceTypes[0]",
    /must be one of/,
  ),
  bad(
    "volume under 100 GiB",
    "nimble:LaunchProfile",
    profileStream({ volumeConfiguration: { size: 50 } }),
    "streamConfiguration.volumeConfiguration.size",
    />= 100/,
  ),
  bad(
    "session length over 30 days",
    "nimble:LaunchProfile",
    profileStream({ maxSessionLengthInMinutes: 43201 }),
    "streamConfiguration.maxSessionLengthInMinutes",
    /<= 43200/,
  ),
  bad(
    "session instance type Nimble does not offer",
    "nimble:StreamingSession",
    { ec2InstanceType: "m5.large" },
    "ec2InstanceType",
    /must be one of/,
  ),
  bad(
    "session desired state RUNNING",
    "nimble:StreamingSession",
    { desiredState: "RUNNING" },
    "desiredState",
    /must be one of READY, STOPPED/,
  ),
  bad(
    "session volume retention KEEP",
    "nimble:StreamingSession",
    { volumeRetentionMode: "KEEP" },
    "volumeRetentionMode",
    /must be one of RETAIN, DELETE/,
  ),
  bad(
    "session delete behaviour that does not exist",
    "nimble:StreamingSession",
    { deleteBehaviour: "HIBERNATE" },
    "deleteBehaviour",
    /must be one of/,
  ),
  bad(
    "session without launch profile",
    "nimble:StreamingSession",
    { launchProfileId: undefined },
    "launchProfileId",
    /is required/,
  ),
  bad(
    "device without the device to adopt",
    "thinclient:Device",
    { adoptId: undefined },
    "adoptId",
    /adoptId is required/,
  ),
  bad(
    "device update schedule that does not exist",
    "thinclient:Device",
    { softwareSetUpdateSchedule: "NEVER" },
    "softwareSetUpdateSchedule",
    /must be one of/,
  ),
  bad(
    "device delete behaviour that does not exist",
    "thinclient:Device",
    { deleteBehaviour: "SHRED" },
    "deleteBehaviour",
    /must be one of/,
  ),
  bad("device name too long", "thinclient:Device", { name: long(65) }, "name", /at most 64 characters/),
  bad(
    "environment desktop that is not an ARN",
    "thinclient:Environment",
    { desktopArn: "my-desktop" },
    "desktopArn",
    /must match/,
  ),
  bad(
    "maintenance window starting at hour 24",
    "thinclient:Environment",
    window({ startTimeHour: 24 }),
    "maintenanceWindow.startTimeHour",
    /<= 23/,
  ),
  bad(
    "maintenance window starting at minute 60",
    "thinclient:Environment",
    window({ startTimeMinute: 60 }),
    "maintenanceWindow.startTimeMinute",
    /<= 59/,
  ),
  bad(
    "custom maintenance window without days",
    "thinclient:Environment",
    window({ daysOfTheWeek: undefined }),
    "maintenanceWindow",
    /daysOfTheWeek/,
  ),
  bad(
    "desired software set without USE_DESIRED",
    "thinclient:Environment",
    { softwareSetUpdateMode: "USE_LATEST", desiredSoftwareSetId: "softwareset-0001" },
    "desiredSoftwareSetId",
    /only allowed when softwareSetUpdateMode is USE_DESIRED/,
  ),
  bad(
    "USE_DESIRED without a desired software set",
    "thinclient:Environment",
    { softwareSetUpdateMode: "USE_DESIRED" },
    "desiredSoftwareSetId",
    /required when softwareSetUpdateMode is USE_DESIRED/,
  ),
  bad("KMS key that is not an ARN", "thinclient:Environment", { kmsKeyArn: "my-key" }, "kmsKeyArn", /must match/),
  bad(
    "desktop endpoint over plain HTTP",
    "thinclient:Environment",
    { desktopEndpoint: "http://desk.example" },
    "desktopEndpoint",
    /must match \^https/,
  ),
  bad(
    "environment with 51 device creation tags",
    "thinclient:Environment",
    { deviceCreationTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, "x"])) },
    "deviceCreationTags",
    /more than 50 properties/,
  ),
  bad(
    "validation status that does not exist",
    "thinclient:SoftwareSetValidation",
    { validationStatus: "APPROVED" },
    "validationStatus",
    /must be one of VALIDATED, NOT_VALIDATED/,
  ),
  bad(
    "validation without software set",
    "thinclient:SoftwareSetValidation",
    { softwareSetId: undefined },
    "softwareSetId",
    /is required/,
  ),
];
