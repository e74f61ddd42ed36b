import {
  ConflictException,
  CreateEnvironmentCommand,
  DeleteEnvironmentCommand,
  GetEnvironmentCommand,
  InternalServerException,
  ListDevicesCommand,
  ListEnvironmentsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  ThrottlingException,
  UntagResourceCommand,
  UpdateEnvironmentCommand,
  ValidationException,
  type CreateEnvironmentCommandInput,
  type MaintenanceWindow,
} from "@aws-sdk/client-workspaces-thin-client";
import { describe, expect, it } from "vitest";
import { thinClientService } from "../../emulator/services/thinclient";
import { rejection, useEmulator } from "./fixture";

const h = useEmulator([thinClientService]);
const tc = () => h.clients.thinClient;

const WORKSPACES = "arn:aws:workspaces:us-east-1:123456789012:directory/d-1234567890";
const APPSTREAM = "arn:aws:appstream:us-east-1:123456789012:stack/artists";

const create = (input: Partial<CreateEnvironmentCommandInput> = {}) =>
  tc().send(new CreateEnvironmentCommand({ desktopArn: WORKSPACES, name: "office", ...input }));

/** The fieldList member names of the ValidationException a request earns. */
async function fields(call: () => Promise<unknown>): Promise<string[]> {
  const err = await rejection(call);
  expect(err).toBeInstanceOf(ValidationException);
  expect(err.reason).toBe("fieldValidationFailed");
  return (err.fieldList as Array<{ name: string }>).map((f) => f.name);
}

const custom: MaintenanceWindow = {
  type: "CUSTOM",
  startTimeHour: 1,
  startTimeMinute: 30,
  endTimeHour: 5,
  endTimeMinute: 0,
  daysOfTheWeek: ["SATURDAY", "SUNDAY"],
  applyTimeOf: "DEVICE",
};

