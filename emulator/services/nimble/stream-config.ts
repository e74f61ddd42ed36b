// The launch profile's streamConfiguration and the rules seed 000 documents for it.
import type { Checks, Json } from "../shared/checks";
import { BACKUP_MODE, CLIPBOARD_MODE, INSTANCE_TYPES, MODE } from "./model";

const P = "streamConfiguration";

/** Documented defaults: 690 minutes per session, stopped sessions not allowed (0). */
const DEFAULT_MAX_SESSION_MINUTES = 690;
const DEFAULT_MAX_STOPPED_MINUTES = 0;
/** The Nimble model's defaults and bounds for the root volume (GiB, IOPS, MiB/s). */
const VOLUME = {
  size: { min: 100, max: 16000, default: 500 },
  iops: { min: 3000, max: 16000, default: 3000 },
  throughput: { min: 125, max: 1000, default: 125 },
} as const;

/**
 * Validates a streamConfiguration and returns it as the service echoes it: defaults filled in, and
 * the persistence members present only where the persistence rules allow them.
 */
export function checkStreamConfiguration(checks: Checks, config: Json): Json {
  const clipboardMode = checks.oneOf(config, "clipboardMode", `${P}.clipboardMode`, CLIPBOARD_MODE, { required: true });
  const ec2InstanceTypes = checks.stringList(config, "ec2InstanceTypes", `${P}.ec2InstanceTypes`, {
    required: true,
    min: 1,
    values: INSTANCE_TYPES,
  });
  const streamingImageIds = checks.stringList(config, "streamingImageIds", `${P}.streamingImageIds`, { required: true, min: 1 });
  // "the maximum length of time is 30 days"
  const maxSessionLengthInMinutes = checks.integer(config, "maxSessionLengthInMinutes", `${P}.maxSessionLengthInMinutes`, { min: 1, max: 43200 });
  const persistence = checks.oneOf(config, "sessionPersistenceMode", `${P}.sessionPersistenceMode`, MODE) ?? "DEACTIVATED";
  const autoTermination = checks.oneOf(config, "automaticTerminationMode", `${P}.automaticTerminationMode`, MODE);
  const maxStopped = checks.integer(config, "maxStoppedSessionLengthInMinutes", `${P}.maxStoppedSessionLengthInMinutes`, { min: 0, max: 5760 });
  const volume = checks.object(config, "volumeConfiguration", `${P}.volumeConfiguration`);
  const persistent = persistence === "ACTIVATED";

  // Seed 000: "This parameter is only allowed when sessionPersistenceMode is ACTIVATED."
  if (!persistent && autoTermination !== undefined) {
    checks.add(`${P}.automaticTerminationMode`, "automaticTerminationMode is only allowed when sessionPersistenceMode is ACTIVATED.");
  }
  if (!persistent && volume !== undefined) {
    checks.add(`${P}.volumeConfiguration`, "volumeConfiguration is only allowed when sessionPersistenceMode is ACTIVATED.");
  }
  // Seed 000: "This field is allowed only when sessionPersistenceMode is ACTIVATED and
  // automaticTerminationMode is ACTIVATED."
  if (maxStopped !== undefined && !(persistent && autoTermination === "ACTIVATED")) {
    checks.add(
      `${P}.maxStoppedSessionLengthInMinutes`,
      "maxStoppedSessionLengthInMinutes is only allowed when sessionPersistenceMode is ACTIVATED and automaticTerminationMode is ACTIVATED.",
    );
  }

  const volumeConfiguration: Json = {};
  for (const [member, bounds] of Object.entries(VOLUME)) {
    const value = volume ? checks.integer(volume, member, `${P}.volumeConfiguration.${member}`, bounds) : undefined;
    volumeConfiguration[member] = value ?? bounds.default;
  }

  const backup = checks.object(config, "sessionBackup", `${P}.sessionBackup`);
  const sessionBackup: Json = { mode: "DEACTIVATED" };
  if (backup) {
    sessionBackup.mode = checks.oneOf(backup, "mode", `${P}.sessionBackup.mode`, BACKUP_MODE) ?? "DEACTIVATED";
    const retain = checks.integer(backup, "maxBackupsToRetain", `${P}.sessionBackup.maxBackupsToRetain`, { min: 0, max: 10 });
    if (retain !== undefined) sessionBackup.maxBackupsToRetain = retain;
  }

  const storage = checks.object(config, "sessionStorage", `${P}.sessionStorage`);
  if (storage) {
    // "The only valid option is UPLOAD."
    checks.stringList(storage, "mode", `${P}.sessionStorage.mode`, { required: true, min: 1, values: ["UPLOAD"] });
    const root = checks.object(storage, "root", `${P}.sessionStorage.root`);
    if (root) {
      checks.string(root, "linux", `${P}.sessionStorage.root.linux`, { min: 1, max: 128 });
      checks.string(root, "windows", `${P}.sessionStorage.root.windows`, { min: 1, max: 128 });
    }
  }

  return {
    clipboardMode,
    ec2InstanceTypes,
    maxSessionLengthInMinutes: maxSessionLengthInMinutes ?? DEFAULT_MAX_SESSION_MINUTES,
    sessionBackup,
    sessionPersistenceMode: persistence,
    ...(storage ? { sessionStorage: storage } : {}),
    streamingImageIds,
    ...(persistent
      ? {
          // "When allowed, the default value for this parameter is DEACTIVATED."
          automaticTerminationMode: autoTermination ?? "DEACTIVATED",
          volumeConfiguration,
          ...(autoTermination === "ACTIVATED" ? { maxStoppedSessionLengthInMinutes: maxStopped ?? DEFAULT_MAX_STOPPED_MINUTES } : {}),
        }
      : {}),
  };
}

/**
 * Whether sessions of this configuration may be stopped. A persistent session with automatic
 * termination DEACTIVATED "can remain in the STOPPED state indefinitely"; with it ACTIVATED, a
 * maxStoppedSessionLengthInMinutes of 0 means "your sessions can't be STOPPED"; without
 * persistence the field must be absent, so its default 0 applies.
 */
export function allowsStop(config: Json): boolean {
  if (config.sessionPersistenceMode !== "ACTIVATED") return false;
  if (config.automaticTerminationMode !== "ACTIVATED") return true;
  return ((config.maxStoppedSessionLengthInMinutes as number | undefined) ?? 0) > 0;
}
