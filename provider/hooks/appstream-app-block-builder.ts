// An app block builder's app blocks are associations, not members of its create or update call:
// AssociateAppBlockBuilderAppBlock and DisassociateAppBlockBuilderAppBlock while it is STOPPED, read
// back with DescribeAppBlockBuilderAppBlockAssociations. The service deletes only a stopped builder
// with no app block associated (DeleteAppBlockBuilder in the AppStream 2.0 API Reference).
import { isNotFound } from "../engine/errors";
import type { HookContext, Hooks } from "../engine/hooks";
import type { Outputs } from "../engine/state";
import { isRecord } from "../engine/wire";

async function associatedAppBlocks(ctx: HookContext, builderName: string): Promise<string[]> {
  // Every page: the SDK has a paginator for this call, which the engine's listing uses.
  const associations = await ctx.listAll(
    { operation: "DescribeAppBlockBuilderAppBlockAssociations", items: "AppBlockBuilderAppBlockAssociations" },
    { AppBlockBuilderName: builderName },
  );
  // Stryker disable next-line MethodExpression: equivalent, every association the service lists is a structure (isRecord only narrows the type)
  return associations.filter(isRecord).map((item) => String(item.AppBlockArn));
}

async function associate(ctx: HookContext, scope: Outputs, arns: string[], associated: boolean): Promise<void> {
  const operation = associated ? "AssociateAppBlockBuilderAppBlock" : "DisassociateAppBlockBuilderAppBlock";
  for (const arn of arns) await ctx.send({ operation }, { AppBlockBuilderName: scope.name, AppBlockArn: arn });
}

const arnsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const hooks: Hooks = {
  async read(ctx, scope, found) {
    if (!isRecord(found)) return undefined;
    const arns = await associatedAppBlocks(ctx, String(scope.name));
    return { ...found, AppBlockArns: arns.length > 0 ? arns : undefined };
  },

  beforeCreate(_ctx, request) {
    const { AppBlockArns: _associatedAfterwards, ...create } = request;
    return create;
  },

  // Runs before the builder is moved to its desired state: it starts only with an app block.
  async afterCreate(ctx, scope, inputs, observed) {
    const arns = arnsOf(inputs.appBlockArns);
    if (arns.length === 0) return observed;
    await associate(ctx, scope, arns, true);
    return ctx.observe(scope);
  },

  // The engine has stopped the builder when appBlockArns changed (x-updatableIn).
  async update(ctx, scope, _olds, news, changed, current) {
    if (changed.includes("appBlockArns")) {
      const live = arnsOf(current.outputs.appBlockArns);
      const wanted = arnsOf(news.appBlockArns);
      await associate(
        ctx,
        scope,
        live.filter((arn) => !wanted.includes(arn)),
        false,
      );
      await associate(
        ctx,
        scope,
        wanted.filter((arn) => !live.includes(arn)),
        true,
      );
    }
    const rest = changed.filter((name) => name !== "appBlockArns");
    // Stryker disable next-line StringLiteral: equivalent, the builder's schema has no update wait, so the update's timeout is never used
    if (rest.length > 0) return ctx.updateAsSchemaSays(scope, news, rest, ctx.timeoutMs("update", news));
    // The associations change neither the builder's state nor its errors, and the engine reads the
    // builder again once the update is done.
    return current;
  },

  async delete(ctx, scope, props, current) {
    const timeoutMs = ctx.timeoutMs("delete", props);
    if (current.state !== "STOPPED") {
      await ctx.send({ operation: "StopAppBlockBuilder" }, { Name: scope.name });
      await ctx.wait(
        { pending: ["STARTING", "RUNNING", "STOPPING"], target: ["STOPPED"], ignoreErrors: true },
        scope,
        timeoutMs,
      );
    }
    await associate(ctx, scope, arnsOf(current.outputs.appBlockArns), false);
    try {
      await ctx.send({ operation: "DeleteAppBlockBuilder" }, { Name: scope.name });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    // A deleted builder may still be listed, STOPPED, for a while.
    await ctx.wait({ pending: ["STOPPED"], target: [], ignoreErrors: true }, scope, timeoutMs, true);
  },
};
