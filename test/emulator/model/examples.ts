// One valid request per operation the endpoint serves, against a small world the suite builds
// first. An example may set up what it consumes (a throwaway fleet to delete) and may name a
// request for something that does not exist (the not-found check). Order matters within a service:
// examples run in the order listed.
import type { ServiceName } from "../../../emulator/model";

export interface World {
  /** Sends one operation through the real SDK client; returns its output. */
  call<T = Record<string, unknown>>(
    service: ServiceName,
    operation: string,
    input: Record<string, unknown>,
  ): Promise<T>;
  /** Lets `steps` transitional states elapse on the endpoint's clock. */
  advance(steps?: number): void;
  /** Changes a resource outside the API (the control API), for states no call can reach. */
  mutate(kind: string, id: string, patch: Record<string, unknown>): Promise<unknown>;
  ids: Record<string, string>;
}

export interface Example {
  operation: string;
  input(w: World): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The same request for an id that does not exist: answered with ResourceNotFoundException. */
  missing?: (w: World) => Record<string, unknown>;
}

const PUBLIC_IMAGE = "AppStream-WinServer2019-06-12-2024";
const fleet = (name: string) => ({
  Name: name,
  InstanceType: "stream.standard.medium",
  ImageName: PUBLIC_IMAGE,
  ComputeCapacity: { DesiredInstances: 1 },
});
const builder = (name: string) => ({ Name: name, InstanceType: "stream.standard.medium", ImageName: PUBLIC_IMAGE });
const studio = (name: string) => ({
  adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
  userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
  displayName: `Studio ${name}`,
  studioName: name,
});
export const streamConfiguration = {
  clipboardMode: "ENABLED",
  ec2InstanceTypes: ["g4dn.xlarge"],
  streamingImageIds: ["al2-workstation"],
  sessionPersistenceMode: "ACTIVATED",
  automaticTerminationMode: "DEACTIVATED",
  sessionBackup: { mode: "AUTOMATIC", maxBackupsToRetain: 5 },
  volumeConfiguration: { size: 500, iops: 3000, throughput: 125 },
  sessionStorage: { mode: ["UPLOAD"], root: { linux: "$HOME/uploads", windows: "%HOMEPATH%\\uploads" } },
};
export const profile = (studioId: string, componentId: string, name: string) => ({
  studioId,
  name,
  description: "Conformance profile",
  ec2SubnetIds: ["subnet-0123456789abcdef0"],
  launchProfileProtocolVersions: ["2021-03-31"],
  studioComponentIds: [componentId],
  streamConfiguration,
  tags: { team: "conformance" },
});

const s3 = (key: string) => ({ S3Bucket: "euc-apps", S3Key: key });
const script = (key: string) => ({
  ScriptS3Location: s3(key),
  ExecutablePath: "C:\\Windows\\System32\\cmd.exe",
  ExecutableParameters: "/c setup.cmd",
  TimeoutInSeconds: 300,
});
const elasticFleet = (name: string) => ({
  Name: name,
  InstanceType: "stream.standard.medium",
  FleetType: "ELASTIC",
  Platform: "WINDOWS_SERVER_2019",
  MaxConcurrentSessions: 5,
  VpcConfig: { SubnetIds: ["subnet-0a0a0a0a0a0a0a0a0", "subnet-0b0b0b0b0b0b0b0b0"] },
});
const application = (name: string, appBlockArn: string) => ({
  Name: name,
  AppBlockArn: appBlockArn,
  IconS3Location: s3("icons/notepad.png"),
  LaunchPath: "C:\\apps\\notepad++.exe",
  Platforms: ["WINDOWS_SERVER_2019"],
  InstanceFamilies: ["GENERAL_PURPOSE"],
});

