// Every AppStream operation the emulator serves, driven through the unmodified SDK client: responses
// deserialize into the documented shapes, errors into the SDK's modeled exception classes.
import {
  AppStreamServiceException,
  AssociateFleetCommand,
  CreateDirectoryConfigCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateImageBuilderStreamingURLCommand,
  CreateStackCommand,
  DeleteFleetCommand,
  DeleteImageBuilderCommand,
  DeleteImageCommand,
  DeleteStackCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  DescribeSessionsCommand,
  DescribeStacksCommand,
  DisassociateFleetCommand,
  InvalidParameterCombinationException,
  ListAssociatedFleetsCommand,
  ListAssociatedStacksCommand,
  ListTagsForResourceCommand,
  OperationNotPermittedException,
  paginateDescribeImages,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  StartFleetCommand,
  StartImageBuilderCommand,
  StopFleetCommand,
  StopImageBuilderCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFleetCommand,
  UpdateStackCommand,
  waitUntilFleetStarted,
} from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fleetInput, PRIVATE_IMAGE, PUBLIC_IMAGE, startAppStream, type AppStreamHarness } from "./support";

let h: AppStreamHarness;

beforeAll(async () => {
  h = await startAppStream({ transitionMs: 0 });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.control.reset());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

describe("fleets", () => {
  it("CreateFleet returns the documented Fleet shape, STOPPED, with epoch timestamps parsed to Date", async () => {
    const { Fleet } = await h.client.send(
      new CreateFleetCommand({
        ...fleetInput("fleet-a"),
        DisplayName: "Fleet A",
        Description: "first",
        VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
        MaxUserDurationInSeconds: 3600,
        DisconnectTimeoutInSeconds: 120,
        Tags: { team: "euc" },
      }),
    );
    expect(Fleet).toMatchObject({
      Arn: "arn:aws:appstream:us-east-1:123456789012:fleet/fleet-a",
      Name: "fleet-a",
      DisplayName: "Fleet A",
      Description: "first",
      ImageName: PUBLIC_IMAGE,
      InstanceType: "stream.standard.medium",
      FleetType: "ON_DEMAND",
      State: "STOPPED",
      ComputeCapacityStatus: { Desired: 2, Running: 0, InUse: 0, Available: 0 },
      MaxUserDurationInSeconds: 3600,
      DisconnectTimeoutInSeconds: 120,
      VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
      EnableDefaultInternetAccess: false,
    });
    expect(Fleet?.CreatedTime).toBeInstanceOf(Date);
    expect(Fleet?.ImageArn).toMatch(/^arn:aws:appstream:us-east-1::image\//);
  });

  it("DescribeFleets lists in creation order and pages with opaque tokens", async () => {
    for (let i = 0; i < 55; i++)
      await h.client.send(new CreateFleetCommand(fleetInput(`f-${String(i).padStart(2, "0")}`)));
    const first = await h.client.send(new DescribeFleetsCommand({}));
    expect(first.Fleets).toHaveLength(50);
    expect(first.NextToken).toBeTypeOf("string");
    const second = await h.client.send(new DescribeFleetsCommand({ NextToken: first.NextToken }));
    expect(second.Fleets?.map((f) => f.Name)).toEqual(["f-50", "f-51", "f-52", "f-53", "f-54"]);
    expect(second.NextToken).toBeUndefined();
    const named = await h.client.send(new DescribeFleetsCommand({ Names: ["f-03", "f-01"] }));
    expect(named.Fleets?.map((f) => f.Name)).toEqual(["f-03", "f-01"]);
  });

  // DescribeFleets and DescribeStacks model no validation error: the common ValidationException.
  it("rejects an unknown or foreign NextToken with ValidationException", async () => {
    const err = await rejection(h.client.send(new DescribeFleetsCommand({ NextToken: "not-a-token" })));
    expect(err).toMatchObject({ name: "ValidationException" });
    for (let i = 0; i < 30; i++) await h.client.send(new CreateStackCommand({ Name: `s-${i}` }));
    const images = await h.client.send(new DescribeImagesCommand({ MaxResults: 1 }));
    const foreign = await rejection(h.client.send(new DescribeStacksCommand({ NextToken: images.NextToken })));
    expect(foreign).toMatchObject({ name: "ValidationException" });
  });

  it("validates required fields, enums, ranges and formats", async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ["missing Name", { ...fleetInput("x"), Name: undefined }],
      ["missing InstanceType", { ...fleetInput("x"), InstanceType: undefined }],
      ["bad InstanceType", { ...fleetInput("x"), InstanceType: "m5.large" }],
      ["bad FleetType", { ...fleetInput("x"), FleetType: "SOMETIMES" }],
      ["missing ComputeCapacity", { ...fleetInput("x"), ComputeCapacity: undefined }],
      ["MaxUserDuration too small", { ...fleetInput("x"), MaxUserDurationInSeconds: 599 }],
      ["MaxUserDuration too large", { ...fleetInput("x"), MaxUserDurationInSeconds: 432001 }],
      ["DisconnectTimeout too large", { ...fleetInput("x"), DisconnectTimeoutInSeconds: 36001 }],
      ["IdleDisconnectTimeout in the gap", { ...fleetInput("x"), IdleDisconnectTimeoutInSeconds: 30 }],
      ["both image name and ARN", { ...fleetInput("x"), ImageArn: "arn:aws:appstream:us-east-1::image/x" }],
      ["invalid name", { ...fleetInput("x"), Name: "-bad name" }],
      ["Elastic with ComputeCapacity", { ...fleetInput("x"), FleetType: "ELASTIC" }],
    ];
    for (const [label, input] of cases) {
      const err = await rejection(h.client.send(new CreateFleetCommand(input as never)));
      expect(err, label).toBeInstanceOf(InvalidParameterCombinationException);
      expect((err as AppStreamServiceException).$metadata.httpStatusCode, label).toBe(400);
    }
    // The boundaries themselves are valid.
    await h.client.send(
      new CreateFleetCommand({
        ...fleetInput("edge"),
        MaxUserDurationInSeconds: 432000,
        DisconnectTimeoutInSeconds: 60,
      }),
    );
  });

  it("enforces name uniqueness and unknown images", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("dup")));
    expect(await rejection(h.client.send(new CreateFleetCommand(fleetInput("dup"))))).toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    expect(
      await rejection(h.client.send(new CreateFleetCommand({ ...fleetInput("y"), ImageName: "no-such-image" }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    expect(await rejection(h.client.send(new DescribeFleetsCommand({ Names: ["nope"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("creates an Elastic fleet with MaxConcurrentSessions and two subnets", async () => {
    const { Fleet } = await h.client.send(
      new CreateFleetCommand({
        Name: "elastic",
        FleetType: "ELASTIC",
        InstanceType: "stream.standard.small",
        Platform: "WINDOWS_SERVER_2019",
        MaxConcurrentSessions: 5,
        VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
      }),
    );
    expect(Fleet).toMatchObject({ FleetType: "ELASTIC", MaxConcurrentSessions: 5, Platform: "WINDOWS_SERVER_2019" });
  });

  it("UpdateFleet changes a STOPPED fleet and deletes attributes through AttributesToDelete", async () => {
    await h.client.send(
      new CreateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
      }),
    );
    await h.client.send(
      new CreateFleetCommand({
        ...fleetInput("upd"),
        VpcConfig: { SubnetIds: ["subnet-1"], SecurityGroupIds: ["sg-1"] },
        DomainJoinInfo: { DirectoryName: "corp.example.com" },
      }),
    );
    const { Fleet } = await h.client.send(
      new UpdateFleetCommand({
        Name: "upd",
        InstanceType: "stream.compute.large",
        ImageName: PRIVATE_IMAGE,
        AttributesToDelete: ["VPC_CONFIGURATION_SECURITY_GROUP_IDS", "DOMAIN_JOIN_INFO"],
      }),
    );
    expect(Fleet).toMatchObject({
      InstanceType: "stream.compute.large",
      ImageName: PRIVATE_IMAGE,
      VpcConfig: { SubnetIds: ["subnet-1"] },
    });
    expect(Fleet?.VpcConfig?.SecurityGroupIds).toBeUndefined();
    expect(Fleet?.DomainJoinInfo).toBeUndefined();
    const again = await h.client.send(
      new UpdateFleetCommand({ Name: "upd", AttributesToDelete: ["VPC_CONFIGURATION"] }),
    );
    expect(again.Fleet?.VpcConfig).toBeUndefined();
    const contradictory = await rejection(
      h.client.send(
        new UpdateFleetCommand({
          Name: "upd",
          VpcConfig: { SubnetIds: ["s"] },
          AttributesToDelete: ["VPC_CONFIGURATION"],
        }),
      ),
    );
    expect(contradictory).toBeInstanceOf(InvalidParameterCombinationException);
    const badEnum = await rejection(
      h.client.send(new UpdateFleetCommand({ Name: "upd", AttributesToDelete: ["EVERYTHING" as never] })),
    );
    expect(badEnum).toBeInstanceOf(InvalidParameterCombinationException);
    expect(await rejection(h.client.send(new UpdateFleetCommand({ Name: "ghost", DisplayName: "x" })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("Start, Stop and Delete answer with empty outputs; the waiter sees RUNNING", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("life")));
    const started = await h.client.send(new StartFleetCommand({ Name: "life" }));
    expect(started.$metadata.httpStatusCode).toBe(200);
    const waited = await waitUntilFleetStarted({ client: h.client, maxWaitTime: 5, minDelay: 1 }, { Names: ["life"] });
    expect(waited.state).toBe("SUCCESS");
    await h.client.send(new StopFleetCommand({ Name: "life" }));
    await h.client.send(new DeleteFleetCommand({ Name: "life" }));
    expect(await rejection(h.client.send(new DescribeFleetsCommand({ Names: ["life"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe("image builders", () => {
  it("CreateImageBuilder returns PENDING with the image's ARN and platform; Describe pages", async () => {
    const { ImageBuilder } = await h.client.send(
      new CreateImageBuilderCommand({
        Name: "ib-1",
        InstanceType: "stream.standard.large",
        ImageName: PUBLIC_IMAGE,
        VpcConfig: { SubnetIds: ["subnet-1"] },
        Description: "builder",
      }),
    );
    expect(ImageBuilder).toMatchObject({
      Name: "ib-1",
      Arn: "arn:aws:appstream:us-east-1:123456789012:image-builder/ib-1",
      State: "PENDING",
      Platform: "WINDOWS_SERVER_2019",
      InstanceType: "stream.standard.large",
    });
    expect(ImageBuilder?.ImageArn).toContain(PUBLIC_IMAGE);
    expect(ImageBuilder?.NetworkAccessConfiguration?.EniPrivateIpAddress).toMatch(/^10\.0\./);
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib-2", InstanceType: "stream.standard.large", ImageName: PRIVATE_IMAGE }),
    );
    const page1 = await h.client.send(new DescribeImageBuildersCommand({ MaxResults: 1 }));
    expect(page1.ImageBuilders?.map((b) => b.Name)).toEqual(["ib-1"]);
    const page2 = await h.client.send(new DescribeImageBuildersCommand({ MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.ImageBuilders?.map((b) => b.Name)).toEqual(["ib-2"]);
    expect(page2.ImageBuilders?.[0].State).toBe("RUNNING");
  });

  it("validates and rejects conflicts", async () => {
    const missing = await rejection(
      h.client.send(new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large" })),
    );
    expect(missing).toBeInstanceOf(InvalidParameterCombinationException);
    const twoSubnets = await rejection(
      h.client.send(
        new CreateImageBuilderCommand({
          Name: "ib",
          InstanceType: "stream.standard.large",
          ImageName: PUBLIC_IMAGE,
          VpcConfig: { SubnetIds: ["a", "b"] },
        }),
      ),
    );
    expect(twoSubnets).toBeInstanceOf(InvalidParameterCombinationException);
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    const dup = await rejection(
      h.client.send(
        new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
      ),
    );
    expect(dup).toBeInstanceOf(ResourceAlreadyExistsException);
  });

  it("Start/Stop/Delete return the builder; the streaming URL needs RUNNING and expires after Validity", async () => {
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PUBLIC_IMAGE }),
    );
    const url = await h.client.send(new CreateImageBuilderStreamingURLCommand({ Name: "ib", Validity: 600 }));
    expect(url.StreamingURL).toMatch(/^https:\/\//);
    expect(url.Expires).toBeInstanceOf(Date);
    expect(url.Expires!.getTime()).toBe(Math.floor(h.clock.now() / 1000) * 1000 + 600_000);
    const stopped = await h.client.send(new StopImageBuilderCommand({ Name: "ib" }));
    expect(stopped.ImageBuilder?.State).toBe("STOPPING");
    const refused = await rejection(h.client.send(new CreateImageBuilderStreamingURLCommand({ Name: "ib" })));
    expect(refused).toBeInstanceOf(OperationNotPermittedException);
    const started = await h.client.send(new StartImageBuilderCommand({ Name: "ib" }));
    expect(started.ImageBuilder?.State).toBe("PENDING");
    const deleted = await h.client.send(new DeleteImageBuilderCommand({ Name: "ib" }));
    expect(deleted.ImageBuilder?.State).toBe("DELETING");
    expect(await rejection(h.client.send(new DescribeImageBuildersCommand({ Names: ["ib"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe("images", () => {
  it("DescribeImages serves the pre-seeded public and private images and the SDK paginator walks them", async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeImages({ client: h.client, pageSize: 1 }, {})) {
      names.push(...(page.Images ?? []).map((i) => i.Name!));
    }
    expect(names).toContain(PUBLIC_IMAGE);
    expect(names).toContain(PRIVATE_IMAGE);
    const priv = await h.client.send(new DescribeImagesCommand({ Type: "PRIVATE" }));
    expect(priv.Images?.map((i) => i.Name)).toEqual([PRIVATE_IMAGE]);
    expect(priv.Images?.[0]).toMatchObject({ State: "AVAILABLE", Visibility: "PRIVATE", ImageBuilderSupported: true });
    expect(priv.Images?.[0].CreatedTime).toBeInstanceOf(Date);
    const bad = await rejection(h.client.send(new DescribeImagesCommand({ Type: "SOMETIMES" as never })));
    expect(bad).toBeInstanceOf(InvalidParameterCombinationException);
  });

  it("DeleteImage refuses while a fleet or image builder uses the image, and public images", async () => {
    await h.client.send(new CreateFleetCommand({ ...fleetInput("user"), ImageName: PRIVATE_IMAGE }));
    expect(await rejection(h.client.send(new DeleteImageCommand({ Name: PRIVATE_IMAGE })))).toBeInstanceOf(
      ResourceInUseException,
    );
    await h.client.send(new DeleteFleetCommand({ Name: "user" }));
    await h.client.send(
      new CreateImageBuilderCommand({ Name: "ib", InstanceType: "stream.standard.large", ImageName: PRIVATE_IMAGE }),
    );
    expect(await rejection(h.client.send(new DeleteImageCommand({ Name: PRIVATE_IMAGE })))).toBeInstanceOf(
      ResourceInUseException,
    );
    await h.client.send(new DeleteImageBuilderCommand({ Name: "ib" }));
    expect(await rejection(h.client.send(new DeleteImageCommand({ Name: PUBLIC_IMAGE })))).toBeInstanceOf(
      OperationNotPermittedException,
    );
    const { Image } = await h.client.send(new DeleteImageCommand({ Name: PRIVATE_IMAGE }));
    expect(Image).toMatchObject({ Name: PRIVATE_IMAGE, State: "DELETING" });
    expect(await rejection(h.client.send(new DescribeImagesCommand({ Names: [PRIVATE_IMAGE] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(await rejection(h.client.send(new DeleteImageCommand({ Name: PRIVATE_IMAGE })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe("stacks and associations", () => {
  it("CreateStack/DescribeStacks/UpdateStack/DeleteStack", async () => {
    const { Stack } = await h.client.send(
      new CreateStackCommand({
        Name: "stack-a",
        DisplayName: "Stack A",
        StorageConnectors: [
          { ConnectorType: "HOMEFOLDERS" },
          { ConnectorType: "GOOGLE_DRIVE", Domains: ["example.com"] },
        ],
        UserSettings: [{ Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "DISABLED" }],
        ApplicationSettings: { Enabled: true, SettingsGroup: "grp" },
        RedirectURL: "https://example.com/bye",
        StreamingExperienceSettings: { PreferredProtocol: "UDP" },
      }),
    );
    expect(Stack).toMatchObject({
      Name: "stack-a",
      Arn: "arn:aws:appstream:us-east-1:123456789012:stack/stack-a",
      DisplayName: "Stack A",
    });
    expect(Stack?.ApplicationSettings?.S3BucketName).toBeTypeOf("string");
    expect(Stack?.CreatedTime).toBeInstanceOf(Date);
    const updated = await h.client.send(
      new UpdateStackCommand({
        Name: "stack-a",
        Description: "d",
        AttributesToDelete: ["STORAGE_CONNECTOR_GOOGLE_DRIVE", "REDIRECT_URL"],
      }),
    );
    expect(updated.Stack?.StorageConnectors?.map((c) => c.ConnectorType)).toEqual(["HOMEFOLDERS"]);
    expect(updated.Stack?.RedirectURL).toBeUndefined();
    expect(updated.Stack?.Description).toBe("d");
    const described = await h.client.send(new DescribeStacksCommand({ Names: ["stack-a"] }));
    expect(described.Stacks?.[0]).toEqual(updated.Stack);
    expect(await rejection(h.client.send(new CreateStackCommand({ Name: "stack-a" })))).toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    const badEnum = await rejection(
      h.client.send(
        new CreateStackCommand({ Name: "b", UserSettings: [{ Action: "TELEPORT" as never, Permission: "ENABLED" }] }),
      ),
    );
    expect(badEnum).toBeInstanceOf(InvalidParameterCombinationException);
    await h.client.send(new DeleteStackCommand({ Name: "stack-a" }));
    expect(await rejection(h.client.send(new DescribeStacksCommand({ Names: ["stack-a"] })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("associations gate DeleteFleet and DeleteStack and are listed both ways", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new CreateStackCommand({ Name: "s1" }));
    await h.client.send(new CreateStackCommand({ Name: "s2" }));
    await h.client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s1" }));
    await h.client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s2" }));
    expect((await h.client.send(new ListAssociatedStacksCommand({ FleetName: "f" }))).Names).toEqual(["s1", "s2"]);
    expect((await h.client.send(new ListAssociatedFleetsCommand({ StackName: "s1" }))).Names).toEqual(["f"]);
    expect(await rejection(h.client.send(new DeleteFleetCommand({ Name: "f" })))).toBeInstanceOf(
      ResourceInUseException,
    );
    expect(await rejection(h.client.send(new DeleteStackCommand({ Name: "s1" })))).toBeInstanceOf(
      ResourceInUseException,
    );
    expect(
      await rejection(h.client.send(new AssociateFleetCommand({ FleetName: "nope", StackName: "s1" }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    await h.client.send(new DisassociateFleetCommand({ FleetName: "f", StackName: "s1" }));
    await h.client.send(new DisassociateFleetCommand({ FleetName: "f", StackName: "s2" }));
    expect((await h.client.send(new ListAssociatedStacksCommand({ FleetName: "f" }))).Names).toEqual([]);
    await h.client.send(new DeleteFleetCommand({ Name: "f" }));
    await h.client.send(new DeleteStackCommand({ Name: "s1" }));
  });
});

describe("sessions", () => {
  it("DescribeSessions filters by stack, fleet and authentication type and pages with Limit", async () => {
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    await h.client.send(new CreateStackCommand({ Name: "s" }));
    await h.emulator.control.serviceControl("sessions", { StackName: "s", FleetName: "f", count: 25 });
    await h.emulator.control.serviceControl("sessions", {
      StackName: "s",
      FleetName: "f",
      count: 2,
      AuthenticationType: "SAML",
      UserId: "alice",
    });
    const first = await h.client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f" }));
    expect(first.Sessions).toHaveLength(20);
    expect(first.Sessions?.[0]).toMatchObject({
      StackName: "s",
      FleetName: "f",
      State: "ACTIVE",
      AuthenticationType: "API",
    });
    expect(first.Sessions?.[0].StartTime).toBeInstanceOf(Date);
    const rest = await h.client.send(
      new DescribeSessionsCommand({ StackName: "s", FleetName: "f", NextToken: first.NextToken }),
    );
    expect(rest.Sessions).toHaveLength(5);
    const saml = await h.client.send(
      new DescribeSessionsCommand({ StackName: "s", FleetName: "f", AuthenticationType: "SAML", UserId: "alice" }),
    );
    expect(saml.Sessions).toHaveLength(2);
    const userWithoutType = await rejection(
      h.client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", UserId: "alice" })),
    );
    expect(userWithoutType).toBeInstanceOf(InvalidParameterCombinationException);
    const tooMany = await rejection(
      h.client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", Limit: 51 })),
    );
    expect(tooMany).toBeInstanceOf(InvalidParameterCombinationException);
    const missing = await rejection(h.client.send(new DescribeSessionsCommand({ StackName: "s" } as never)));
    expect(missing).toBeInstanceOf(InvalidParameterCombinationException);
  });
});

describe("tags", () => {
  it("TagResource/UntagResource/ListTagsForResource on fleets, stacks, image builders and images", async () => {
    const { Fleet } = await h.client.send(new CreateFleetCommand({ ...fleetInput("f"), Tags: { a: "1" } }));
    const fleetArn = Fleet!.Arn!;
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: fleetArn }))).Tags).toEqual({ a: "1" });
    await h.client.send(new TagResourceCommand({ ResourceArn: fleetArn, Tags: { b: "2", a: "one" } }));
    await h.client.send(new UntagResourceCommand({ ResourceArn: fleetArn, TagKeys: ["b"] }));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: fleetArn }))).Tags).toEqual({ a: "one" });
    const { Stack } = await h.client.send(new CreateStackCommand({ Name: "s" }));
    await h.client.send(new TagResourceCommand({ ResourceArn: Stack!.Arn!, Tags: { env: "test" } }));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: Stack!.Arn! }))).Tags).toEqual({
      env: "test",
    });
    const privateArn = (await h.client.send(new DescribeImagesCommand({ Names: [PRIVATE_IMAGE] }))).Images![0].Arn!;
    await h.client.send(new TagResourceCommand({ ResourceArn: privateArn, Tags: { kind: "image" } }));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: privateArn }))).Tags).toEqual({
      kind: "image",
    });
    const missing = await rejection(
      h.client.send(
        new ListTagsForResourceCommand({ ResourceArn: "arn:aws:appstream:us-east-1:123456789012:fleet/none" }),
      ),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    const reserved = await rejection(
      h.client.send(new TagResourceCommand({ ResourceArn: fleetArn, Tags: { "aws:x": "y" } })),
    );
    // TagResource models no validation error: a reserved key gets the common ValidationException.
    expect(reserved).toMatchObject({ name: "ValidationException" });
    // Tags of a deleted fleet do not come back with a new fleet of the same name.
    await h.client.send(new DeleteFleetCommand({ Name: "f" }));
    await h.client.send(new CreateFleetCommand(fleetInput("f")));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: fleetArn }))).Tags).toBeUndefined();
  });
});

describe("protocol", () => {
  it("an operation the emulator does not serve is an UnknownOperationException, not a hang", async () => {
    const { CreateUsageReportSubscriptionCommand } = await import("@aws-sdk/client-appstream");
    const err = await rejection(h.client.send(new CreateUsageReportSubscriptionCommand({})));
    expect(err).toBeInstanceOf(AppStreamServiceException);
    expect((err as AppStreamServiceException).name).toBe("UnknownOperationException");
    expect((err as AppStreamServiceException).$metadata.httpStatusCode).toBe(404);
  });
});

describe("operation catalogue", () => {
  it("every served operation is a command of the SDK, under the same name", async () => {
    const sdk = (await import("@aws-sdk/client-appstream")) as Record<string, unknown>;
    const { appstreamService } = await import("../../emulator/services/appstream");
    const names = appstreamService.operations.map((o) => o.name);
    expect(names.filter((n) => typeof sdk[`${n}Command`] !== "function")).toEqual([]);
    // 26 for fleets, image builders, images, stacks, sessions and tags; 12 for directory configs and
    // users; 26 for app blocks, applications and entitlements.
    expect(names).toHaveLength(64);
  });
});
