import {
  ConflictException,
  CreateStudioCommand,
  DeleteLaunchProfileCommand,
  DeleteStudioCommand,
  GetStreamingImageCommand,
  GetStudioCommand,
  GetStudioComponentCommand,
  InternalServerErrorException,
  ListStreamingImagesCommand,
  ListStudioComponentsCommand,
  ListStudiosCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  StartStudioSSOConfigurationRepairCommand,
  TagResourceCommand,
  ThrottlingException,
  UntagResourceCommand,
  UpdateStudioCommand,
  ValidationException,
  type CreateStudioCommandInput,
} from "@aws-sdk/client-nimble";
import { describe, expect, it } from "vitest";
import { nimbleService } from "../../emulator/services/nimble";
import { rejection, useEmulator } from "./fixture";
import { readyProfile, readyStudio } from "./nimble-fixture";

const h = useEmulator([nimbleService]);
const nimble = () => h.clients.nimble;

const input = (studioName: string): CreateStudioCommandInput => ({
  adminRoleArn: "arn:aws:iam::123456789012:role/StudioAdmin",
  userRoleArn: "arn:aws:iam::123456789012:role/StudioUser",
  displayName: "Main studio",
  studioName,
  tags: { team: "fx" },
});

describe("Nimble studios over the SDK", () => {
  it("creates a studio CREATE_IN_PROGRESS that becomes READY, with every documented member", async () => {
    const { studio } = await nimble().send(
      new CreateStudioCommand({ ...input("mainstudio"), clientToken: "create-main" }),
    );
    expect(studio).toMatchObject({
      state: "CREATE_IN_PROGRESS",
      statusCode: "STUDIO_CREATE_IN_PROGRESS",
      studioName: "mainstudio",
      displayName: "Main studio",
      homeRegion: "us-east-1",
      studioEncryptionConfiguration: { keyType: "AWS_OWNED_KEY" },
      tags: { team: "fx" },
    });
    expect(studio!.arn).toBe(`arn:aws:nimble:us-east-1:123456789012:studio/${studio!.studioId}`);
    expect(studio!.createdAt).toBeInstanceOf(Date);
    expect(studio!.updatedAt).toBeInstanceOf(Date);
    expect(typeof studio!.ssoClientId).toBe("string");
    expect(studio!.studioUrl).toContain("mainstudio");

    h.advance();
    const got = await nimble().send(new GetStudioCommand({ studioId: studio!.studioId }));
    expect(got.studio).toMatchObject({ state: "READY", statusCode: "STUDIO_CREATED" });

    const listed = await nimble().send(new ListStudiosCommand({}));
    expect(listed.studios!.map((s) => s.studioId)).toContain(studio!.studioId);
  });

  it("replays a reused client token with the same parameters and refuses it with different ones", async () => {
    const first = await nimble().send(new CreateStudioCommand({ ...input("tokenstudio"), clientToken: "tok-1" }));
    const again = await nimble().send(new CreateStudioCommand({ ...input("tokenstudio"), clientToken: "tok-1" }));
    expect(again.studio!.studioId).toBe(first.studio!.studioId);
    const err = await rejection(() =>
      nimble().send(new CreateStudioCommand({ ...input("otherstudio"), clientToken: "tok-1" })),
    );
    expect(err).toBeInstanceOf(ValidationException);
  });

  it("rejects a missing required member, a bad studio name and a bad enum with ValidationException", async () => {
    const missing = await rejection(() =>
      nimble().send(new CreateStudioCommand({ ...input("missingrole"), adminRoleArn: undefined })),
    );
    expect(missing).toBeInstanceOf(ValidationException);
    expect(missing.context).toHaveProperty("adminRoleArn");

    const badName = await rejection(() => nimble().send(new CreateStudioCommand(input("Not_Valid"))));
    expect(badName).toBeInstanceOf(ValidationException);
    expect(badName.context).toHaveProperty("studioName");

    const badEnum = await rejection(() =>
      nimble().send(
        new CreateStudioCommand({
          ...input("badkey"),
          studioEncryptionConfiguration: { keyType: "HOMEMADE_KEY" as never },
        }),
      ),
    );
    expect(badEnum).toBeInstanceOf(ValidationException);
    expect(badEnum.context).toHaveProperty(["studioEncryptionConfiguration.keyType"]);

    const noKey = await rejection(() =>
      nimble().send(
        new CreateStudioCommand({
          ...input("nokey"),
          studioEncryptionConfiguration: { keyType: "CUSTOMER_MANAGED_KEY" },
        }),
      ),
    );
    expect(noKey).toBeInstanceOf(ValidationException);
    expect(noKey.context).toHaveProperty(["studioEncryptionConfiguration.keyArn"]);
  });

  it("refuses a second studio with a name in use", async () => {
    await nimble().send(new CreateStudioCommand(input("dupstudio")));
    expect(await rejection(() => nimble().send(new CreateStudioCommand(input("dupstudio"))))).toBeInstanceOf(
      ConflictException,
    );
  });

  it("answers an unknown studio with ResourceNotFoundException", async () => {
    expect(await rejection(() => nimble().send(new GetStudioCommand({ studioId: "st-missing" })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("updates through UPDATE_IN_PROGRESS, refusing a second update meanwhile", async () => {
    const studioId = await readyStudio(h);
    const { studio } = await nimble().send(new UpdateStudioCommand({ studioId, displayName: "Renamed" }));
    expect(studio).toMatchObject({
      state: "UPDATE_IN_PROGRESS",
      statusCode: "STUDIO_UPDATE_IN_PROGRESS",
      displayName: "Renamed",
    });
    expect(
      await rejection(() => nimble().send(new UpdateStudioCommand({ studioId, displayName: "Again" }))),
    ).toBeInstanceOf(ConflictException);
    h.advance();
    const got = await nimble().send(new GetStudioCommand({ studioId }));
    expect(got.studio).toMatchObject({ state: "READY", statusCode: "STUDIO_UPDATED", displayName: "Renamed" });
  });

  it("deletes through DELETE_IN_PROGRESS to DELETED, then forgets the studio", async () => {
    const studioId = await readyStudio(h);
    const { studio } = await nimble().send(new DeleteStudioCommand({ studioId }));
    expect(studio).toMatchObject({ state: "DELETE_IN_PROGRESS", statusCode: "STUDIO_DELETE_IN_PROGRESS" });
    h.advance();
    expect((await nimble().send(new GetStudioCommand({ studioId }))).studio).toMatchObject({
      state: "DELETED",
      statusCode: "STUDIO_DELETED",
    });
    h.advance(20);
    expect(await rejection(() => nimble().send(new GetStudioCommand({ studioId })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("ends DELETE_FAILED with STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED while launch profiles exist", async () => {
    const studioId = await readyStudio(h);
    const launchProfileId = await readyProfile(h, studioId);
    await nimble().send(new DeleteStudioCommand({ studioId }));
    h.advance();
    const { studio } = await nimble().send(new GetStudioCommand({ studioId }));
    expect(studio).toMatchObject({ state: "DELETE_FAILED", statusCode: "STUDIO_WITH_LAUNCH_PROFILES_NOT_DELETED" });
    expect(studio!.statusMessage).toContain(launchProfileId);

    await nimble().send(new DeleteLaunchProfileCommand({ studioId, launchProfileId }));
    h.advance();
    const retry = await nimble().send(new DeleteStudioCommand({ studioId }));
    expect(retry.studio!.state).toBe("DELETE_IN_PROGRESS");
    h.advance();
    expect((await nimble().send(new GetStudioCommand({ studioId }))).studio!.state).toBe("DELETED");
  });

  it("repairs the SSO configuration only of a studio whose configuration is broken", async () => {
    const healthy = await readyStudio(h);
    const refused = await rejection(() =>
      nimble().send(new StartStudioSSOConfigurationRepairCommand({ studioId: healthy })),
    );
    expect(refused).toBeInstanceOf(ValidationException);

    await h.emulator.control.failNextCreate(
      "nimble:Studio",
      "AWS_SSO_NOT_ENABLED",
      "IAM Identity Center is not enabled.",
    );
    const { studio } = await nimble().send(new CreateStudioCommand(input("brokensso")));
    h.advance();
    const failed = await nimble().send(new GetStudioCommand({ studioId: studio!.studioId }));
    expect(failed.studio).toMatchObject({ state: "CREATE_FAILED", statusCode: "AWS_SSO_NOT_ENABLED" });

    const repair = await nimble().send(new StartStudioSSOConfigurationRepairCommand({ studioId: studio!.studioId }));
    expect(repair.studio).toMatchObject({
      state: "UPDATE_IN_PROGRESS",
      statusCode: "AWS_SSO_CONFIGURATION_REPAIR_IN_PROGRESS",
    });
    expect(repair.studio!.ssoClientId).not.toBe(failed.studio!.ssoClientId);
    h.advance();
    const repaired = await nimble().send(new GetStudioCommand({ studioId: studio!.studioId }));
    expect(repaired.studio).toMatchObject({ state: "READY", statusCode: "AWS_SSO_CONFIGURATION_REPAIRED" });
  });

  it("refuses a stale or foreign pagination token", async () => {
    const err = await rejection(() => nimble().send(new ListStudiosCommand({ nextToken: "bm90LWEtdG9rZW4" })));
    expect(err).toBeInstanceOf(ValidationException);
  });

  it("tags, lists and untags a studio by ARN", async () => {
    const studioId = await readyStudio(h);
    const { studio } = await nimble().send(new GetStudioCommand({ studioId }));
    const resourceArn = studio!.arn!;
    await nimble().send(new TagResourceCommand({ resourceArn, tags: { owner: "fx", cost: "42" } }));
    expect((await nimble().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({
      owner: "fx",
      cost: "42",
    });
    await nimble().send(new UntagResourceCommand({ resourceArn, tagKeys: ["cost"] }));
    expect((await nimble().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ owner: "fx" });
    const unknown = await rejection(() =>
      nimble().send(new ListTagsForResourceCommand({ resourceArn: `${resourceArn}-nope` })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  });

  it("lists and gets the streaming images and the studio component every studio starts with", async () => {
    const studioId = await readyStudio(h);
    const images = await nimble().send(new ListStreamingImagesCommand({ studioId }));
    expect(images.streamingImages!.length).toBeGreaterThan(0);
    const image = images.streamingImages![0];
    expect(image).toMatchObject({ state: "READY", statusCode: "STREAMING_IMAGE_READY", owner: "amazon" });
    const got = await nimble().send(
      new GetStreamingImageCommand({ studioId, streamingImageId: image.streamingImageId }),
    );
    expect(got.streamingImage!.streamingImageId).toBe(image.streamingImageId);

    const components = await nimble().send(
      new ListStudioComponentsCommand({ studioId, types: ["SHARED_FILE_SYSTEM"] }),
    );
    expect(components.studioComponents).toHaveLength(1);
    const component = components.studioComponents![0];
    expect(component.createdAt).toBeInstanceOf(Date);
    const gotComponent = await nimble().send(
      new GetStudioComponentCommand({ studioId, studioComponentId: component.studioComponentId }),
    );
    expect(gotComponent.studioComponent).toMatchObject({ state: "READY", type: "SHARED_FILE_SYSTEM" });

    const otherStudio = await readyStudio(h);
    const foreign = await rejection(() =>
      nimble().send(
        new GetStudioComponentCommand({ studioId: otherStudio, studioComponentId: component.studioComponentId }),
      ),
    );
    expect(foreign).toBeInstanceOf(ResourceNotFoundException);
    const badFilter = await rejection(() =>
      nimble().send(new ListStudioComponentsCommand({ studioId, types: ["TOASTER" as never] })),
    );
    expect(badFilter).toBeInstanceOf(ValidationException);
  });

  it("delivers injected throttling and server faults as the SDK's modeled exceptions", async () => {
    await h.emulator.control.setFaults({ throttlePercent: 100 });
    try {
      expect(await rejection(() => nimble().send(new ListStudiosCommand({})))).toBeInstanceOf(ThrottlingException);
      await h.emulator.control.setFaults({ throttlePercent: 0, serverErrorPercent: 100 });
      expect(await rejection(() => nimble().send(new ListStudiosCommand({})))).toBeInstanceOf(
        InternalServerErrorException,
      );
    } finally {
      await h.emulator.control.clearFaults();
    }
  });
});
