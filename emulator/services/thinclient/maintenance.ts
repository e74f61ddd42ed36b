// The environment's maintenance window and software-set settings, with the rules seed 004 and
// the SDK's model document for them.
import type { Checks, Json } from "../shared/checks";

const WINDOW_TYPES = ["SYSTEM", "CUSTOM"] as const;
const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
const APPLY_TIME_OF = ["UTC", "DEVICE"] as const;
const TIMES = [
  ["startTimeHour", 23],
  ["startTimeMinute", 59],
  ["endTimeHour", 23],
  ["endTimeMinute", 59],
] as const;

/**
 * A CUSTOM window names its start, end and days; a SYSTEM window is the service's own choice, so
 * times and days are refused there rather than silently ignored. Hours are 00-23 and minutes
 * 00-59 (seed 004).
 */
export function checkMaintenanceWindow(checks: Checks, window: Json): Json {
  const P = "maintenanceWindow";
  const type = checks.oneOf(window, "type", `${P}.type`, WINDOW_TYPES, { required: true });
  const custom = type === "CUSTOM";
  const out: Json = { type };
  for (const [member, max] of TIMES) {
    const value = checks.integer(window, member, `${P}.${member}`, { min: 0, max, required: custom });
    if (value !== undefined) out[member] = value;
  }
  const days = checks.stringList(window, "daysOfTheWeek", `${P}.daysOfTheWeek`, { required: custom, min: 1, max: 7, values: DAYS, unique: true });
  if (days !== undefined) out.daysOfTheWeek = days;
  const applyTimeOf = checks.oneOf(window, "applyTimeOf", `${P}.applyTimeOf`, APPLY_TIME_OF);
  if (applyTimeOf !== undefined) out.applyTimeOf = applyTimeOf;
  if (type === "SYSTEM") {
    for (const member of [...TIMES.map(([m]) => m), "daysOfTheWeek"]) {
      if (window[member] !== undefined) checks.add(`${P}.${member}`, `${P}.${member} is only allowed when ${P}.type is CUSTOM.`);
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
    checks.add("desiredSoftwareSetId", "desiredSoftwareSetId is only allowed when softwareSetUpdateMode is USE_DESIRED.");
  }
  if (mode === "USE_DESIRED" && desired === undefined) {
    checks.add("desiredSoftwareSetId", "desiredSoftwareSetId is required when softwareSetUpdateMode is USE_DESIRED.");
  }
}
