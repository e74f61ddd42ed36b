// A device registers itself: someone types the environment's activation code on the device. The
// control API stands in for that hand (POST /_emulator/register-device), so tests and demos can
// have devices join the environments a program created.
import type { OperationContext, ResourceRecord } from "../../core/types";
import { invalid } from "./errors";
import { KIND, arn, now } from "./model";

/**
 * Registers a device to the environment whose activation code is given: a new one, or the device
 * with this serial number again (a deregistered device can be registered anew). It starts on the
 * environment's desired software set, else the latest, and carries the environment's device tags.
 */
export function registerDevice(
  body: Record<string, unknown>,
  ctx: OperationContext,
): { device: Record<string, unknown> } {
  const code = body.activationCode;
  const environment = ctx.list(KIND.environment).find((e) => e.attributes.activationCode === code);
  if (typeof code !== "string" || !environment)
    throw invalid(`No environment has the activation code ${String(code)}.`);
  const latest = ctx
    .list(KIND.softwareSet)
    .reduce<ResourceRecord | undefined>(
      (a, b) => (a && (a.attributes.releasedAt as number) >= (b.attributes.releasedAt as number) ? a : b),
      undefined,
    );
  const softwareSetId = (environment.attributes.desiredSoftwareSetId as string | undefined) ?? latest?.id;
  const existing = ctx
    .list(KIND.device)
    .find((d) => typeof body.serialNumber === "string" && d.attributes.serialNumber === body.serialNumber);
  const id = existing?.id ?? ctx.nextId("tcdevice");
  const serialNumber =
    typeof body.serialNumber === "string"
      ? body.serialNumber
      : `G4A${id
          .replace(/[^0-9A-Fa-f]/g, "")
          .toUpperCase()
          .padStart(13, "0")}`;
  const at = now(ctx);
  const device: ResourceRecord = {
    kind: KIND.device,
    id,
    attributes: {
      ...existing?.attributes,
      id,
      serialNumber,
      model: "AWS-TC-G4A",
      environmentId: environment.id,
      status: "REGISTERED",
      currentSoftwareSetId: softwareSetId,
      currentSoftwareSetVersion:
        softwareSetId === undefined ? undefined : ctx.get(KIND.softwareSet, softwareSetId)?.attributes.version,
      softwareSetUpdateSchedule: environment.attributes.softwareSetUpdateSchedule ?? "USE_MAINTENANCE_WINDOW",
      softwareSetUpdateStatus: "UP_TO_DATE",
      ...(typeof body.name === "string" ? { name: body.name } : {}),
      lastPostureAt: at,
      createdAt: existing?.attributes.createdAt ?? at,
      updatedAt: at,
      arn: arn(ctx, `device/${id}`),
      tags: { ...(environment.attributes.deviceCreationTags ?? {}) },
    },
  };
  ctx.put(device);
  return { device: device.attributes };
}
