// Devices register themselves and software sets are published by AWS, so neither can be created
// through the API: a fresh world starts with a few of each, under stable ids that tests and example
// programs can adopt by name.
import type { OperationContext } from "../../core/types";
import { KIND, arn, epochSeconds } from "./model";

const DAY = 24 * 60 * 60 * 1000;

/** Oldest first; the last one is the latest release. */
export const SEEDED_SOFTWARE_SETS = [
  { id: "softwareset-0001", version: "2023.11.1", releasedDaysAgo: 400, supportedForDays: 30 },
  { id: "softwareset-0002", version: "2024.06.2", releasedDaysAgo: 200, supportedForDays: 365 },
  { id: "softwareset-0003", version: "2025.03.1", releasedDaysAgo: 60, supportedForDays: 540 },
] as const;

export const SEEDED_DEVICES = [
  { id: "tcdevice0000000000000001", serialNumber: "G4A0000000000001", softwareSetId: "softwareset-0003" },
  { id: "tcdevice0000000000000002", serialNumber: "G4A0000000000002", softwareSetId: "softwareset-0003" },
  { id: "tcdevice0000000000000003", serialNumber: "G4A0000000000003", softwareSetId: "softwareset-0002" },
] as const;

export function seedThinClient(ctx: OperationContext): void {
  const today = ctx.clock.now();
  for (const set of SEEDED_SOFTWARE_SETS) {
    const released = today - set.releasedDaysAgo * DAY;
    ctx.put({
      kind: KIND.softwareSet,
      id: set.id,
      attributes: {
        id: set.id,
        version: set.version,
        releasedAt: epochSeconds(released),
        supportedUntil: epochSeconds(released + set.supportedForDays * DAY),
        validationStatus: "NOT_VALIDATED",
        software: [
          { name: "Amazon WorkSpaces Thin Client OS", version: set.version },
          { name: "Amazon DCV client", version: `${set.version}.0` },
        ],
        arn: arn(ctx, `softwareset/${set.id}`),
      },
    });
  }
  const latest = SEEDED_SOFTWARE_SETS[SEEDED_SOFTWARE_SETS.length - 1];
  for (const device of SEEDED_DEVICES) {
    const set = SEEDED_SOFTWARE_SETS.find((s) => s.id === device.softwareSetId)!;
    ctx.put({
      kind: KIND.device,
      id: device.id,
      attributes: {
        id: device.id,
        serialNumber: device.serialNumber,
        model: "AWS-TC-G4A",
        status: "REGISTERED",
        currentSoftwareSetId: set.id,
        currentSoftwareSetVersion: set.version,
        softwareSetUpdateSchedule: "USE_MAINTENANCE_WINDOW",
        softwareSetUpdateStatus: set.id === latest.id ? "UP_TO_DATE" : "AVAILABLE",
        ...(set.id === latest.id ? {} : { pendingSoftwareSetId: latest.id, pendingSoftwareSetVersion: latest.version }),
        lastConnectedAt: epochSeconds(today - DAY),
        lastPostureAt: epochSeconds(today - DAY / 24),
        createdAt: epochSeconds(today - 90 * DAY),
        updatedAt: epochSeconds(today - 90 * DAY),
        arn: arn(ctx, `device/${device.id}`),
        tags: {},
      },
    });
  }
}
