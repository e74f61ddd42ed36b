// AppStream 2.0 joined to an Active Directory domain: the directory config (its service account's
// password a secret from config), a fleet and an image builder that join the domain, a stack with
// home folders, persistent application settings and a private access endpoint, and user pool users
// entitled to the stack. Run against the local endpoint or real AWS.
//
//   pulumi config set --secret joinPassword '<the service account password>'
import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "corp.example.com";
const computersOu = config.get("computersOu") ?? "OU=AppStream,OU=Computers,DC=corp,DC=example,DC=com";

const directory = new appstream.DirectoryConfig("corp", {
  directoryName: domain,
  organizationalUnitDistinguishedNames: [computersOu],
  serviceAccountCredentials: config.requireSecret("joinPassword").apply((accountPassword) => ({
    accountName: config.get("joinAccount") ?? "CORP\\appstream-join",
    accountPassword,
  })),
});

// Taken from directory.directoryName (not the plain string), so the fleet and the builder wait for the config.
const domainJoinInfo = directory.directoryName.apply((directoryName) => ({
  directoryName,
  organizationalUnitDistinguishedName: computersOu,
}));
const network = { subnetIds: ["subnet-0a1b2c3d4e5f60718"], securityGroupIds: ["sg-0a1b2c3d4e5f60718"] };

const fleet = new appstream.Fleet("office", {
  imageName: "AppStream-WinServer2022-06-12-2024",
  instanceType: "stream.standard.medium",
  computeCapacity: { desiredInstances: 2 },
  vpcConfig: network,
  domainJoinInfo,
  state: config.get("fleetState") === "STOPPED" ? "STOPPED" : "RUNNING",
});

new appstream.ImageBuilder("office-packaging", {
  imageName: "AppStream-WinServer2022-06-12-2024",
  instanceType: "stream.standard.large",
  vpcConfig: { subnetIds: network.subnetIds, securityGroupIds: network.securityGroupIds },
  domainJoinInfo,
  state: "STOPPED",
});

const stack = new appstream.Stack("office", {
  displayName: "Office applications",
  storageConnectors: [{ connectorType: "HOMEFOLDERS" }],
  applicationSettings: { enabled: true, settingsGroup: "office" },
  streamingExperienceSettings: { preferredProtocol: "UDP" },
  userSettings: [
    { action: "DOMAIN_PASSWORD_SIGNIN", permission: "ENABLED" },
    { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
  ],
});

new appstream.FleetStackAssociation("office", { fleetName: fleet.name, stackName: stack.name });

// Contractors without a domain account sign in through the user pool.
const entitlements = (config.getObject<string[]>("contractors") ?? ["contractor@example.com"]).map((email) => {
  const user = new appstream.User(email, {
    userName: email,
    authenticationType: "USERPOOL",
    messageAction: "SUPPRESS",
  });
  return new appstream.UserStackAssociation(email, {
    stackName: stack.name,
    userName: user.userName,
    authenticationType: user.authenticationType,
    sendEmailNotification: true,
  });
});

export const stackName = stack.name;
export const fleetName = fleet.name;
export const directories = appstream.describeDirectoryConfigsOutput({
  directoryNames: directory.directoryName.apply((name) => [name]),
});
// Read once the associations exist: the stack's name taken through them.
const entitledStack = pulumi.all([stack.name, ...entitlements.map((e) => e.id)]).apply(([name]) => name);
export const entitled = appstream
  .describeUserStackAssociationsOutput({ stackName: entitledStack })
  .apply((associations) => associations.map((a) => a.userName));