/** App blocks, app block builders, applications and entitlements: what elastic fleets stream. */
const ELASTIC_EXAMPLES: Example[] = [
  {
    operation: "CreateAppBlock",
    input: () => ({
      Name: "cf-block",
      DisplayName: "Notepad++",
      SourceS3Location: s3("blocks/notepad.vhdx"),
      SetupScriptDetails: script("blocks/setup.cmd"),
      PackagingType: "CUSTOM",
      Tags: { team: "cf" },
    }),
  },
  {
    operation: "DescribeAppBlocks",
    input: async (w) => {
      const { AppBlocks } = await w.call<{ AppBlocks: { Arn: string }[] }>("appstream", "DescribeAppBlocks", {});
      w.ids.appBlockArn = AppBlocks[0].Arn;
      return { Arns: [w.ids.appBlockArn] };
    },
    missing: () => ({ Arns: ["arn:aws:appstream:us-east-1:123456789012:app-block/no-such-block"] }),
  },
  {
    operation: "CreateApplication",
    input: (w) => {
      return {
        ...application("cf-app", w.ids.appBlockArn),
        DisplayName: "Notepad++",
        WorkingDirectory: "C:\\apps",
        LaunchParameters: "-multiInst",
        Tags: { team: "cf" },
      };
    },
  },
  {
    operation: "DescribeApplications",
    input: async (w) => {
      const { Applications } = await w.call<{ Applications: { Arn: string }[] }>(
        "appstream",
        "DescribeApplications",
        {},
      );
      w.ids.applicationArn = Applications[0].Arn;
      return { Arns: [w.ids.applicationArn] };
    },
    missing: () => ({ Arns: ["arn:aws:appstream:us-east-1:123456789012:application/no-such-app"] }),
  },
  {
    operation: "UpdateApplication",
    input: () => ({ Name: "cf-app", DisplayName: "Notepad++ 8", AttributesToDelete: ["LAUNCH_PARAMETERS"] }),
  },
  {
    operation: "AssociateApplicationFleet",
    input: async (w) => {
      await w.call("appstream", "CreateFleet", elasticFleet("cf-elastic"));
      return { FleetName: "cf-elastic", ApplicationArn: w.ids.applicationArn };
    },
  },
  { operation: "DescribeApplicationFleetAssociations", input: () => ({ FleetName: "cf-elastic" }) },
  {
    operation: "DisassociateApplicationFleet",
    input: (w) => ({ FleetName: "cf-elastic", ApplicationArn: w.ids.applicationArn }),
  },
  {
    operation: "DeleteApplication",
    input: async (w) => {
      await w.call("appstream", "CreateApplication", application("cf-doomed-app", w.ids.appBlockArn));
      return { Name: "cf-doomed-app" };
    },
  },
  {
    operation: "CreateAppBlockBuilder",
    input: () => ({
      Name: "cf-abb",
      DisplayName: "Packaging",
      Platform: "WINDOWS_SERVER_2019",
      InstanceType: "stream.standard.large",
      VpcConfig: { SubnetIds: ["subnet-0a0a0a0a0a0a0a0a0"], SecurityGroupIds: ["sg-0a0a0a0a0a0a0a0a0"] },
      EnableDefaultInternetAccess: false,
      Tags: { team: "cf" },
    }),
  },
  {
    operation: "DescribeAppBlockBuilders",
    input: () => ({ Names: ["cf-abb"] }),
    missing: () => ({ Names: ["no-such-builder"] }),
  },
  {
    operation: "UpdateAppBlockBuilder",
    input: () => ({
      Name: "cf-abb",
      Description: "Packages the design apps",
      AttributesToDelete: ["VPC_CONFIGURATION_SECURITY_GROUP_IDS"],
    }),
  },
  {
    operation: "AssociateAppBlockBuilderAppBlock",
    input: async (w) => {
      const { AppBlock } = await w.call<{ AppBlock: { Arn: string } }>("appstream", "CreateAppBlock", {
        Name: "cf-packaged",
        SourceS3Location: s3("blocks/packaged.vhdx"),
        PackagingType: "APPSTREAM2",
      });
      w.ids.packagedArn = AppBlock.Arn;
      return { AppBlockBuilderName: "cf-abb", AppBlockArn: AppBlock.Arn };
    },
  },
  { operation: "DescribeAppBlockBuilderAppBlockAssociations", input: () => ({ AppBlockBuilderName: "cf-abb" }) },
  { operation: "StartAppBlockBuilder", input: () => ({ Name: "cf-abb" }) },
  { operation: "StopAppBlockBuilder", input: (w) => (w.advance(), { Name: "cf-abb" }) },
  {
    operation: "DisassociateAppBlockBuilderAppBlock",
    input: (w) => (w.advance(), { AppBlockBuilderName: "cf-abb", AppBlockArn: w.ids.packagedArn }),
  },
  { operation: "DeleteAppBlockBuilder", input: () => ({ Name: "cf-abb" }) },
  { operation: "DeleteAppBlock", input: () => ({ Name: "cf-packaged" }) },
  {
    operation: "CreateEntitlement",
    input: () => ({
      Name: "cf-ent",
      StackName: "cf-stack",
      Description: "Designers",
      AppVisibility: "ASSOCIATED",
      Attributes: [{ Name: "department", Value: "design" }],
    }),
  },
  {
    operation: "DescribeEntitlements",
    input: () => ({ StackName: "cf-stack", Name: "cf-ent" }),
    missing: () => ({ StackName: "no-such-stack" }),
  },
  { operation: "UpdateEntitlement", input: () => ({ StackName: "cf-stack", Name: "cf-ent", AppVisibility: "ALL" }) },
  {
    operation: "AssociateApplicationToEntitlement",
    input: () => ({ StackName: "cf-stack", EntitlementName: "cf-ent", ApplicationIdentifier: "cf-app" }),
  },
  { operation: "ListEntitledApplications", input: () => ({ StackName: "cf-stack", EntitlementName: "cf-ent" }) },
  {
    operation: "DisassociateApplicationFromEntitlement",
    input: () => ({ StackName: "cf-stack", EntitlementName: "cf-ent", ApplicationIdentifier: "cf-app" }),
  },
  { operation: "DeleteEntitlement", input: () => ({ StackName: "cf-stack", Name: "cf-ent" }) },
];

