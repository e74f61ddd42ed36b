// App blocks (the virtual hard disk of an elastic fleet's applications, in S3) and app block builders
// (the instances that package an APPSTREAM2 app block). See CreateAppBlock and CreateAppBlockBuilder
// in the AppStream 2.0 API Reference.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import { DELETED } from "../../core/world";
import {
  alreadyExists,
  arn,
  compact,
  concurrent,
  epochSeconds,
  inUse,
  invalid,
  notFound,
  notPermitted,
  optString,
  optStringList,
  optTags,
  pageOf,
  reqInstanceType,
  reqName,
  selectByNames,
  setTags,
  type Input,
  read,
  write,
} from "./common";

export const APP_KIND = {
  appBlock: "appstream:AppBlock",
  appBlockBuilder: "appstream:AppBlockBuilder",
  builderAssociation: "appstream:AppBlockBuilderAppBlockAssociation",
  application: "appstream:Application",
  applicationFleet: "appstream:ApplicationFleetAssociation",
  entitlement: "appstream:Entitlement",
  entitledApplication: "appstream:EntitledApplication",
} as const;

/** Describe* by ARN: every ARN asked for must exist; without, everything in creation order. */
export function selectByArns(
  ctx: OperationContext,
  kind: string,
  what: string,
  arns: string[] | undefined,
): ResourceRecord[] {
  const all = ctx.list(kind);
  if (!arns) return all;
  return arns.map((wanted) => {
    const found = all.find((r) => r.attributes.Arn === wanted);
    if (!found) throw notFound(`${what} ${wanted}`);
    return found;
  });
}

export function appBlockByArn(ctx: OperationContext, appBlockArn: string): ResourceRecord {
  const block = ctx.list(APP_KIND.appBlock).find((b) => b.attributes.Arn === appBlockArn);
  if (!block) throw notFound(`App block ${appBlockArn}`);
  return block;
}

function createAppBlock(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const packaging = (input.PackagingType as string | undefined) ?? "CUSTOM";
  // "SetupScriptDetails: This must be provided for the CUSTOM PackagingType"; "PostSetupScriptDetails:
  // This can only be provided for the APPSTREAM2 PackagingType" (CreateAppBlock).
  if (packaging === "CUSTOM" && !input.SetupScriptDetails)
    throw invalid("SetupScriptDetails must be provided for the CUSTOM PackagingType.");
  if (packaging === "APPSTREAM2" && input.SetupScriptDetails)
    throw invalid("SetupScriptDetails is not allowed for the APPSTREAM2 PackagingType.");
  if (packaging === "CUSTOM" && input.PostSetupScriptDetails)
    throw invalid("PostSetupScriptDetails can only be provided for the APPSTREAM2 PackagingType.");
  if (ctx.get(APP_KIND.appBlock, name)) throw alreadyExists(`App block ${name}`);
  const attributes = compact({
    Name: name,
    Arn: arn(ctx, "app-block", name),
    Description: optString(input, "Description"),
    DisplayName: optString(input, "DisplayName"),
    SourceS3Location: input.SourceS3Location,
    SetupScriptDetails: input.SetupScriptDetails,
    PostSetupScriptDetails: input.PostSetupScriptDetails,
    PackagingType: packaging,
    // A CUSTOM app block is ready as uploaded; an APPSTREAM2 one is packaged in an app block builder first.
    State: packaging === "CUSTOM" ? "ACTIVE" : "INACTIVE",
    CreatedTime: epochSeconds(ctx),
  });
  ctx.put({ kind: APP_KIND.appBlock, id: name, attributes });
  setTags(ctx, String(attributes.Arn), optTags(input));
  return { body: { AppBlock: attributes } };
}

function describeAppBlocks(input: Input, ctx: OperationContext) {
  const blocks = selectByArns(ctx, APP_KIND.appBlock, "App block", optStringList(input, "Arns"));
  const page = pageOf(ctx, "DescribeAppBlocks", blocks, input, "MaxResults", 50);
  return { body: compact({ AppBlocks: page.items.map((b) => b.attributes), NextToken: page.nextToken }) };
}

