import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

// Each resource is switched on by config, so one test file per type deploys only what it needs.
const config = new pulumi.Config();
type Platform = "WINDOWS_SERVER_2019" | "WINDOWS_SERVER_2022" | "AMAZON_LINUX2";
type FleetState = "RUNNING" | "STOPPED";
const json = <T>(key: string): T | undefined => config.getObject<T>(key);

const block = new appstream.AppBlock("tools", {
  displayName: "Design tools",
  sourceS3Location: { s3Bucket: "euc-apps", s3Key: config.get("blockKey") ?? "blocks/tools.vhdx" },
  setupScriptDetails: {
    scriptS3Location: { s3Bucket: "euc-apps", s3Key: "blocks/setup.ps1" },
    executablePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    executableParameters: "-File setup.ps1",
    timeoutInSeconds: 300,
  },
  tags: json<Record<string, string>>("blockTags") ?? { team: "design" },
});

const applications = new Map(
  (json<string[]>("applications") ?? []).map((app) => [
    app,
    new appstream.Application(app, {
      appBlockArn: pulumi.interpolate`${block.arn}`,
      displayName: config.get(`${app}DisplayName`) ?? app,
      iconS3Location: { s3Bucket: "euc-apps", s3Key: `icons/${app}.png` },
      launchPath: `C:\\apps\\${app}.exe`,
      launchParameters: config.get(`${app}LaunchParameters`),
      workingDirectory: "C:\\apps",
      platforms: json<Platform[]>(`${app}Platforms`) ?? ["WINDOWS_SERVER_2019"],
      instanceFamilies: ["GENERAL_PURPOSE"],
    }),
  ]),
);
const application = (app: string): appstream.Application => {
  const found = applications.get(app);
  if (!found) throw new Error(`no application ${app} in config "applications"`);
  return found;
};

const fleet = config.getBoolean("withFleet")
  ? new appstream.Fleet("elastic", {
      fleetType: "ELASTIC",
      instanceType: "stream.standard.medium",
      platform: config.get<Platform>("fleetPlatform") ?? "WINDOWS_SERVER_2019",
      maxConcurrentSessions: config.getNumber("maxConcurrentSessions") ?? 10,
      vpcConfig: {
        subnetIds: ["subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0"],
        securityGroupIds: ["sg-0a0a0a0a0a0a0a0a0"],
      },
      usbDeviceFilterStrings: json<string[]>("usbFilters"),
      sessionScriptS3Location: config.getBoolean("withSessionScript")
        ? { s3Bucket: "euc-apps", s3Key: "scripts/session.zip" }
        : undefined,
      displayName: config.get("fleetDisplayName") ?? "Elastic design fleet",
      state: config.get<FleetState>("fleetState"),
    })
  : undefined;

const fleetApp = config.get("fleetApplication");
if (fleet && fleetApp)
  new appstream.ApplicationFleetAssociation("fleet-app", {
    fleetName: fleet.name,
    applicationArn: pulumi.interpolate`${application(fleetApp).arn}`,
  });

const stack = config.getBoolean("withEntitlement")
  ? new appstream.Stack("design", { displayName: "Design" })
  : undefined;
const entitlement = stack
  ? new appstream.Entitlement("designers", {
      name: config.get("entitlementName"),
      stackName: stack.name,
      description: config.get("entitlementDescription"),
      appVisibility: config.get<"ALL" | "ASSOCIATED">("appVisibility") ?? "ASSOCIATED",
      attributes: json<Array<{ name: "roles" | "department" | "groups"; value: string }>>("entitlementAttributes") ?? [
        { name: "department", value: "design" },
      ],
    })
  : undefined;

const entitledApp = config.get("entitledApplication");
if (stack && entitlement && entitledApp) {
  new appstream.ApplicationEntitlementAssociation("entitled", {
    stackName: stack.name,
    entitlementName: entitlement.name,
    applicationIdentifier: application(entitledApp).name,
  });
}

export const appBlockName = block.name;
export const appBlockArn = block.arn;
export const applicationNames = [...applications.values()].map((a) => a.name);
export const fleetName = fleet?.name;
export const fleetState = fleet?.currentState;
export const stackName = stack?.name;
export const entitlementName = entitlement?.name;
