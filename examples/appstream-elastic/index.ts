// An elastic fleet needs no image and no capacity planning: AppStream starts an instance per
// session and mounts the app block (a virtual hard disk in S3) that holds the applications.
import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const tools = new appstream.AppBlock("design-tools", {
  displayName: "Design tools",
  sourceS3Location: { s3Bucket: "euc-apps", s3Key: "blocks/design-tools.vhdx" },
  // A CUSTOM app block mounts its disk with a setup script of your own.
  setupScriptDetails: {
    scriptS3Location: { s3Bucket: "euc-apps", s3Key: "blocks/mount.ps1" },
    executablePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    executableParameters: "-ExecutionPolicy Bypass -File mount.ps1",
    timeoutInSeconds: 300,
  },
  tags: { team: "design" },
});

const sketch = new appstream.Application("sketch", {
  displayName: "Sketch pad",
  appBlockArn: pulumi.interpolate`${tools.arn}`,
  iconS3Location: { s3Bucket: "euc-apps", s3Key: "icons/sketch.png" },
  launchPath: "C:\\design-tools\\sketch.exe",
  workingDirectory: "C:\\design-tools",
  platforms: ["WINDOWS_SERVER_2019"],
  instanceFamilies: ["GENERAL_PURPOSE"],
});

const fleet = new appstream.Fleet("design-elastic", {
  fleetType: "ELASTIC",
  instanceType: "stream.standard.medium",
  platform: "WINDOWS_SERVER_2019",
  maxConcurrentSessions: 20,
  // Elastic fleets need subnets in at least two availability zones.
  vpcConfig: {
    subnetIds: ["subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0"],
    securityGroupIds: ["sg-0a0a0a0a0a0a0a0a0"],
  },
  sessionScriptS3Location: { s3Bucket: "euc-apps", s3Key: "scripts/session-scripts.zip" },
  usbDeviceFilterStrings: ["Wacom,056a,*,*,*,*,0,0"],
  maxUserDurationInSeconds: 28800,
  state: "RUNNING",
});
new appstream.ApplicationFleetAssociation("sketch-on-elastic", {
  fleetName: fleet.name,
  applicationArn: pulumi.interpolate`${sketch.arn}`,
});

const stack = new appstream.Stack("design-elastic", { displayName: "Design (elastic)" });
new appstream.FleetStackAssociation("design-elastic", { fleetName: fleet.name, stackName: stack.name });

// SAML users of the design department see only the applications associated with the entitlement.
const designers = new appstream.Entitlement("designers", {
  stackName: stack.name,
  description: "The design department",
  appVisibility: "ASSOCIATED",
  attributes: [{ name: "department", value: "design" }],
});
const entitled = new appstream.ApplicationEntitlementAssociation("designers-sketch", {
  stackName: stack.name,
  entitlementName: designers.name,
  applicationIdentifier: sketch.name,
});

// A user pool user signs in through the AppStream portal; the association entitles them to the stack.
const designer = new appstream.User("designer", {
  userName: "designer@example.com",
  authenticationType: "USERPOOL",
  firstName: "Dana",
  lastName: "Designer",
  messageAction: "SUPPRESS",
});
new appstream.UserStackAssociation("designer-design-elastic", {
  stackName: stack.name,
  userName: designer.userName,
  authenticationType: designer.authenticationType,
  sendEmailNotification: false,
});

export const fleetName = fleet.name;
export const stackName = stack.name;
export const appBlockState = tools.state;
export const applications = appstream
  .describeApplicationsOutput({ arns: [pulumi.interpolate`${sketch.arn}`] })
  .apply((apps) => apps.map((a) => a.displayName ?? a.name));
// Read once the association exists (its output makes the function wait for it).
export const entitledApplications = appstream.listEntitledApplicationsOutput({
  stackName: stack.name,
  entitlementName: entitled.entitlementName,
});