/** Builds the world the examples refer to; ids land in w.ids. */
export async function buildWorld(w: World): Promise<void> {
  const a = <T>(op: string, input: Record<string, unknown>) => w.call<T>("appstream", op, input);
  await a("CreateStack", { Name: "cf-stack", DisplayName: "Conformance" });
  const { Fleet } = await a<{ Fleet: { Arn: string } }>("CreateFleet", fleet("cf-fleet"));
  w.ids.fleetArn = Fleet.Arn;
  await a("AssociateFleet", { FleetName: "cf-fleet", StackName: "cf-stack" });
  await a("CreateImageBuilder", builder("cf-builder"));

  const n = <T>(op: string, input: Record<string, unknown>) => w.call<T>("nimble", op, input);
  const { studio: s } = await n<{ studio: { studioId: string; arn: string } }>("CreateStudio", studio("conformance"));
  w.ids.studioId = s.studioId;
  w.ids.studioArn = s.arn;
  w.advance();
  const { studioComponents } = await n<{ studioComponents: Array<{ studioComponentId: string }> }>(
    "ListStudioComponents",
    { studioId: s.studioId },
  );
  w.ids.componentId = studioComponents[0].studioComponentId;
  const { launchProfile } = await n<{ launchProfile: { launchProfileId: string } }>(
    "CreateLaunchProfile",
    profile(s.studioId, w.ids.componentId, "cf-profile"),
  );
  w.ids.launchProfileId = launchProfile.launchProfileId;
  w.advance();
  const { session } = await n<{ session: { sessionId: string } }>("CreateStreamingSession", {
    studioId: s.studioId,
    launchProfileId: launchProfile.launchProfileId,
  });
  w.ids.sessionId = session.sessionId;
  const { session: stopped } = await n<{ session: { sessionId: string } }>("CreateStreamingSession", {
    studioId: s.studioId,
    launchProfileId: launchProfile.launchProfileId,
  });
  w.ids.stoppedSessionId = stopped.sessionId;
  w.advance();
  await n("StopStreamingSession", { studioId: s.studioId, sessionId: stopped.sessionId });
  w.advance(2);

  const { environment } = await w.call<{ environment: { id: string; arn: string } }>(
    "thinclient",
    "CreateEnvironment",
    {
      name: "conformance",
      desktopArn: "arn:aws:appstream:us-east-1:123456789012:stack/cf-stack",
      tags: { team: "conformance" },
    },
  );
  w.ids.environmentId = environment.id;
  w.ids.environmentArn = environment.arn;
  w.advance(2);
}

