// One case per paginator of an operation the endpoint serves: it makes more items than one page
// holds (through the API where the API can create them; streaming images, backups and extra
// studio components are AWS-made, so those are put into the world directly), then the suite pages
// through with the paginator's tokens and compares what came back with what exists.
import type { ResourceRecord } from "../../../emulator/core/types";
import type { ServiceName } from "../../../emulator/model";
import { profile, type World } from "./examples";

export interface PaginationWorld extends World {
  /** Puts a record into the endpoint's world (for resources no API call creates). */
  put(record: ResourceRecord): void;
  list(kind: string): ResourceRecord[];
  emulator: { url: string };
}

export interface PaginationCase {
  operation: string;
  prepare(w: PaginationWorld): Promise<{ input: Record<string, unknown>; expected: string[] }>;
  /** The identifying member of one listed item (or the item itself, in a list of names). */
  key(item: Record<string, string>): string;
}

/** More than the endpoint's page when a request names no page size (AppStream 50, Nimble 100). */
const APPSTREAM_PAGE = 50;
const NIMBLE_PAGE = 100;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const pad = (i: number) => String(i).padStart(3, "0");
const fleet = (name: string) => ({
  Name: name,
  InstanceType: "stream.standard.medium",
  ImageName: "AppStream-WinServer2019-06-12-2024",
  ComputeCapacity: { DesiredInstances: 1 },
});

async function manyFleetsAndStacks(w: PaginationWorld): Promise<void> {
  if (w.ids.appstreamReady) return;
  for (const i of range(APPSTREAM_PAGE + 1)) {
    await w.call("appstream", "CreateFleet", fleet(`pf-${pad(i)}`));
    await w.call("appstream", "CreateStack", { Name: `ps-${pad(i)}` });
    await w.call("appstream", "AssociateFleet", { FleetName: "pf-000", StackName: `ps-${pad(i)}` });
    if (i > 0) await w.call("appstream", "AssociateFleet", { FleetName: `pf-${pad(i)}`, StackName: "ps-000" });
  }
  w.ids.appstreamReady = "yes";
}

async function nimbleStudio(w: PaginationWorld): Promise<string> {
  if (w.ids.studioId) return w.ids.studioId;
  const { studio } = await w.call<{ studio: { studioId: string } }>("nimble", "CreateStudio", {
    adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
    userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
    displayName: "Paging",
    studioName: "paging",
  });
  w.advance();
  const { studioComponents } = await w.call<{ studioComponents: Array<{ studioComponentId: string }> }>(
    "nimble",
    "ListStudioComponents",
    { studioId: studio.studioId },
  );
  w.ids.componentId = studioComponents[0].studioComponentId;
  const { launchProfile } = await w.call<{ launchProfile: { launchProfileId: string } }>(
    "nimble",
    "CreateLaunchProfile",
    profile(studio.studioId, w.ids.componentId, "paging-1"),
  );
  await w.call("nimble", "CreateLaunchProfile", profile(studio.studioId, w.ids.componentId, "paging-2"));
  w.ids.launchProfileId = launchProfile.launchProfileId;
  w.advance();
  return (w.ids.studioId = studio.studioId);
}

/** A copy of an existing record under another id (and its id member), in the same parent. */
function copies(
  w: PaginationWorld,
  kind: string,
  idMember: string,
  template: ResourceRecord,
  count: number,
  prefix: string,
): void {
  for (const i of range(count)) {
    const id = `${prefix}${pad(i)}`;
    w.put({
      ...structuredClone(template),
      id,
      attributes: {
        ...structuredClone(template.attributes),
        [idMember]: id,
        arn: `${String(template.attributes.arn)}-${id}`,
      },
    });
  }
}