describe("Thin Client environments over the SDK", () => {
  it("creates an environment with an activation code and the documented defaults", async () => {
    const { environment } = await create({
      tags: { team: "ops" },
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd-1234",
    });
    expect(environment).toMatchObject({
      name: "office",
      desktopArn: WORKSPACES,
      desktopType: "workspaces",
      softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
      softwareSetUpdateMode: "USE_LATEST",
      maintenanceWindow: { type: "SYSTEM" },
    });
    expect(environment!.activationCode).toMatch(/^[a-z0-9]{8}$/);
    expect(environment!.arn).toBe(`arn:aws:thinclient:us-east-1:123456789012:environment/${environment!.id}`);
    expect(environment!.createdAt).toBeInstanceOf(Date);
    expect(environment!.createdAt!.getTime()).toBe(h.clock.now());

    const { environment: got } = await tc().send(new GetEnvironmentCommand({ id: environment!.id }));
    expect(got).toMatchObject({
      id: environment!.id,
      activationCode: environment!.activationCode,
      registeredDevicesCount: 0,
      softwareSetComplianceStatus: "NO_REGISTERED_DEVICES",
      kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd-1234",
    });
    const tags = await tc().send(new ListTagsForResourceCommand({ resourceArn: environment!.arn }));
    expect(tags.tags).toEqual({ team: "ops" });
  });

  it("derives the desktop type and allows desktopEndpoint only for AppStream", async () => {
    const appstream = await create({ desktopArn: APPSTREAM, desktopEndpoint: "https://idp.example.com/login" });
    expect(appstream.environment).toMatchObject({
      desktopType: "appstream",
      desktopEndpoint: "https://idp.example.com/login",
    });
    const web = await create({ desktopArn: "arn:aws:workspaces-web:us-east-1:123456789012:portal/abc" });
    expect(web.environment!.desktopType).toBe("workspaces-web");
    expect(await fields(() => create({ desktopEndpoint: "https://idp.example.com/login" }))).toEqual([
      "desktopEndpoint",
    ]);
    expect(await fields(() => create({ desktopArn: "arn:aws:ec2:us-east-1:123456789012:instance/i-1" }))).toEqual([
      "desktopArn",
    ]);
    expect(await fields(() => create({ desktopArn: undefined }))).toEqual(["desktopArn"]);
  });

  describe("maintenance window rules", () => {
    it("accepts a complete CUSTOM window and echoes it", async () => {
      const { environment } = await create({
        maintenanceWindow: custom,
        softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
      });
      expect(environment!.maintenanceWindow).toEqual(custom);
    });
    it("requires start, end and days for a CUSTOM window", async () => {
      const names = await fields(() => create({ maintenanceWindow: { type: "CUSTOM" } }));
      expect(names.sort()).toEqual(
        [
          "maintenanceWindow.daysOfTheWeek",
          "maintenanceWindow.endTimeHour",
          "maintenanceWindow.endTimeMinute",
          "maintenanceWindow.startTimeHour",
          "maintenanceWindow.startTimeMinute",
        ].sort(),
      );
    });
    it("bounds hours to 0..23 and minutes to 0..59", async () => {
      expect(await fields(() => create({ maintenanceWindow: { ...custom, startTimeHour: 24 } }))).toEqual([
        "maintenanceWindow.startTimeHour",
      ]);
      expect(await fields(() => create({ maintenanceWindow: { ...custom, endTimeMinute: 60 } }))).toEqual([
        "maintenanceWindow.endTimeMinute",
      ]);
      expect(await fields(() => create({ maintenanceWindow: { ...custom, startTimeMinute: -1 } }))).toEqual([
        "maintenanceWindow.startTimeMinute",
      ]);
    });
    it("refuses times on a SYSTEM window, a missing type, bad enums and an empty window", async () => {
      expect(await fields(() => create({ maintenanceWindow: { type: "SYSTEM", startTimeHour: 3 } }))).toEqual([
        "maintenanceWindow.startTimeHour",
      ]);
      expect(await fields(() => create({ maintenanceWindow: { startTimeHour: 3 } as never }))).toContain(
        "maintenanceWindow.type",
      );
      expect(
        await fields(() => create({ maintenanceWindow: { ...custom, daysOfTheWeek: ["FUNDAY" as never] } })),
      ).toEqual(["maintenanceWindow.daysOfTheWeek[0]"]);
      expect(await fields(() => create({ maintenanceWindow: { ...custom, applyTimeOf: "LOCAL" as never } }))).toEqual([
        "maintenanceWindow.applyTimeOf",
      ]);
      expect(
        await fields(() => create({ maintenanceWindow: { ...custom, endTimeHour: 1, endTimeMinute: 30 } })),
      ).toEqual(["maintenanceWindow"]);
    });
  });

  describe("software set rules", () => {
    it("pins a desired set only with USE_DESIRED", async () => {
      const { environment } = await create({
        softwareSetUpdateMode: "USE_DESIRED",
        desiredSoftwareSetId: "softwareset-0002",
      });
      expect(environment).toMatchObject({
        softwareSetUpdateMode: "USE_DESIRED",
        desiredSoftwareSetId: "softwareset-0002",
      });
      expect(
        await fields(() => create({ softwareSetUpdateMode: "USE_LATEST", desiredSoftwareSetId: "softwareset-0002" })),
      ).toEqual(["desiredSoftwareSetId"]);
      expect(await fields(() => create({ desiredSoftwareSetId: "softwareset-0002" }))).toEqual([
        "desiredSoftwareSetId",
      ]);
      expect(await fields(() => create({ softwareSetUpdateMode: "USE_DESIRED" }))).toEqual(["desiredSoftwareSetId"]);
      expect(await fields(() => create({ softwareSetUpdateSchedule: "NEVER" as never }))).toEqual([
        "softwareSetUpdateSchedule",
      ]);
    });
    it("answers an unknown desired set with ResourceNotFoundException naming it", async () => {
      const err = await rejection(() =>
        create({ softwareSetUpdateMode: "USE_DESIRED", desiredSoftwareSetId: "softwareset-9999" }),
      );
      expect(err).toBeInstanceOf(ResourceNotFoundException);
      expect(err).toMatchObject({ resourceId: "softwareset-9999", resourceType: "softwareset" });
    });
  });

  it("replays a reused client token and refuses it with different parameters", async () => {
    const first = await create({ clientToken: "env-token-1" });
    const again = await create({ clientToken: "env-token-1" });
    expect(again.environment!.id).toBe(first.environment!.id);
    expect(again.environment!.activationCode).toBe(first.environment!.activationCode);
    expect(await rejection(() => create({ clientToken: "env-token-1", name: "other" }))).toBeInstanceOf(
      ConflictException,
    );
  });

  it("updates the given members, re-checking the rules against the merged environment", async () => {
    const { environment } = await create({
      softwareSetUpdateMode: "USE_DESIRED",
      desiredSoftwareSetId: "softwareset-0002",
    });
    const id = environment!.id!;
    h.clock.advance(5_000);
    const updated = await tc().send(new UpdateEnvironmentCommand({ id, name: "renamed", maintenanceWindow: custom }));
    expect(updated.environment).toMatchObject({
      name: "renamed",
      maintenanceWindow: custom,
      desiredSoftwareSetId: "softwareset-0002",
      desktopArn: WORKSPACES,
      activationCode: environment!.activationCode,
    });
    expect(updated.environment!.updatedAt!.getTime()).toBeGreaterThan(updated.environment!.createdAt!.getTime());

    const latest = await tc().send(new UpdateEnvironmentCommand({ id, softwareSetUpdateMode: "USE_LATEST" }));
    expect(latest.environment!.desiredSoftwareSetId).toBeUndefined();
    expect(
      await fields(() => tc().send(new UpdateEnvironmentCommand({ id, desiredSoftwareSetId: "softwareset-0001" }))),
    ).toEqual(["desiredSoftwareSetId"]);
    expect(
      await fields(() => tc().send(new UpdateEnvironmentCommand({ id, desktopEndpoint: "https://idp.example.com" }))),
    ).toEqual(["desktopEndpoint"]);
    const missing = await rejection(() => tc().send(new UpdateEnvironmentCommand({ id: "envnope000", name: "x" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing).toMatchObject({ resourceId: "envnope000", resourceType: "environment" });
  });

  it("deletes with 204 and forgets the environment", async () => {
    const { environment } = await create();
    const out = await tc().send(new DeleteEnvironmentCommand({ id: environment!.id, clientToken: "delete-env" }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(await rejection(() => tc().send(new GetEnvironmentCommand({ id: environment!.id })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    // A retried delete (same token, carried in the query) is answered as the first one was.
    const retried = await tc().send(new DeleteEnvironmentCommand({ id: environment!.id, clientToken: "delete-env" }));
    expect(retried.$metadata.httpStatusCode).toBe(204);
    const fresh = await rejection(() => tc().send(new DeleteEnvironmentCommand({ id: environment!.id })));
    expect(fresh).toBeInstanceOf(ResourceNotFoundException);
  });

  it("pages environments and refuses stale or foreign tokens", async () => {
    for (let i = 0; i < 3; i++) await create({ name: `paged-${i}` });
    const all: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await tc().send(new ListEnvironmentsCommand({ maxResults: 2, nextToken }));
      expect(out.environments!.length).toBeLessThanOrEqual(2);
      all.push(...out.environments!.map((e) => e.id!));
      nextToken = out.nextToken;
    } while (nextToken);
    const total = (await tc().send(new ListEnvironmentsCommand({}))).environments!;
    expect(all).toEqual(total.map((e) => e.id));
    expect(total[0].activationCode).toBeTruthy();

    expect(await rejection(() => tc().send(new ListEnvironmentsCommand({ nextToken: "stale-token" })))).toBeInstanceOf(
      ValidationException,
    );
    const first = await tc().send(new ListEnvironmentsCommand({ maxResults: 1 }));
    const foreign = await rejection(() => tc().send(new ListDevicesCommand({ nextToken: first.nextToken })));
    expect(foreign).toBeInstanceOf(ValidationException);
    expect(await fields(() => tc().send(new ListEnvironmentsCommand({ maxResults: 0 })))).toEqual(["maxResults"]);
  });

  it("tags and untags by ARN, refusing an unknown resource", async () => {
    const { environment } = await create({ tags: { a: "1" } });
    const resourceArn = environment!.arn!;
    await tc().send(new TagResourceCommand({ resourceArn, tags: { b: "2", c: "3" } }));
    await tc().send(new UntagResourceCommand({ resourceArn, tagKeys: ["a", "c"] }));
    expect((await tc().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ b: "2" });
    const unknown = await rejection(() =>
      tc().send(new TagResourceCommand({ resourceArn: `${resourceArn}x`, tags: { b: "2" } })),
    );
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(await fields(() => tc().send(new TagResourceCommand({ resourceArn } as never)))).toEqual(["tags"]);
  });

  it("delivers injected throttling and server faults as the SDK's modeled exceptions", async () => {
    await h.emulator.control.setFaults({ throttlePercent: 100 });
    try {
      expect(await rejection(() => tc().send(new ListEnvironmentsCommand({})))).toBeInstanceOf(ThrottlingException);
      await h.emulator.control.setFaults({ throttlePercent: 0, serverErrorPercent: 100 });
      expect(await rejection(() => tc().send(new ListEnvironmentsCommand({})))).toBeInstanceOf(InternalServerException);
    } finally {
      await h.emulator.control.clearFaults();
    }
  });
});
