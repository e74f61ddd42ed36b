// The launch profile's streamConfiguration and the rules seed 000 documents for it.
import type { Checks, Json } from "../shared/checks";

const P = "streamConfiguration";

/** Documented defaults: 690 minutes per session, stopped sessions not allowed (0). */
const DEFAULT_MAX_SESSION_MINUTES = 690;
const DEFAULT_MAX_STOPPED_MINUTES = 0;
/** The service's defaults for the root volume (GiB, IOPS, MiB/s); the model bounds them. */
const VOLUME_DEFAULTS = { size: 500, iops: 3000, throughput: 125 } as const;

/**
 * Applies the persistence rules to a streamConfiguration (the model has already checked its
 * members) and returns it as the service echoes it: defaults filled in, and the persistence
 * members present only where the persistence rules allow them.
 */
export function checkStreamConfiguration(checks: Checks, config: Json): Json {
  const clipboardMode = config.clipboardMode as string;
  const ec2InstanceTypes = config.ec2InstanceTypes as string[];
  const streamingImageIds = config.streamingImageIds as string[];
  const maxSessionLengthInMinutes = config.maxSessionLengthInMinutes as number | undefined;
  const persistence = (config.sessionPersistenceMode as string | undefined) ?? "DEACTIVATED";
  const autoTermination = config.automaticTerminationMode as string | undefined;
  const maxStopped = config.maxStoppedSessionLengthInMinutes as number | undefined;
  const volume = config.volumeConfiguration as Json | undefined;
  const persistent = persistence === "ACTIVATED";

  // Seed 000: "This parameter is only allowed when sessionPersistenceMode is ACTIVATED."
  if (!persistent && autoTermination !== undefined) {
    checks.add(
      `${P}.automaticTerminationMode`,
      "automaticTerminationMode is only allowed when sessionPersistenceMode is ACTIVATED.",
    );
  }
  if (!persistent && volume !== undefined) {
    checks.add(
      `${P}.volumeConfiguration`,
      "volumeConfiguration is only allowed when sessionPersistenceMode is ACTIVATED.",
    );
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
  for (const [member, fallback] of Object.entries(VOLUME_DEFAULTS))
    volumeConfiguration[member] = volume?.[member] ?? fallback;

  const backup = config.sessionBackup as Json | undefined;
  const sessionBackup: Json = { mode: backup?.mode ?? "DEACTIVATED" };
  if (backup?.maxBackupsToRetain !== undefined) sessionBackup.maxBackupsToRetain = backup.maxBackupsToRetain;
  const storage = config.sessionStorage as Json | undefined;

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
          ...(autoTermination === "ACTIVATED"
            ? { maxStoppedSessionLengthInMinutes: maxStopped ?? DEFAULT_MAX_STOPPED_MINUTES }
            : {}),
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