export const PAGINATED: Record<ServiceName, PaginationCase[]> = {
  appstream: [
    {
      operation: "DescribeDirectoryConfigs",
      prepare: async (w) => {
        const names = ["a", "b", "c"].map((x) => `${x}.pages.example.com`);
        for (const name of names)
          await w.call("appstream", "CreateDirectoryConfig", {
            DirectoryName: name,
            OrganizationalUnitDistinguishedNames: ["OU=A,DC=example,DC=com"],
          });
        return { input: { MaxResults: 1 }, expected: w.list("appstream:DirectoryConfig").map((r) => r.id) };
      },
      key: (d) => d.DirectoryName,
    },
    {
      operation: "DescribeUsers",
      prepare: async (w) => {
        for (const i of range(3))
          await w.call("appstream", "CreateUser", {
            UserName: `pu-${pad(i)}@example.com`,
            AuthenticationType: "USERPOOL",
            MessageAction: "SUPPRESS",
          });
        return {
          input: { AuthenticationType: "USERPOOL", MaxResults: 1 },
          expected: w.list("appstream:User").map((r) => r.id),
        };
      },
      key: (u) => u.UserName,
    },
    {
      operation: "DescribeUserStackAssociations",
      prepare: async (w) => {
        await w.call("appstream", "CreateStack", { Name: "pus-stack" });
        for (const i of range(3))
          await w.call("appstream", "CreateUser", {
            UserName: `pus-${pad(i)}@example.com`,
            AuthenticationType: "USERPOOL",
            MessageAction: "SUPPRESS",
          });
        const associations = range(3).map((i) => ({
          StackName: "pus-stack",
          UserName: `pus-${pad(i)}@example.com`,
          AuthenticationType: "USERPOOL",
        }));
        await w.call("appstream", "BatchAssociateUserStack", { UserStackAssociations: associations });
        return { input: { StackName: "pus-stack", MaxResults: 1 }, expected: associations.map((a) => a.UserName) };
      },
      key: (a) => a.UserName,
    },
    {
      operation: "DescribeFleets",
      prepare: async (w) => (
        await manyFleetsAndStacks(w),
        { input: {}, expected: w.list("appstream:Fleet").map((r) => r.id) }
      ),
      key: (f) => f.Name,
    },
    {
      operation: "DescribeStacks",
      prepare: async (w) => (
        await manyFleetsAndStacks(w),
        { input: {}, expected: w.list("appstream:Stack").map((r) => r.id) }
      ),
      key: (s) => s.Name,
    },
    {
      operation: "ListAssociatedStacks",
      prepare: async (w) => (
        await manyFleetsAndStacks(w),
        { input: { FleetName: "pf-000" }, expected: range(APPSTREAM_PAGE + 1).map((i) => `ps-${pad(i)}`) }
      ),
      key: (name: unknown) => String(name),
    },
    {
      operation: "ListAssociatedFleets",
      prepare: async (w) => (
        await manyFleetsAndStacks(w),
        { input: { StackName: "ps-000" }, expected: range(APPSTREAM_PAGE + 1).map((i) => `pf-${pad(i)}`) }
      ),
      key: (name: unknown) => String(name),
    },
    {
      operation: "DescribeImageBuilders",
      prepare: async (w) => {
        for (const name of ["pb-1", "pb-2", "pb-3"])
          await w.call("appstream", "CreateImageBuilder", {
            Name: name,
            InstanceType: "stream.standard.medium",
            ImageName: "AppStream-WinServer2019-06-12-2024",
          });
        return { input: { MaxResults: 1 }, expected: ["pb-1", "pb-2", "pb-3"] };
      },
      key: (b) => b.Name,
    },
    {
      operation: "DescribeImages",
      prepare: async (w) => ({ input: { MaxResults: 1 }, expected: w.list("appstream:Image").map((r) => r.id) }),
      key: (i) => i.Name,
    },
    {
      operation: "DescribeSessions",
      prepare: async (w) => {
        await manyFleetsAndStacks(w);
        const res = await fetch(`${w.emulator.url}/_emulator/sessions`, {
          method: "POST",
          body: JSON.stringify({ StackName: "ps-000", FleetName: "pf-000", count: 5 }),
        });
        const { sessions } = (await res.json()) as { sessions: Array<{ Id: string }> };
        return { input: { StackName: "ps-000", FleetName: "pf-000", Limit: 2 }, expected: sessions.map((s) => s.Id) };
      },
      key: (s) => s.Id,
    },
  ],
  nimble: [
    {
      operation: "ListStudios",
      prepare: async (w) => {
        await nimbleStudio(w);
        for (const i of range(NIMBLE_PAGE)) {
          await w.call("nimble", "CreateStudio", {
            adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
            userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
            displayName: `Paging ${i}`,
            studioName: `paging${pad(i)}`,
          });
        }
        return { input: {}, expected: w.list("nimble:Studio").map((r) => r.id) };
      },
      key: (s) => s.studioId,
    },
    {
      operation: "ListLaunchProfiles",
      prepare: async (w) => {
        const studioId = await nimbleStudio(w);
        return {
          input: { studioId, maxResults: 1 },
          expected: w
            .list("nimble:LaunchProfile")
            .filter((r) => r.parentId === studioId)
            .map((r) => r.id),
        };
      },
      key: (p) => p.launchProfileId,
    },
    {
      operation: "ListStudioComponents",
      prepare: async (w) => {
        const studioId = await nimbleStudio(w);
        const template = w.list("nimble:StudioComponent").find((r) => r.parentId === studioId)!;
        copies(w, "nimble:StudioComponent", "studioComponentId", template, 2, "sc-page");
        return {
          input: { studioId, maxResults: 1 },
          expected: w
            .list("nimble:StudioComponent")
            .filter((r) => r.parentId === studioId)
            .map((r) => r.id),
        };
      },
      key: (c) => c.studioComponentId,
    },
    {
      operation: "ListStreamingImages",
      prepare: async (w) => {
        const studioId = await nimbleStudio(w);
        const template = { ...w.list("nimble:StreamingImage")[0], parentId: studioId };
        copies(w, "nimble:StreamingImage", "streamingImageId", template, NIMBLE_PAGE, "image-page-");
        return { input: { studioId }, expected: w.list("nimble:StreamingImage").map((r) => r.id) };
      },
      key: (i) => i.streamingImageId,
    },
    {
      operation: "ListStreamingSessions",
      prepare: async (w) => {
        const studioId = await nimbleStudio(w);
        for (const _ of range(NIMBLE_PAGE + 1))
          await w.call("nimble", "CreateStreamingSession", { studioId, launchProfileId: w.ids.launchProfileId });
        return {
          input: { studioId },
          expected: w
            .list("nimble:StreamingSession")
            .filter((r) => r.parentId === studioId)
            .map((r) => r.id),
        };
      },
      key: (s) => s.sessionId,
    },
    {
      operation: "ListStreamingSessionBackups",
      prepare: async (w) => {
        const studioId = await nimbleStudio(w);
        const session = w.list("nimble:StreamingSession").find((r) => r.parentId === studioId)!;
        const template: ResourceRecord = {
          kind: "nimble:StreamingSessionBackup",
          id: "bk-template",
          parentId: studioId,
          attributes: {
            arn: "arn:aws:nimble:us-east-1:123456789012:streaming-session-backup/bk",
            backupId: "bk-template",
            createdAt: new Date(0).toISOString(),
            launchProfileId: session.attributes.launchProfileId,
            ownedBy: session.attributes.ownedBy,
            sessionId: session.id,
            state: "READY",
            statusCode: "STREAMING_SESSION_READY",
            statusMessage: "",
            tags: {},
          },
        };
        copies(w, "nimble:StreamingSessionBackup", "backupId", template, NIMBLE_PAGE + 1, "bk-page-");
        return {
          input: { studioId },
          expected: w
            .list("nimble:StreamingSessionBackup")
            .filter((r) => r.parentId === studioId)
            .map((r) => r.id),
        };
      },
      key: (b) => b.backupId,
    },
  ],
  thinclient: [
    {
      operation: "ListEnvironments",
      prepare: async (w) => {
        for (const i of range(3))
          await w.call("thinclient", "CreateEnvironment", {
            name: `paging ${i}`,
            desktopArn: "arn:aws:workspaces:us-east-1:123456789012:directory/d-0123456789",
          });
        return { input: { maxResults: 1 }, expected: w.list("thinclient:Environment").map((r) => r.id) };
      },
      key: (e) => e.id,
    },
    {
      operation: "ListDevices",
      prepare: async (w) => ({ input: { maxResults: 1 }, expected: w.list("thinclient:Device").map((r) => r.id) }),
      key: (d) => d.id,
    },
    {
      operation: "ListSoftwareSets",
      prepare: async (w) => ({ input: { maxResults: 1 }, expected: w.list("thinclient:SoftwareSet").map((r) => r.id) }),
      key: (s) => s.id,
    },
  ],
};
