// What the thinclient:Device and thinclient:SoftwareSetValidation hooks do that a user notices, through
// the provider's entry points against the local endpoint: which previews read the device to judge
// its stated environment, and what a software set's validation keeps, tags, restores and untags.
import { describe, expect, it } from "vitest";
import { thinClientService } from "../../emulator/services/thinclient";
import { PREVIOUS_STATUS_TAG } from "../../provider/hooks/thinclient-software-set-validation";
import {
  checked,
  create,
  destroy,
  destroyError,
  failuresOf,
  providerEndpoint,
  read,
  urnOf,
} from "../helpers/provider-calls";

const endpoint = providerEndpoint([thinClientService], "world");

const operations = async () => (await endpoint().control.calls()).log.map((e) => e.operation);

/** A device that registered itself with a new environment's activation code. */
async function registeredDevice(): Promise<{ environmentId: string; deviceId: string }> {
  const environment = await create(
    await checked("thinclient:Environment", { desktopArn: "arn:aws:appstream:us-west-2:123456789012:stack/apps" }),
  );
  const { device } = await endpoint().control.serviceControl<{ device: { id: string } }>("register-device", {
    activationCode: environment.outs.activationCode,
  });
  await endpoint().control.resetCalls();
  return { environmentId: environment.id, deviceId: device.id };
}

describe("thinclient:Device preview of its stated environment", () => {
  it("does not read the device when the program states no environment", async () => {
    const { deviceId } = await registeredDevice();
    const news = { __urn: urnOf("thinclient:Device"), adoptId: deviceId, name: "kiosk" };
    expect(await failuresOf(news)).toEqual([]);
    expect(await operations()).not.toContain("GetDevice");
  });

  it("cannot judge, so lets through, a device that has no environment or does not exist", async () => {
    const seeded = { __urn: urnOf("thinclient:Device"), adoptId: "tcdevice0000000000000001", environmentId: "env-1" };
    expect(await failuresOf(seeded)).toEqual([]);
    const missing = { __urn: urnOf("thinclient:Device"), adoptId: "tcdevice0000000000009999", environmentId: "env-1" };
    expect(await failuresOf(missing)).toEqual([]);
    expect(await operations()).toContain("GetDevice");
  });

  it("reads the device to compare a stated environment", async () => {
    const { environmentId, deviceId } = await registeredDevice();
    const news = { __urn: urnOf("thinclient:Device"), adoptId: deviceId, environmentId };
    expect(await failuresOf(news)).toEqual([]);
    expect(await endpoint().control.inputs("GetDevice")).toEqual([{ id: deviceId }]);
    expect(await failuresOf({ ...news, environmentId: "env-elsewhere" })).toEqual([
      expect.objectContaining({ property: "environmentId" }),
    ]);
  });
});

