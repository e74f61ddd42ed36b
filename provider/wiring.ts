// The runtime entry's wiring: the generic engine imports no resource's code, so the hook modules
// are handed to it here, by the provider (dynamic-provider.ts), the code generator and the build.
import { useHooks } from "./engine/hooks";
import { hookModules } from "./hooks";

export function wireHooks(): void {
  useHooks(hookModules);
}