const userPoolUser = { UserName: "cf-user@example.com", AuthenticationType: "USERPOOL" };
const directoryAndUserExamples: Example[] = [
  {
    operation: "CreateDirectoryConfig",
    input: () => ({
      DirectoryName: "corp.example.com",
      OrganizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
      ServiceAccountCredentials: { AccountName: "CORP\\appstream-join", AccountPassword: "conformance-Passw0rd" },
      CertificateBasedAuthProperties: {
        Status: "ENABLED",
        CertificateAuthorityArn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d",
      },
    }),
  },
  {
    operation: "DescribeDirectoryConfigs",
    input: () => ({ DirectoryNames: ["corp.example.com"] }),
    missing: () => ({ DirectoryNames: ["no-such.example.com"] }),
  },
  {
    operation: "UpdateDirectoryConfig",
    input: () => ({
      DirectoryName: "corp.example.com",
      OrganizationalUnitDistinguishedNames: ["OU=Streaming,DC=corp,DC=example,DC=com"],
    }),
  },
  { operation: "DeleteDirectoryConfig", input: () => ({ DirectoryName: "corp.example.com" }) },
  {
    operation: "CreateUser",
    input: () => ({ ...userPoolUser, FirstName: "Conformance", LastName: "User", MessageAction: "SUPPRESS" }),
  },
  { operation: "DescribeUsers", input: () => ({ AuthenticationType: "USERPOOL" }) },
  {
    operation: "DisableUser",
    input: () => userPoolUser,
    missing: () => ({ UserName: "nobody@example.com", AuthenticationType: "USERPOOL" }),
  },
  {
    operation: "EnableUser",
    input: () => userPoolUser,
    missing: () => ({ UserName: "nobody@example.com", AuthenticationType: "USERPOOL" }),
  },
  {
    operation: "BatchAssociateUserStack",
    input: () => ({
      UserStackAssociations: [{ ...userPoolUser, StackName: "cf-stack", SendEmailNotification: false }],
    }),
  },
  { operation: "DescribeUserStackAssociations", input: () => ({ StackName: "cf-stack", MaxResults: 10 }) },
  {
    operation: "BatchDisassociateUserStack",
    input: () => ({ UserStackAssociations: [{ ...userPoolUser, StackName: "cf-stack" }] }),
  },
  {
    operation: "DeleteUser",
    input: () => userPoolUser,
    missing: () => ({ UserName: "nobody@example.com", AuthenticationType: "USERPOOL" }),
  },
];