function deleteAppBlock(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const block = ctx.get(APP_KIND.appBlock, name);
  if (!block) throw notFound(`App block ${name}`);
  const blockArn = String(block.attributes.Arn);
  const user = ctx.list(APP_KIND.application).find((a) => a.attributes.AppBlockArn === blockArn);
  if (user)
    throw inUse(
      `App block ${name} is used by application ${String(user.attributes.Name)}; delete the application first.`,
    );
  if (ctx.list(APP_KIND.builderAssociation).some((a) => a.attributes.AppBlockArn === blockArn)) {
    throw inUse(`App block ${name} is associated with an app block builder; disassociate it first.`);
  }
  ctx.remove(APP_KIND.appBlock, name);
  setTags(ctx, blockArn, undefined);
  return { body: {} };
}

function mustGetBuilder(ctx: OperationContext, name: string): ResourceRecord {
  const builder = ctx.get(APP_KIND.appBlockBuilder, name);
  if (!builder) throw notFound(`App block builder ${name}`);
  return builder;
}

const VPC_DELETABLE: Record<string, (attrs: Input) => void> = {
  IAM_ROLE_ARN: (a) => delete a.IamRoleArn,
  ACCESS_ENDPOINTS: (a) => delete a.AccessEndpoints,
  VPC_CONFIGURATION_SECURITY_GROUP_IDS: (a) => {
    const vpc = a.VpcConfig as Input | undefined;
    if (vpc) delete vpc.SecurityGroupIds;
  },
};

function vpcOf(input: Input): Input | undefined {
  const vpc = input.VpcConfig as Input | undefined;
  if (!vpc) return undefined;
  return compact({
    SubnetIds: optStringList(vpc, "SubnetIds"),
    SecurityGroupIds: optStringList(vpc, "SecurityGroupIds"),
  });
}

function createAppBlockBuilder(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const instanceType = reqInstanceType(input);
  const vpc = vpcOf(input);
  if (!((vpc?.SubnetIds as string[] | undefined)?.length ?? 0))
    throw invalid("VpcConfig.SubnetIds must name at least one subnet.");
  if (ctx.get(APP_KIND.appBlockBuilder, name)) throw alreadyExists(`App block builder ${name}`);
  const attributes = compact({
    Arn: arn(ctx, "app-block-builder", name),
    Name: name,
    DisplayName: optString(input, "DisplayName"),
    Description: optString(input, "Description"),
    Platform: input.Platform,
    InstanceType: instanceType,
    EnableDefaultInternetAccess: input.EnableDefaultInternetAccess ?? false,
    IamRoleArn: optString(input, "IamRoleArn"),
    VpcConfig: vpc,
    // Created stopped: it can only be started once an app block is associated with it (StartAppBlockBuilder).
    State: "STOPPED",
    CreatedTime: epochSeconds(ctx),
    AccessEndpoints: input.AccessEndpoints,
    DisableIMDSV1: input.DisableIMDSV1,
  });
  ctx.put({ kind: APP_KIND.appBlockBuilder, id: name, attributes });
  setTags(ctx, String(attributes.Arn), optTags(input));
  return { body: { AppBlockBuilder: attributes } };
}

function describeAppBlockBuilders(input: Input, ctx: OperationContext) {
  const builders = selectByNames(ctx, APP_KIND.appBlockBuilder, "App block builder", optStringList(input, "Names"));
  const page = pageOf(ctx, "DescribeAppBlockBuilders", builders, input, "MaxResults", 25);
  return { body: compact({ AppBlockBuilders: page.items.map((b) => b.attributes), NextToken: page.nextToken }) };
}

