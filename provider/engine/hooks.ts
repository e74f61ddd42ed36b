import type { CheckFailure, Inputs } from "./check";
import type { HookContext } from "./resource-context";
import type { ResourceSchema } from "./schema-types";
import type { Outputs } from "./state";
import type { Observation } from "./waiter";

export type { HookContext };

/** The named points where a resource type may step in when its service is irregular. */
export interface Hooks {
  /**
   * Reshapes what the read call found (the object at its `response` path, or the whole response) into
   * the resource object on the wire; undefined means the resource is gone. It may call the service
   * again (for the further pages of a list).
   */
  read?(
    ctx: HookContext,
    scope: Outputs,
    found: unknown,
  ): Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
  /** Rules that need more than JSON Schema. */
  check?(ctx: HookContext, inputs: Inputs): CheckFailure[];
  /**
   * Rules that depend on another resource as the service has it now (a session may only be stopped if
   * its launch profile allows it). Runs at preview after the schema rules passed; values not known yet
   * are absent from `inputs`, and a rule that cannot tell must return no failure. `olds` are the
   * inputs of the last update, so a rule can judge only what this one asks for.
   */
  checkWithService?(ctx: HookContext, olds: Inputs, inputs: Inputs): Promise<CheckFailure[]>;
  beforeCreate?(ctx: HookContext, request: Record<string, unknown>, inputs: Inputs): Record<string, unknown>;
  /**
   * Judges the create call's answer before anything is recorded: a batch call (AppStream's
   * BatchAssociateUserStack) answers 200 and lists the items it refused; throwing fails the create.
   */
  checkCreateResponse?(ctx: HookContext, response: Record<string, unknown>): void;
  /** After the create settled and before the resource is moved to its desired state (which may need what this adds). */
  afterCreate?(ctx: HookContext, scope: Outputs, inputs: Inputs, observed: Observation): Promise<Observation>;
  /** A create that ended in a failed state (`observed`): the observation after repairing it, or undefined to fail. */
  repairFailedCreate?(
    ctx: HookContext,
    scope: Outputs,
    inputs: Inputs,
    observed: Observation,
  ): Promise<Observation | undefined>;
  /** Replaces the generic in-place update of service properties. */
  update?(
    ctx: HookContext,
    scope: Outputs,
    olds: Outputs,
    news: Inputs,
    changed: string[],
    current: Observation,
  ): Promise<Observation>;
  /**
   * On refresh: engine inputs (x-engine) whose effect the live resource lacks, with the value that says
   * so (a studio asked to keep its SSO configuration repaired that reports it broken), so the next
   * preview shows them changed and the update acts on them.
   */
  engineInputsNotInEffect?(ctx: HookContext, props: Outputs, observed: Observation): Record<string, unknown>;
  /** Replaces the generic delete (the resource exists and is settled, or stuck busy with errors, when this runs). */
  delete?(ctx: HookContext, scope: Outputs, props: Outputs, current: Observation): Promise<void>;
}

let registry: Readonly<Record<string, Hooks>> | undefined;

/**
 * Wires in the hook modules by the names schema files give in `hooks:`. The engine imports no
 * resource's code: the runtime entry (provider/wiring.ts) hands it the registry.
 */
export function useHooks(modules: Readonly<Record<string, Hooks>>): void {
  registry = modules;
}

/** The names of the wired-in hook modules; undefined before any are wired in. */
export function registeredHookNames(): string[] | undefined {
  return registry && Object.keys(registry);
}

export function loadHooks(schema: ResourceSchema): Hooks {
  if (!schema.hooks) return {};
  if (!registry) {
    throw new Error(
      `${schema.type} names hooks "${schema.hooks}", but no hook modules are wired in (provider/wiring.ts does it)`,
    );
  }
  const hooks = registry[schema.hooks];
  if (!hooks) throw new Error(`${schema.type}: hooks "${schema.hooks}" is not a registered hook module`);
  return hooks;
}
