// An association has no describe call of its own: it exists while the fleet lists the stack.
import type { Hooks } from "../engine/hooks";
import { isRecord, lookup } from "../engine/wire";

export const hooks: Hooks = {
  // The read call is the schema's list operation (ListAssociatedStacks): `found` is its first page,
  // whose items are the stacks' names. The further pages, from that page's token, only when the stack
  // is not on it, so no page is asked for twice.
  async read(ctx, scope, found) {
    const spec = ctx.schema.operations.list;
    if (!isRecord(found) || !spec) return undefined;
    const firstPage = lookup(found, spec.items);
    const token = spec.nextToken ? found[spec.nextToken] : undefined;
    const listed =
      (Array.isArray(firstPage) && firstPage.includes(scope.stackName)) ||
      (spec.nextToken !== undefined &&
        token !== undefined &&
        (await ctx.listAll(spec, { ...ctx.request(spec, scope, {}), [spec.nextToken]: token })).includes(
          scope.stackName,
        ));
    return listed ? { FleetName: scope.fleetName, StackName: scope.stackName } : undefined;
  },
};