/** "If the app block builder is in the STARTING or STOPPING state, you can't update it. If it is RUNNING, you can only update the DisplayName and Description." */
function updateAppBlockBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGetBuilder(ctx, reqName(input));
  const attrs = builder.attributes;
  const state = String(attrs.State);
  if (state === "STARTING" || state === "STOPPING")
    throw concurrent(`App block builder ${builder.id} is ${state}; update it when it is RUNNING or STOPPED.`);
  const changing = Object.keys(input).filter(
    (k) => k !== "Name" && input[k] !== undefined && !(Array.isArray(input[k]) && (input[k] as unknown[]).length === 0),
  );
  if (state === "RUNNING") {
    const refused = changing.filter((k) => k !== "DisplayName" && k !== "Description");
    if (refused.length > 0)
      throw invalid(
        `App block builder ${builder.id} is RUNNING: only DisplayName and Description can be updated; stop it to change ${refused.join(", ")}.`,
      );
  }
  if (input.InstanceType !== undefined) reqInstanceType(input);
  const platform = optString(input, "Platform");
  if (platform !== undefined && platform !== "WINDOWS_SERVER_2019")
    throw invalid(`Platform ${platform} is not supported for app block builders.`);
  Object.assign(
    attrs,
    compact({
      DisplayName: optString(input, "DisplayName"),
      Description: optString(input, "Description"),
      Platform: input.Platform,
      InstanceType: optString(input, "InstanceType"),
      VpcConfig: vpcOf(input),
      EnableDefaultInternetAccess: input.EnableDefaultInternetAccess,
      IamRoleArn: optString(input, "IamRoleArn"),
      AccessEndpoints: input.AccessEndpoints,
      DisableIMDSV1: input.DisableIMDSV1,
    }),
  );
  for (const attribute of optStringList(input, "AttributesToDelete") ?? []) VPC_DELETABLE[attribute]?.(attrs);
  ctx.put(builder);
  return { body: { AppBlockBuilder: attrs } };
}

function builderAssociations(ctx: OperationContext, builderName: string): ResourceRecord[] {
  return ctx.list(APP_KIND.builderAssociation).filter((a) => a.attributes.AppBlockBuilderName === builderName);
}

function startAppBlockBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGetBuilder(ctx, reqName(input));
  const state = builder.attributes.State;
  if (state === "STOPPING")
    throw concurrent(`App block builder ${builder.id} is STOPPING; start it once it is STOPPED.`);
  if (state === "STOPPED") {
    if (builderAssociations(ctx, builder.id).length === 0)
      throw notPermitted(
        `App block builder ${builder.id} can only be started when it is associated with an app block.`,
      );
    ctx.transition(builder, "State", ["STARTING", "RUNNING"]);
  }
  return { body: { AppBlockBuilder: builder.attributes } };
}

function stopAppBlockBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGetBuilder(ctx, reqName(input));
  const state = builder.attributes.State;
  if (state === "STARTING")
    throw concurrent(`App block builder ${builder.id} is STARTING; stop it once it is RUNNING.`);
  if (state === "RUNNING") ctx.transition(builder, "State", ["STOPPING", "STOPPED"]);
  return { body: { AppBlockBuilder: builder.attributes } };
}

function deleteAppBlockBuilder(input: Input, ctx: OperationContext) {
  const builder = mustGetBuilder(ctx, reqName(input));
  if (builder.attributes.State !== "STOPPED")
    throw notPermitted(
      `App block builder ${builder.id} is ${String(builder.attributes.State)}; stop it before deleting it.`,
    );
  for (const association of builderAssociations(ctx, builder.id))
    ctx.remove(APP_KIND.builderAssociation, association.id);
  if (!builder.transitions?.some((t) => t.to === DELETED)) {
    ctx.transition(builder, "State", ["STOPPED", DELETED]);
    setTags(ctx, String(builder.attributes.Arn), undefined);
  }
  return { body: {} };
}

