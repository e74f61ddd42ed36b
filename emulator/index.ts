import { startEmulatorWith, type EmulatorOptions, type RunningEmulator } from "./core/start";
import { allServices } from "./services";

export { EmulatorControl, EmulatorControlError } from "./control-client";
export type { EmulatorOptions, RunningEmulator } from "./core/start";
export { ManualClock } from "./core/clock";

/** Starts the local endpoint for all three services on one port. */
export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulatorWith(allServices, options);
}
