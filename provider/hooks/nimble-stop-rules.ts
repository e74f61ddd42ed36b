// Whether a launch profile lets its sessions be stopped, in the words of the Nimble Studio API
// Reference (StreamConfiguration): without persistence a session cannot be stopped; with automatic
// termination ACTIVATED, a maxStoppedSessionLengthInMinutes of 0 (the default) means "your sessions
// can't be STOPPED".

export interface StopRelevantConfiguration {
  sessionPersistenceMode?: string;
  automaticTerminationMode?: string;
  maxStoppedSessionLengthInMinutes?: number;
}

/** Why sessions of this configuration cannot be stopped, or undefined when they can. */
export function whyStopIsRefused(config: StopRelevantConfiguration): string | undefined {
  if (config.sessionPersistenceMode !== "ACTIVATED") return "its sessionPersistenceMode is not ACTIVATED";
  if (config.automaticTerminationMode === "ACTIVATED" && (config.maxStoppedSessionLengthInMinutes ?? 0) === 0) {
    return "its automaticTerminationMode is ACTIVATED with maxStoppedSessionLengthInMinutes 0";
  }
  return undefined;
}
