// Invalid programs of the elastic-fleet types (app blocks, app block builders, applications, their fleet and entitlement
// associations, entitlements, ELASTIC and multi-session fleets): each breaks exactly one rule of the
// model or of the AppStream 2.0 API Reference. Previewed with the real CLI by test/e2e/bad-input.test.ts.
import { merge, type BadInput } from "./bad-inputs";

const s3 = (key: string) => ({ s3Bucket: "euc-apps", s3Key: key });
const appBlockArn = "arn:aws:appstream:us-west-2:123456789012:app-block/tools";

/** Valid inputs of every type here: each case changes one thing. */
export const elasticValidInputs: Record<string, Record<string, unknown>> = {
  "appstream:AppBlock": {
    sourceS3Location: s3("blocks/tools.vhdx"),
    setupScriptDetails: {
      scriptS3Location: s3("blocks/setup.ps1"),
      executablePath: "C:\\Windows\\System32\\cmd.exe",
      timeoutInSeconds: 300,
    },
  },
  "appstream:Application": {
    appBlockArn,
    iconS3Location: s3("icons/notepad.png"),
    launchPath: "C:\\apps\\notepad.exe",
    platforms: ["WINDOWS_SERVER_2019"],
    instanceFamilies: ["GENERAL_PURPOSE"],
  },
  "appstream:ApplicationFleetAssociation": {
    fleetName: "elastic",
    applicationArn: "arn:aws:appstream:us-west-2:123456789012:application/notepad",
  },
  "appstream:Entitlement": {
    stackName: "design",
    appVisibility: "ASSOCIATED",
    attributes: [{ name: "department", value: "design" }],
  },
  "appstream:ApplicationEntitlementAssociation": {
    stackName: "design",
    entitlementName: "designers",
    applicationIdentifier: "notepad",
  },
  "appstream:AppBlockBuilder": {
    platform: "WINDOWS_SERVER_2019",
    instanceType: "stream.standard.medium",
    vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] },
    appBlockArns: [appBlockArn],
    state: "RUNNING",
  },
  "appstream:Fleet": {
    fleetType: "ELASTIC",
    instanceType: "stream.standard.medium",
    platform: "WINDOWS_SERVER_2019",
    maxConcurrentSessions: 10,
    vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0"] },
  },
};

function bad(name: string, type: string, change: Record<string, unknown>, property: string, rule: RegExp): BadInput {
  return { name, type, args: merge(elasticValidInputs[type], change), property, rule };
}

const appstream2 = { packagingType: "APPSTREAM2", setupScriptDetails: undefined };
const postSetup = { scriptS3Location: s3("blocks/post.ps1"), executablePath: "C:\\post.cmd", timeoutInSeconds: 60 };