export const EXAMPLES: Record<ServiceName, Example[]> = {
  appstream: [
    {
      operation: "DescribeFleets",
      input: () => ({ Names: ["cf-fleet"] }),
      missing: () => ({ Names: ["no-such-fleet"] }),
    },
    {
      operation: "CreateFleet",
      input: () => ({
        ...fleet("cf-fleet-2"),
        DisplayName: "Second",
        Description: "Another fleet",
        Tags: { team: "cf" },
      }),
    },
    {
      operation: "UpdateFleet",
      input: () => ({ Name: "cf-fleet-2", DisplayName: "Second, renamed", ComputeCapacity: { DesiredInstances: 2 } }),
    },
    { operation: "StartFleet", input: () => ({ Name: "cf-fleet-2" }) },
    { operation: "StopFleet", input: (w) => (w.advance(), { Name: "cf-fleet-2" }) },
    {
      operation: "DeleteFleet",
      input: async (w) => {
        await w.call("appstream", "CreateFleet", fleet("cf-doomed-fleet"));
        return { Name: "cf-doomed-fleet" };
      },
    },
    {
      operation: "DescribeImageBuilders",
      input: () => ({ Names: ["cf-builder"] }),
      missing: () => ({ Names: ["no-such-builder"] }),
    },
    {
      operation: "CreateImageBuilder",
      input: () => ({ ...builder("cf-builder-2"), DisplayName: "Second builder", Tags: { team: "cf" } }),
    },
    { operation: "StopImageBuilder", input: (w) => (w.advance(), { Name: "cf-builder" }) },
    { operation: "StartImageBuilder", input: (w) => (w.advance(), { Name: "cf-builder" }) },
    {
      operation: "CreateImageBuilderStreamingURL",
      input: (w) => (w.advance(), { Name: "cf-builder", Validity: 3600 }),
    },
    { operation: "DeleteImageBuilder", input: () => ({ Name: "cf-builder-2" }) },
    {
      operation: "DescribeImages",
      input: () => ({ Names: [PUBLIC_IMAGE], MaxResults: 10 }),
      missing: () => ({ Names: ["no-such-image"] }),
    },
    { operation: "DeleteImage", input: () => ({ Name: "euc-base-image" }) },
    {
      operation: "DescribeStacks",
      input: () => ({ Names: ["cf-stack"] }),
      missing: () => ({ Names: ["no-such-stack"] }),
    },
    {
      operation: "CreateStack",
      input: () => ({
        Name: "cf-stack-2",
        DisplayName: "Second stack",
        Description: "Another stack",
        StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }],
        UserSettings: [{ Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED" }],
        ApplicationSettings: { Enabled: true, SettingsGroup: "cf" },
        AccessEndpoints: [{ EndpointType: "STREAMING", VpceId: "vpce-0123456789abcdef0" }],
        EmbedHostDomains: ["example.com"],
        RedirectURL: "https://example.com/bye",
        FeedbackURL: "https://example.com/feedback",
        Tags: { team: "cf" },
      }),
    },
    { operation: "UpdateStack", input: () => ({ Name: "cf-stack-2", Description: "Updated" }) },
    { operation: "AssociateFleet", input: () => ({ FleetName: "cf-fleet-2", StackName: "cf-stack-2" }) },
    { operation: "ListAssociatedStacks", input: () => ({ FleetName: "cf-fleet" }) },
    { operation: "ListAssociatedFleets", input: () => ({ StackName: "cf-stack" }) },
    { operation: "DisassociateFleet", input: () => ({ FleetName: "cf-fleet-2", StackName: "cf-stack-2" }) },
    { operation: "DeleteStack", input: () => ({ Name: "cf-stack-2" }) },
    { operation: "DescribeSessions", input: () => ({ StackName: "cf-stack", FleetName: "cf-fleet", Limit: 10 }) },
    { operation: "TagResource", input: (w) => ({ ResourceArn: w.ids.fleetArn, Tags: { owner: "conformance" } }) },
    { operation: "ListTagsForResource", input: (w) => ({ ResourceArn: w.ids.fleetArn }) },
    { operation: "UntagResource", input: (w) => ({ ResourceArn: w.ids.fleetArn, TagKeys: ["owner"] }) },
    ...directoryAndUserExamples,
    ...ELASTIC_EXAMPLES,
  ],
  nimble: [
    {
      operation: "GetStudio",
      input: (w) => ({ studioId: w.ids.studioId }),
      missing: () => ({ studioId: "st-missing" }),
    },
    { operation: "ListStudios", input: () => ({}) },
    {
      operation: "CreateStudio",
      input: () => ({
        ...studio("conformance2"),
        studioEncryptionConfiguration: { keyType: "AWS_OWNED_KEY" },
        tags: { team: "cf" },
      }),
    },
    {
      operation: "UpdateStudio",
      input: (w) => (w.advance(), { studioId: w.ids.studioId, displayName: "Renamed studio" }),
    },
    {
      operation: "StartStudioSSOConfigurationRepair",
      input: async (w) => {
        // Only a studio whose IAM Identity Center configuration is broken can be repaired.
        w.advance();
        const { studio: broken } = await w.call<{ studio: { studioId: string } }>(
          "nimble",
          "CreateStudio",
          studio("brokensso"),
        );
        w.advance();
        await w.mutate("nimble:Studio", broken.studioId, { statusCode: "AWS_SSO_NOT_ENABLED" });
        return { studioId: broken.studioId };
      },
    },
    { operation: "ListStreamingImages", input: (w) => ({ studioId: w.ids.studioId }) },
    {
      operation: "GetStreamingImage",
      input: (w) => ({ studioId: w.ids.studioId, streamingImageId: "al2-workstation" }),
      missing: (w) => ({ studioId: w.ids.studioId, streamingImageId: "no-such-image" }),
    },
    {
      operation: "ListStudioComponents",
      input: (w) => ({ studioId: w.ids.studioId, maxResults: 10, states: ["READY"], types: ["SHARED_FILE_SYSTEM"] }),
    },
    {
      operation: "GetStudioComponent",
      input: (w) => ({ studioId: w.ids.studioId, studioComponentId: w.ids.componentId }),
      missing: (w) => ({ studioId: w.ids.studioId, studioComponentId: "sc-missing" }),
    },
    {
      operation: "GetLaunchProfile",
      input: (w) => ({ studioId: w.ids.studioId, launchProfileId: w.ids.launchProfileId }),
      missing: (w) => ({ studioId: w.ids.studioId, launchProfileId: "lp-missing" }),
    },
    {
      operation: "GetLaunchProfileDetails",
      input: (w) => ({ studioId: w.ids.studioId, launchProfileId: w.ids.launchProfileId }),
      missing: (w) => ({ studioId: w.ids.studioId, launchProfileId: "lp-missing" }),
    },
    {
      operation: "ListLaunchProfiles",
      input: (w) => ({ studioId: w.ids.studioId, maxResults: 10, states: ["READY"] }),
    },
    { operation: "CreateLaunchProfile", input: (w) => profile(w.ids.studioId, w.ids.componentId, "cf-profile-2") },
    {
      operation: "UpdateLaunchProfile",
      input: async (w) => {
        w.advance();
        const { launchProfiles } = await w.call<{ launchProfiles: Array<{ name: string; launchProfileId: string }> }>(
          "nimble",
          "ListLaunchProfiles",
          { studioId: w.ids.studioId },
        );
        w.ids.secondProfileId =
          launchProfiles.find((p) => p.name === "cf-profile-2")?.launchProfileId ?? "(none named cf-profile-2)";
        return { studioId: w.ids.studioId, launchProfileId: w.ids.secondProfileId, description: "Updated" };
      },
    },
    {
      operation: "DeleteLaunchProfile",
      input: (w) => (w.advance(), { studioId: w.ids.studioId, launchProfileId: w.ids.secondProfileId }),
    },
    {
      operation: "GetStreamingSession",
      input: (w) => ({ studioId: w.ids.studioId, sessionId: w.ids.sessionId }),
      missing: (w) => ({ studioId: w.ids.studioId, sessionId: "ss-missing" }),
    },
    { operation: "ListStreamingSessions", input: (w) => ({ studioId: w.ids.studioId }) },
    {
      operation: "CreateStreamingSession",
      input: (w) => ({
        studioId: w.ids.studioId,
        launchProfileId: w.ids.launchProfileId,
        ec2InstanceType: "g4dn.xlarge",
        streamingImageId: "al2-workstation",
        tags: { team: "cf" },
      }),
    },
    {
      operation: "CreateStreamingSessionStream",
      input: (w) => ({ studioId: w.ids.studioId, sessionId: w.ids.sessionId, expirationInSeconds: 600 }),
    },
    {
      operation: "GetStreamingSessionStream",
      input: async (w) => {
        const { stream } = await w.call<{ stream: { streamId: string } }>("nimble", "CreateStreamingSessionStream", {
          studioId: w.ids.studioId,
          sessionId: w.ids.sessionId,
        });
        w.advance();
        return { studioId: w.ids.studioId, sessionId: w.ids.sessionId, streamId: stream.streamId };
      },
      missing: (w) => ({ studioId: w.ids.studioId, sessionId: w.ids.sessionId, streamId: "str-missing" }),
    },
    { operation: "ListStreamingSessionBackups", input: (w) => ({ studioId: w.ids.studioId }) },
    {
      operation: "GetStreamingSessionBackup",
      input: async (w) => {
        const { streamingSessionBackups } = await w.call<{ streamingSessionBackups: Array<{ backupId: string }> }>(
          "nimble",
          "ListStreamingSessionBackups",
          { studioId: w.ids.studioId },
        );
        w.ids.backupId = streamingSessionBackups[0].backupId;
        return { studioId: w.ids.studioId, backupId: w.ids.backupId };
      },
      missing: (w) => ({ studioId: w.ids.studioId, backupId: "bk-missing" }),
    },
    {
      operation: "StopStreamingSession",
      input: (w) => ({ studioId: w.ids.studioId, sessionId: w.ids.sessionId, volumeRetentionMode: "RETAIN" }),
    },
    {
      operation: "StartStreamingSession",
      input: (w) => (
        w.advance(2),
        { studioId: w.ids.studioId, sessionId: w.ids.stoppedSessionId, backupId: w.ids.backupId }
      ),
    },
    {
      operation: "DeleteStreamingSession",
      input: (w) => (w.advance(), { studioId: w.ids.studioId, sessionId: w.ids.sessionId }),
    },
    { operation: "TagResource", input: (w) => ({ resourceArn: w.ids.studioArn, tags: { owner: "conformance" } }) },
    { operation: "ListTagsForResource", input: (w) => ({ resourceArn: w.ids.studioArn }) },
    { operation: "UntagResource", input: (w) => ({ resourceArn: w.ids.studioArn, tagKeys: ["owner"] }) },
    { operation: "DeleteStudio", input: (w) => (w.advance(), { studioId: w.ids.studioId }) },
  ],
  thinclient: [
    {
      operation: "GetEnvironment",
      input: (w) => ({ id: w.ids.environmentId }),
      missing: () => ({ id: "envmissing0" }),
    },
    { operation: "ListEnvironments", input: () => ({ maxResults: 10 }) },
    {
      operation: "CreateEnvironment",
      input: () => ({
        name: "second",
        desktopArn: "arn:aws:appstream:us-east-1:123456789012:stack/cf-stack",
        desktopEndpoint: "https://idp.example.com",
        softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
        maintenanceWindow: {
          type: "CUSTOM",
          startTimeHour: 1,
          startTimeMinute: 0,
          endTimeHour: 3,
          endTimeMinute: 30,
          daysOfTheWeek: ["SUNDAY"],
          applyTimeOf: "DEVICE",
        },
        softwareSetUpdateMode: "USE_DESIRED",
        desiredSoftwareSetId: "softwareset-0003",
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab",
        deviceCreationTags: { site: "hq" },
        tags: { team: "cf" },
        clientToken: "conformance-create-environment",
      }),
    },
    {
      operation: "UpdateEnvironment",
      input: (w) => ({ id: w.ids.environmentId, name: "renamed", softwareSetUpdateSchedule: "APPLY_IMMEDIATELY" }),
    },
    {
      operation: "GetDevice",
      input: () => ({ id: "tcdevice0000000000000001" }),
      missing: () => ({ id: "tcdevice0000000000009999" }),
    },
    { operation: "ListDevices", input: () => ({ maxResults: 10 }) },
    {
      operation: "UpdateDevice",
      input: () => ({
        id: "tcdevice0000000000000001",
        name: "front desk",
        softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
        desiredSoftwareSetId: "softwareset-0002",
      }),
    },
    {
      operation: "DeregisterDevice",
      input: () => ({
        id: "tcdevice0000000000000002",
        targetDeviceStatus: "DEREGISTERED",
        clientToken: "conformance-deregister",
      }),
    },
    { operation: "DeleteDevice", input: (w) => (w.advance(), { id: "tcdevice0000000000000002" }) },
    {
      operation: "GetSoftwareSet",
      input: () => ({ id: "softwareset-0001" }),
      missing: () => ({ id: "softwareset-9999" }),
    },
    { operation: "ListSoftwareSets", input: () => ({ maxResults: 10 }) },
    { operation: "UpdateSoftwareSet", input: () => ({ id: "softwareset-0001", validationStatus: "VALIDATED" }) },
    { operation: "TagResource", input: (w) => ({ resourceArn: w.ids.environmentArn, tags: { owner: "conformance" } }) },
    { operation: "ListTagsForResource", input: (w) => ({ resourceArn: w.ids.environmentArn }) },
    { operation: "UntagResource", input: (w) => ({ resourceArn: w.ids.environmentArn, tagKeys: ["owner"] }) },
    { operation: "DeleteEnvironment", input: (w) => ({ id: w.ids.environmentId }) },
  ],
};
