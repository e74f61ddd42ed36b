// What the provider's runtime entry does before the engine runs (provider/dynamic-provider.ts).
import { wireHooks } from "../../provider/wiring";

wireHooks();