export const elasticBadInputs: BadInput[] = [
  bad(
    "CUSTOM app block without a setup script",
    "appstream:AppBlock",
    { setupScriptDetails: undefined },
    "setupScriptDetails",
    /required for the CUSTOM packaging type/,
  ),
  bad(
    "APPSTREAM2 app block with a setup script",
    "appstream:AppBlock",
    { packagingType: "APPSTREAM2" },
    "setupScriptDetails",
    /not allowed for the APPSTREAM2 packaging type/,
  ),
  bad(
    "CUSTOM app block with a post-setup script",
    "appstream:AppBlock",
    { postSetupScriptDetails: postSetup },
    "postSetupScriptDetails",
    /only be provided for the APPSTREAM2 packaging type/,
  ),
  bad(
    "app block packaging type that does not exist",
    "appstream:AppBlock",
    { ...appstream2, packagingType: "MSIX" },
    "packagingType",
    /must be one of CUSTOM, APPSTREAM2/,
  ),
  bad(
    "app block bucket with capitals",
    "appstream:AppBlock",
    { sourceS3Location: { s3Bucket: "EUC-Apps" } },
    "sourceS3Location.s3Bucket",
    /must match/,
  ),
  bad(
    "app block bucket of two characters",
    "appstream:AppBlock",
    { sourceS3Location: { s3Bucket: "ab" } },
    "sourceS3Location.s3Bucket",
    /at least 3 characters/,
  ),
  bad(
    "app block setup script without a timeout",
    "appstream:AppBlock",
    { setupScriptDetails: { timeoutInSeconds: undefined } },
    "setupScriptDetails.timeoutInSeconds",
    /is required/,
  ),
  bad(
    "app block without its source",
    "appstream:AppBlock",
    { sourceS3Location: undefined },
    "sourceS3Location",
    /is required/,
  ),
  bad(
    "app block builder on a platform builders do not run",
    "appstream:AppBlockBuilder",
    { platform: "WINDOWS_SERVER_2022" },
    "platform",
    /must be one of WINDOWS_SERVER_2019/,
  ),
  bad(
    "app block builder instance type that is not a stream type",
    "appstream:AppBlockBuilder",
    { instanceType: "m5.large" },
    "instanceType",
    /must match/,
  ),
  bad(
    "app block builder without a network",
    "appstream:AppBlockBuilder",
    { vpcConfig: undefined },
    "vpcConfig",
    /is required/,
  ),
  bad(
    "app block builder in no subnet",
    "appstream:AppBlockBuilder",
    { vpcConfig: { subnetIds: [] } },
    "vpcConfig.subnetIds",
    /at least 1 items/,
  ),
  bad(
    "app block builder display name too long",
    "appstream:AppBlockBuilder",
    { displayName: "x".repeat(101) },
    "displayName",
    /at most 100 characters/,
  ),
  bad(
    "app block builder RUNNING with no app block",
    "appstream:AppBlockBuilder",
    { appBlockArns: undefined },
    "appBlockArns",
    /starts only with an app block associated/,
  ),
  bad(
    "application on five platforms",
    "appstream:Application",
    { platforms: ["WINDOWS", "WINDOWS_SERVER_2016", "WINDOWS_SERVER_2019", "WINDOWS_SERVER_2022", "WINDOWS_11"] },
    "platforms",
    /at most 4 items/,
  ),
  bad(
    "application on a platform that does not exist",
    "appstream:Application",
    { platforms: ["MACOS"] },
    "platforms[0]",
    /must be one of/,
  ),
  bad(
    "application with no instance family",
    "appstream:Application",
    { instanceFamilies: [] },
    "instanceFamilies",
    /at least 1 items/,
  ),
  bad(
    "application in something that is not an app block",
    "appstream:Application",
    { appBlockArn: "arn:aws:appstream:us-west-2:123456789012:fleet/elastic" },
    "appBlockArn",
    /must match/,
  ),
  bad(
    "application without a launch path",
    "appstream:Application",
    { launchPath: undefined },
    "launchPath",
    /is required/,
  ),
  bad(
    "application with empty launch parameters",
    "appstream:Application",
    { launchParameters: "" },
    "launchParameters",
    /at least 1 characters/,
  ),
  bad(
    "application display name too long",
    "appstream:Application",
    { displayName: "x".repeat(101) },
    "displayName",
    /at most 100 characters/,
  ),
  bad(
    "fleet association with a fleet ARN for the application",
    "appstream:ApplicationFleetAssociation",
    { applicationArn: "arn:aws:appstream:us-west-2:123456789012:fleet/elastic" },
    "applicationArn",
    /must match/,
  ),
  bad(
    "fleet association with a fleet name with a space",
    "appstream:ApplicationFleetAssociation",
    { fleetName: "my fleet" },
    "fleetName",
    /must match/,
  ),
  bad(
    "entitlement on a SAML attribute AppStream does not match",
    "appstream:Entitlement",
    { attributes: [{ name: "email", value: "a@example.com" }] },
    "attributes[0].name",
    /must be one of/,
  ),
  bad("entitlement with no attributes", "appstream:Entitlement", { attributes: [] }, "attributes", /at least 1 items/),
  bad(
    "entitlement attribute without a value",
    "appstream:Entitlement",
    { attributes: [{ name: "roles" }] },
    "attributes[0].value",
    /is required/,
  ),
  bad(
    "entitlement visibility SOME",
    "appstream:Entitlement",
    { appVisibility: "SOME" },
    "appVisibility",
    /must be one of ALL, ASSOCIATED/,
  ),
  bad(
    "entitlement description too long",
    "appstream:Entitlement",
    { description: "x".repeat(257) },
    "description",
    /at most 256 characters/,
  ),
  bad(
    "entitled application identifier with a slash",
    "appstream:ApplicationEntitlementAssociation",
    { applicationIdentifier: "apps/notepad" },
    "applicationIdentifier",
    /must match/,
  ),
  bad(
    "entitlement association without the entitlement",
    "appstream:ApplicationEntitlementAssociation",
    { entitlementName: undefined },
    "entitlementName",
    /is required/,
  ),
  bad(
    "ELASTIC fleet with a compute capacity",
    "appstream:Fleet",
    { computeCapacity: { desiredInstances: 2 } },
    "computeCapacity",
    /not allowed for ELASTIC fleets/,
  ),
  bad(
    "ELASTIC fleet without maxConcurrentSessions",
    "appstream:Fleet",
    { maxConcurrentSessions: undefined },
    "maxConcurrentSessions",
    /required when fleetType is ELASTIC/,
  ),
  bad(
    "ELASTIC fleet in one subnet",
    "appstream:Fleet",
    { vpcConfig: { subnetIds: ["subnet-0a0a0a0a0a0a0a0a0"] } },
    "vpcConfig.subnetIds",
    /at least two subnets/,
  ),
  bad("ELASTIC fleet without a platform", "appstream:Fleet", { platform: undefined }, "platform", /needs platform/),
  bad(
    "ELASTIC fleet with an image",
    "appstream:Fleet",
    { imageName: "AppStream-WinServer2019-06-12-2024" },
    "imageName",
    /takes no imageName or imageArn/,
  ),
  bad(
    "ELASTIC fleet with sessions per instance",
    "appstream:Fleet",
    { maxSessionsPerInstance: 2 },
    "maxSessionsPerInstance",
    /not allowed for ELASTIC fleets/,
  ),
  bad(
    "ELASTIC fleet with no concurrent session",
    "appstream:Fleet",
    { maxConcurrentSessions: 0 },
    "maxConcurrentSessions",
    />= 1/,
  ),
  bad(
    "fleet USB filter that is not a filter string",
    "appstream:Fleet",
    { usbDeviceFilterStrings: ["*:*"] },
    "usbDeviceFilterStrings[0]",
    /must match/,
  ),
  bad(
    "ON_DEMAND fleet with a session script",
    "appstream:Fleet",
    {
      fleetType: "ON_DEMAND",
      imageName: "AppStream-WinServer2019-06-12-2024",
      computeCapacity: { desiredInstances: 1 },
      maxConcurrentSessions: undefined,
      sessionScriptS3Location: s3("session.zip"),
    },
    "computeCapacity",
    /sessionScriptS3Location are not allowed, unless fleetType is ELASTIC/,
  ),
  bad(
    "multi-session fleet sized in instances",
    "appstream:Fleet",
    {
      fleetType: "ALWAYS_ON",
      imageName: "AppStream-WinServer2019-06-12-2024",
      maxConcurrentSessions: undefined,
      maxSessionsPerInstance: 4,
      computeCapacity: { desiredInstances: 2 },
    },
    "computeCapacity.desiredSessions",
    /takes computeCapacity.desiredSessions/,
  ),
];
