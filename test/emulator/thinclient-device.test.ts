import {
  ConflictException,
  CreateEnvironmentCommand,
  DeleteDeviceCommand,
  DeregisterDeviceCommand,
  GetDeviceCommand,
  GetEnvironmentCommand,
  GetSoftwareSetCommand,
  ListDevicesCommand,
  ListSoftwareSetsCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UpdateDeviceCommand,
  UpdateSoftwareSetCommand,
  ValidationException,
} from "@aws-sdk/client-workspaces-thin-client";
import { describe, expect, it } from "vitest";
import { thinClientService } from "../../emulator/services/thinclient";
import { rejection, useEmulator } from "./fixture";

const h = useEmulator([thinClientService]);
const tc = () => h.clients.thinClient;
const device = async (id: string) => (await tc().send(new GetDeviceCommand({ id }))).device!;

describe("Thin Client devices over the SDK", () => {
  it("starts with registered devices under stable ids", async () => {
    const { devices } = await tc().send(new ListDevicesCommand({}));
    expect(devices!.map((d) => d.id)).toEqual([
      "tcdevice0000000000000001",
      "tcdevice0000000000000002",
      "tcdevice0000000000000003",
    ]);
    const got = await device("tcdevice0000000000000001");
    expect(got).toMatchObject({
      id: "tcdevice0000000000000001",
      status: "REGISTERED",
      serialNumber: "G4A0000000000001",
      currentSoftwareSetId: "softwareset-0003",
      softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
      softwareSetUpdateStatus: "UP_TO_DATE",
      arn: "arn:aws:thinclient:us-east-1:123456789012:device/tcdevice0000000000000001",
    });
    expect(got.lastConnectedAt).toBeInstanceOf(Date);
    expect(got.pendingSoftwareSetId).toBeUndefined();
    expect(await rejection(() => device("tcdevice0000000000009999"))).toMatchObject({
      resourceId: "tcdevice0000000000009999",
      resourceType: "device",
    });
  });

  it("pages devices with maxResults", async () => {
    const first = await tc().send(new ListDevicesCommand({ maxResults: 2 }));
    expect(first.devices).toHaveLength(2);
    const second = await tc().send(new ListDevicesCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(second.devices!.map((d) => d.id)).toEqual(["tcdevice0000000000000003"]);
    expect(second.nextToken).toBeUndefined();
    expect(await rejection(() => tc().send(new ListDevicesCommand({ nextToken: "not-issued" })))).toBeInstanceOf(
      ValidationException,
    );
  });

  it("updates name and desired software set, installing at once with APPLY_IMMEDIATELY", async () => {
    const { device: updated } = await tc().send(
      new UpdateDeviceCommand({
        id: "tcdevice0000000000000003",
        name: "front desk",
        desiredSoftwareSetId: "softwareset-0003",
        softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
      }),
    );
    expect(updated).toMatchObject({
      name: "front desk",
      desiredSoftwareSetId: "softwareset-0003",
      pendingSoftwareSetId: "softwareset-0003",
    });
    expect((await device("tcdevice0000000000000003")).softwareSetUpdateStatus).toBe("AVAILABLE");
    h.advance();
    expect((await device("tcdevice0000000000000003")).softwareSetUpdateStatus).toBe("IN_PROGRESS");
    h.advance();
    const done = await device("tcdevice0000000000000003");
    expect(done).toMatchObject({
      softwareSetUpdateStatus: "UP_TO_DATE",
      currentSoftwareSetId: "softwareset-0003",
      currentSoftwareSetVersion: "2025.03.1",
    });
    expect(done.pendingSoftwareSetId).toBeUndefined();
  });

  it("refuses bad enums and unknown software sets on update", async () => {
    const schedule = await rejection(() =>
      tc().send(
        new UpdateDeviceCommand({ id: "tcdevice0000000000000001", softwareSetUpdateSchedule: "LATER" as never }),
      ),
    );
    expect(schedule).toBeInstanceOf(ValidationException);
    expect(schedule.fieldList).toEqual([expect.objectContaining({ name: "softwareSetUpdateSchedule" })]);
    const set = await rejection(() =>
      tc().send(new UpdateDeviceCommand({ id: "tcdevice0000000000000001", desiredSoftwareSetId: "softwareset-4242" })),
    );
    expect(set).toBeInstanceOf(ResourceNotFoundException);
  });

  it("deregisters asynchronously through DEREGISTERING to DEREGISTERED, then deletes", async () => {
    expect(
      await rejection(() => tc().send(new DeleteDeviceCommand({ id: "tcdevice0000000000000001" }))),
    ).toBeInstanceOf(ConflictException);
    const out = await tc().send(new DeregisterDeviceCommand({ id: "tcdevice0000000000000001" }));
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect((await device("tcdevice0000000000000001")).status).toBe("DEREGISTERING");
    // UpdateDevice models no ConflictException; a device that is not REGISTERED gets ValidationException.
    expect(
      await rejection(() => tc().send(new UpdateDeviceCommand({ id: "tcdevice0000000000000001", name: "x" }))),
    ).toBeInstanceOf(ValidationException);
    h.advance();
    expect((await device("tcdevice0000000000000001")).status).toBe("DEREGISTERED");
    const deleted = await tc().send(new DeleteDeviceCommand({ id: "tcdevice0000000000000001" }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(await rejection(() => device("tcdevice0000000000000001"))).toBeInstanceOf(ResourceNotFoundException);
  });

  it("archives a device when asked, refusing an unknown target status", async () => {
    const bad = await rejection(() =>
      tc().send(new DeregisterDeviceCommand({ id: "tcdevice0000000000000002", targetDeviceStatus: "GONE" as never })),
    );
    expect(bad).toBeInstanceOf(ValidationException);
    await tc().send(
      new DeregisterDeviceCommand({
        id: "tcdevice0000000000000002",
        targetDeviceStatus: "ARCHIVED",
        clientToken: "archive-2",
      }),
    );
    // Same token and parameters: the first (accepted) answer, not a conflict with DEREGISTERING.
    await tc().send(
      new DeregisterDeviceCommand({
        id: "tcdevice0000000000000002",
        targetDeviceStatus: "ARCHIVED",
        clientToken: "archive-2",
      }),
    );
    const reused = await rejection(() =>
      tc().send(
        new DeregisterDeviceCommand({
          id: "tcdevice0000000000000002",
          targetDeviceStatus: "DEREGISTERED",
          clientToken: "archive-2",
        }),
      ),
    );
    expect(reused).toBeInstanceOf(ConflictException);
    expect((await device("tcdevice0000000000000002")).status).toBe("DEREGISTERING");
    h.advance();
    expect((await device("tcdevice0000000000000002")).status).toBe("ARCHIVED");
    const again = await rejection(() => tc().send(new DeregisterDeviceCommand({ id: "tcdevice0000000000000002" })));
    expect(again).toBeInstanceOf(ConflictException);
  });

  it("derives software compliance from the installed set's support window, for the device and its environment", async () => {
    expect((await device("tcdevice0000000000000003")).softwareSetComplianceStatus).toBe("COMPLIANT");
    const { environment } = await tc().send(
      new CreateEnvironmentCommand({ desktopArn: "arn:aws:workspaces:us-east-1:123456789012:directory/d-0000000001" }),
    );
    // A device joins an environment by entering its activation code on the device itself; the
    // control API stands in for that.
    await h.emulator.control.mutate("thinclient:Device", "tcdevice0000000000000003", {
      environmentId: environment!.id,
    });
    const joined = await tc().send(new GetEnvironmentCommand({ id: environment!.id }));
    expect(joined.environment).toMatchObject({ registeredDevicesCount: 1, softwareSetComplianceStatus: "COMPLIANT" });

    await tc().send(
      new UpdateDeviceCommand({
        id: "tcdevice0000000000000003",
        desiredSoftwareSetId: "softwareset-0001",
        softwareSetUpdateSchedule: "APPLY_IMMEDIATELY",
      }),
    );
    h.advance(2);
    expect(await device("tcdevice0000000000000003")).toMatchObject({
      currentSoftwareSetId: "softwareset-0001",
      softwareSetComplianceStatus: "NOT_COMPLIANT",
    });
    const outdated = await tc().send(new GetEnvironmentCommand({ id: environment!.id }));
    expect(outdated.environment!.softwareSetComplianceStatus).toBe("NOT_COMPLIANT");
  });

  it("tags a device; its tag map is read through ListTagsForResource", async () => {
    const resourceArn = (await device("tcdevice0000000000000003")).arn!;
    await tc().send(new TagResourceCommand({ resourceArn, tags: { site: "lisbon" } }));
    expect((await tc().send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ site: "lisbon" });
  });
});

describe("Thin Client software sets over the SDK", () => {
  it("lists and gets the seeded software sets", async () => {
    const { softwareSets } = await tc().send(new ListSoftwareSetsCommand({}));
    expect(softwareSets!.map((s) => s.id)).toEqual(["softwareset-0001", "softwareset-0002", "softwareset-0003"]);
    expect(softwareSets![0]).toMatchObject({ validationStatus: "NOT_VALIDATED", version: "2023.11.1" });
    expect(softwareSets![0].releasedAt).toBeInstanceOf(Date);
    expect(softwareSets![0]).not.toHaveProperty("software");
    const { softwareSet } = await tc().send(new GetSoftwareSetCommand({ id: "softwareset-0003" }));
    expect(softwareSet!.software!.length).toBeGreaterThan(0);
    expect(softwareSet!.supportedUntil!.getTime()).toBeGreaterThan(softwareSet!.releasedAt!.getTime());
    expect(await rejection(() => tc().send(new GetSoftwareSetCommand({ id: "softwareset-0404" })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it("sets the validation status, which is required and enumerated", async () => {
    const out = await tc().send(
      new UpdateSoftwareSetCommand({ id: "softwareset-0002", validationStatus: "VALIDATED" }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect((await tc().send(new GetSoftwareSetCommand({ id: "softwareset-0002" }))).softwareSet!.validationStatus).toBe(
      "VALIDATED",
    );
    const bad = await rejection(() =>
      tc().send(new UpdateSoftwareSetCommand({ id: "softwareset-0002", validationStatus: "MAYBE" as never })),
    );
    expect(bad).toBeInstanceOf(ValidationException);
    const missing = await rejection(() => tc().send(new UpdateSoftwareSetCommand({ id: "softwareset-0002" } as never)));
    expect(missing).toBeInstanceOf(ValidationException);
    expect(missing.fieldList).toEqual([expect.objectContaining({ name: "validationStatus" })]);
  });
});