describe("thinclient:SoftwareSetValidation", () => {
  const type = "thinclient:SoftwareSetValidation";
  const softwareSet = async (id: string) =>
    (await endpoint().control.resource("thinclient:SoftwareSet", id))?.attributes ?? {};

  it("refuses adoptId, saying which software set it takes hold of instead", async () => {
    const news = { __urn: urnOf(type), softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" };
    expect(await failuresOf({ ...news, adoptId: "softwareset-0001" })).toEqual([
      {
        property: "adoptId",
        reason:
          "adoptId is not used by thinclient:SoftwareSetValidation: it takes hold of the software set named by softwareSetId",
      },
    ]);
    expect(await failuresOf(news)).toEqual([]);
  });

  it("tags the software set with the status it found, with one TagResource naming its ARN", async () => {
    const inputs = await checked(type, { softwareSetId: "softwareset-0002", validationStatus: "VALIDATED" });
    const { outs } = await create(inputs);
    const arn = (await softwareSet("softwareset-0002")).arn;
    expect(await endpoint().control.inputs("TagResource")).toEqual([
      { resourceArn: arn, tags: await endpoint().control.redacted({ [PREVIOUS_STATUS_TAG]: "NOT_VALIDATED" }) },
    ]);
    expect(outs.previousValidationStatus).toBe("NOT_VALIDATED");
  });

  it("takes a status an interrupted create left in the tag, without tagging again", async () => {
    await endpoint().control.mutate("thinclient:SoftwareSet", "softwareset-0002", {
      validationStatus: "VALIDATED",
      tags: { [PREVIOUS_STATUS_TAG]: "NOT_VALIDATED" },
    });
    const { outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0002", validationStatus: "VALIDATED" }),
    );
    expect(outs.previousValidationStatus).toBe("NOT_VALIDATED");
    expect(await operations()).not.toContain("TagResource");
  });

  it("ignores a tag that holds no validation status and keeps the status it found", async () => {
    await endpoint().control.mutate("thinclient:SoftwareSet", "softwareset-0002", {
      validationStatus: "VALIDATED",
      tags: { [PREVIOUS_STATUS_TAG]: "SOMETHING_ELSE" },
    });
    const { outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0002", validationStatus: "NOT_VALIDATED" }),
    );
    expect(outs.previousValidationStatus).toBe("VALIDATED");
    expect((await softwareSet("softwareset-0002")).tags).toEqual({ [PREVIOUS_STATUS_TAG]: "VALIDATED" });
  });

  it("carries the status of state written before it was recorded through a refresh", async () => {
    const { id, outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0003", validationStatus: "VALIDATED" }),
    );
    const older = Object.fromEntries(Object.entries(outs).filter(([key]) => key !== "previousValidationStatus"));
    expect((await read(id, older)).props?.previousValidationStatus).toBe("VALIDATED");
    expect((await read(id, outs)).props?.previousValidationStatus).toBe("NOT_VALIDATED");
  });

  it("takes a software set that is no longer there as gone on refresh", async () => {
    const { id, outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0003", validationStatus: "VALIDATED" }),
    );
    await endpoint().control.deleteResource("thinclient:SoftwareSet", id);
    expect(await read(id, outs)).toEqual({});
  });

  it("destroys without UpdateSoftwareSet when the status is already the one to restore, then untags", async () => {
    const { id, outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" }),
    );
    await endpoint().control.mutate("thinclient:SoftwareSet", id, { validationStatus: "NOT_VALIDATED" });
    await endpoint().control.resetCalls();
    await destroy(id, outs);
    expect(await operations()).not.toContain("UpdateSoftwareSet");
    expect(await endpoint().control.inputs("UntagResource")).toEqual([
      { resourceArn: outs.arn, tagKeys: await endpoint().control.redacted([PREVIOUS_STATUS_TAG]) },
    ]);
    expect((await softwareSet(id)).tags ?? {}).toEqual({});
  });

  it("restores the status with the schema's call, and says so when the recorded one is not a status", async () => {
    const { id, outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" }),
    );
    await endpoint().control.resetCalls();
    await destroy(id, outs);
    expect(await endpoint().control.inputs("UpdateSoftwareSet")).toEqual([
      { id: "softwareset-0001", validationStatus: "NOT_VALIDATED" },
    ]);
    const error = await destroyError(id, { ...outs, previousValidationStatus: "SOMETHING_ELSE" });
    expect(error?.message).toContain("thinclient:SoftwareSetValidation");
    expect(error?.message).toContain(": cannot restore validation status SOMETHING_ELSE");
  });

  it("restores nothing and untags nothing for state without a recorded status or ARN", async () => {
    const { id, outs } = await create(
      await checked(type, { softwareSetId: "softwareset-0001", validationStatus: "VALIDATED" }),
    );
    await endpoint().control.resetCalls();
    const { previousValidationStatus: _status, arn: _arn, ...bare } = outs;
    await destroy(id, bare);
    expect(await operations()).not.toContain("UpdateSoftwareSet");
    expect(await operations()).not.toContain("UntagResource");
    expect((await softwareSet(id)).validationStatus).toBe("VALIDATED");
  });
});
