// An association has no describe call of its own: it exists while the fleet lists the stack.
import type { Hooks } from "../engine/hooks";
import type { ListSpec } from "../engine/calls";
import { lookup } from "../engine/wire";

export const hooks: Hooks = {
  // The read call is the schema's list operation (ListAssociatedStacks): `found` is its first page,
  // whose items are the stacks' names. The further pages, from that page's token, only when the stack
  // is not on it, so no page is asked for twice.
  // The schema declares that list operation with its NextToken, and its read call has no response path:
  // `found` is the whole answer, a structure (a fleet that does not exist lists no stacks).
  async read(ctx, scope, found) {
    const spec = ctx.schema.operations.list as ListSpec & { nextToken: string };
    const page = found as Record<string, unknown>;
    const firstPage = lookup(page, spec.items);
    const token = page[spec.nextToken];
    const listed =
      (Array.isArray(firstPage) && firstPage.includes(scope.stackName)) ||
      (token !== undefined &&
        (await ctx.listAll(spec, { ...ctx.request(spec, scope, {}), [spec.nextToken]: token })).includes(
          scope.stackName,
        ));
    return listed ? { FleetName: scope.fleetName, StackName: scope.stackName } : undefined;
  },
};
