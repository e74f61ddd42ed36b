// "Refuse to delete while these exist": a service that would leave a resource DELETE_FAILED (and
// unusable) when it still holds others is told nothing; the destroy fails first, naming them.
import { WaitError, waitFor } from "./waiter";
import type { ResourceContext } from "./resource-context";
import { loadSchema } from "./schema-loader";
import type { DependentsRule } from "./schema-types";
import type { Outputs } from "./state";
import { isRecord, resolveTemplate } from "./wire";

/** The dependents `rule` finds for the resource in `scope`, without those already deleted. */
async function dependentsOf(ctx: ResourceContext, scope: Outputs, rule: DependentsRule): Promise<Outputs[]> {
  // Stryker disable next-line OptionalChaining: the dependents' types (launch profile, streaming session) have a delete phase
  const deleted = loadSchema(rule.type).lifecycle?.delete;
  // Stryker disable next-line OptionalChaining,MethodExpression,ArrayDeclaration: their delete phase exists (above), and no state is both a delete target and a delete pending state
  const gone = (deleted?.target ?? []).filter((s) => !deleted?.pending.includes(s));
  const match = resolveTemplate(rule.match ?? {}, scope) as Outputs;
  // Stryker disable next-line MethodExpression: a list operation's items are the service's structures, objects every one
  const items = (await ctx.list(scope, rule.type)).filter(isRecord);
  return items.filter(
    (item) => Object.entries(match).every(([k, v]) => item[k] === v) && !gone.includes(String(item.state)),
  );
}

/** The state the wait for dependents being deleted ends in, as its status line names it. */
const settled = "dependents settled";

/** Fails the delete when a rule of the schema finds dependents, once those being deleted are gone. */
export async function refuseWhileDependentsExist(
  ctx: ResourceContext,
  scope: Outputs,
  timeoutMs: number,
): Promise<void> {
  for (const rule of ctx.schema.dependents ?? []) {
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: the dependents' types (launch profile, streaming session) have a delete phase, whose pending states the meta-schema requires
    const deleting = loadSchema(rule.type).lifecycle?.delete?.pending ?? [];
    let found = await dependentsOf(ctx, scope, rule);
    const inDeletion = () => found.some((d) => deleting.includes(String(d.state)));
    if (inDeletion()) {
      try {
        await waitFor({
          // Stryker disable next-line StringLiteral: the subject names the resource only in the wait's errors, which are caught below; the refusal names it itself
          subject: `${ctx.subject} (${ctx.idOf(scope)})`,
          urn: ctx.urn,
          pending: ["dependents being deleted"],
          target: [settled],
          // Stryker disable next-line ArrayDeclaration: the observation below reports only the two states named here
          failed: [],
          timeoutMs,
          observe: async () => {
            found = await dependentsOf(ctx, scope, rule);
            return {
              gone: false,
              state: inDeletion() ? "dependents being deleted" : settled,
              errors: [],
              outputs: {},
            };
          },
        });
      } catch (error) {
        // Past the timeout: refuse, naming them as they are.
        if (!(error instanceof WaitError)) throw error;
      }
    }
    if (found.length === 0) continue;
    const named = found.map((d) => String(resolveTemplate(rule.label, d))).join(", ");
    throw new Error(
      `${ctx.subject} (${ctx.idOf(scope)}) ${String(resolveTemplate(rule.refusal, { ...scope, dependents: named }))}`,
    );
  }
}