function associateBuilderAppBlock(input: Input, ctx: OperationContext) {
  const builderName = reqName(input, "AppBlockBuilderName");
  const builder = mustGetBuilder(ctx, builderName);
  const block = appBlockByArn(ctx, String(input.AppBlockArn));
  if (block.attributes.PackagingType !== "APPSTREAM2")
    throw invalid(
      `App block ${block.id} is not of the APPSTREAM2 PackagingType; only those are packaged in an app block builder.`,
    );
  if (builder.attributes.State !== "STOPPED")
    throw notPermitted(
      `App block builder ${builderName} is ${String(builder.attributes.State)}; associate app blocks while it is STOPPED.`,
    );
  const id = `${builderName}|${String(block.attributes.Arn)}`;
  const association = { AppBlockArn: block.attributes.Arn, AppBlockBuilderName: builderName };
  ctx.put({ kind: APP_KIND.builderAssociation, id, attributes: association });
  return { body: { AppBlockBuilderAppBlockAssociation: association } };
}

function disassociateBuilderAppBlock(input: Input, ctx: OperationContext) {
  const builderName = reqName(input, "AppBlockBuilderName");
  const builder = mustGetBuilder(ctx, builderName);
  const id = `${builderName}|${String(input.AppBlockArn)}`;
  if (!ctx.get(APP_KIND.builderAssociation, id))
    throw notFound(`Association of app block ${String(input.AppBlockArn)} with app block builder ${builderName}`);
  if (builder.attributes.State !== "STOPPED")
    throw notPermitted(
      `App block builder ${builderName} is ${String(builder.attributes.State)}; disassociate app blocks while it is STOPPED.`,
    );
  ctx.remove(APP_KIND.builderAssociation, id);
  return { body: {} };
}

function describeBuilderAssociations(input: Input, ctx: OperationContext) {
  const builderName = optString(input, "AppBlockBuilderName");
  const blockArn = optString(input, "AppBlockArn");
  if (!builderName && !blockArn) throw invalid("Specify AppBlockBuilderName, AppBlockArn or both.");
  const matching = ctx
    .list(APP_KIND.builderAssociation)
    .filter(
      (a) =>
        (builderName === undefined || a.attributes.AppBlockBuilderName === builderName) &&
        (blockArn === undefined || a.attributes.AppBlockArn === blockArn),
    );
  const page = pageOf(ctx, "DescribeAppBlockBuilderAppBlockAssociations", matching, input, "MaxResults", 25);
  const items = page.items.map((a) => a.attributes);
  // The model's list has min 1: an empty answer leaves it out.
  return {
    body: compact({
      AppBlockBuilderAppBlockAssociations: items.length > 0 ? items : undefined,
      NextToken: page.nextToken,
    }),
  };
}

export const appBlockOperations: Operation[] = [
  write("CreateAppBlock", (req, ctx) => createAppBlock(req.body, ctx)),
  read("DescribeAppBlocks", (req, ctx) => describeAppBlocks(req.body, ctx)),
  write("DeleteAppBlock", (req, ctx) => deleteAppBlock(req.body, ctx)),
  write("CreateAppBlockBuilder", (req, ctx) => createAppBlockBuilder(req.body, ctx)),
  read("DescribeAppBlockBuilders", (req, ctx) => describeAppBlockBuilders(req.body, ctx)),
  write("UpdateAppBlockBuilder", (req, ctx) => updateAppBlockBuilder(req.body, ctx)),
  write("StartAppBlockBuilder", (req, ctx) => startAppBlockBuilder(req.body, ctx)),
  write("StopAppBlockBuilder", (req, ctx) => stopAppBlockBuilder(req.body, ctx)),
  write("DeleteAppBlockBuilder", (req, ctx) => deleteAppBlockBuilder(req.body, ctx)),
  write("AssociateAppBlockBuilderAppBlock", (req, ctx) => associateBuilderAppBlock(req.body, ctx)),
  write("DisassociateAppBlockBuilderAppBlock", (req, ctx) => disassociateBuilderAppBlock(req.body, ctx)),
  read("DescribeAppBlockBuilderAppBlockAssociations", (req, ctx) => describeBuilderAssociations(req.body, ctx)),
];
