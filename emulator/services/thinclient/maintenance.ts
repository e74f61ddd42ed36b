// The environment's maintenance window and software-set settings: the rules the service documents
// beyond what the model's shapes express.
import type { Checks, Json } from "../shared/checks";

const TIMES = ["startTimeHour", "startTimeMinute", "endTimeHour", "endTimeMinute"] as const;

/**
 * A CUSTOM window names its start, end and days; a SYSTEM window is the service's own choice, so
 * times and days are refused there rather than silently ignored. The model bounds the members
 * themselves (hours 0-23, minutes 0-59, one to seven days).
 */
export function checkMaintenanceWindow(checks: Checks, window: Json): Json {
  const P = "maintenanceWindow";
  const custom = window.type === "CUSTOM";
  const out: Json = { type: window.type };
  for (const member of TIMES) {
    if (window[member] !== undefined) out[member] = window[member];
    else if (custom) checks.add(`${P}.${member}`, `${P}.${member} is required when ${P}.type is CUSTOM.`);
  }
  const days = window.daysOfTheWeek as string[] | undefined;
  if (days !== undefined) out.daysOfTheWeek = days;
  else if (custom) checks.add(`${P}.daysOfTheWeek`, `${P}.daysOfTheWeek is required when ${P}.type is CUSTOM.`);
  if (days && new Set(days).size !== days.length)
    checks.add(`${P}.daysOfTheWeek`, `${P}.daysOfTheWeek must not contain duplicates.`);
  if (window.applyTimeOf !== undefined) out.applyTimeOf = window.applyTimeOf;
  if (!custom) {
    for (const member of [...TIMES, "daysOfTheWeek"]) {
      if (window[member] !== undefined)
        checks.add(`${P}.${member}`, `${P}.${member} is only allowed when ${P}.type is CUSTOM.`);
    }
  }
  if (custom && out.startTimeHour !== undefined && out.endTimeHour !== undefined) {
    const start = (out.startTimeHour as number) * 60 + ((out.startTimeMinute as number) ?? 0);
    const end = (out.endTimeHour as number) * 60 + ((out.endTimeMinute as number) ?? 0);
    if (start === end) checks.add(P, "The maintenance window must not start and end at the same time.");
  }
  return out;
}

/**
 * desiredSoftwareSetId only makes sense when the environment pins a set: it is refused with
 * softwareSetUpdateMode USE_LATEST and required with USE_DESIRED.
 */
export function checkSoftwareSetMode(checks: Checks, mode: string, desired: string | undefined): void {
  if (mode === "USE_LATEST" && desired !== undefined) {
    checks.add(
      "desiredSoftwareSetId",
      "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED.",
    );
  }
  if (mode === "USE_DESIRED" && desired === undefined) {
    checks.add("desiredSoftwareSetId", "desiredSoftwareSetId is required when softwareSetUpdateMode is USE_DESIRED.");
  }
}
