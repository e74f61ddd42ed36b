// Entitlements: which applications of a stack SAML users see, matched on their SAML attributes. See
// CreateEntitlement and AssociateApplicationToEntitlement in the AppStream 2.0 API Reference.
import { ServiceError, type Operation, type OperationContext, type ResourceRecord } from "../../core/types";
import { errorStatus, serviceModel } from "../../model";
import { compact, epochSeconds, KIND, notFound, optString, pageOf, reqName, type Input, read, write } from "./common";
import { APP_KIND } from "./app-blocks";

const model = serviceModel("appstream");
const entitlementNotFound = (what: string) =>
  new ServiceError(
    "EntitlementNotFoundException",
    `${what} not found.`,
    errorStatus(model, "EntitlementNotFoundException"),
  );
const entitlementExists = (what: string) =>
  new ServiceError(
    "EntitlementAlreadyExistsException",
    `${what} already exists.`,
    errorStatus(model, "EntitlementAlreadyExistsException"),
  );

const entitlementId = (stackName: string, name: string) => `${stackName}/${name}`;

function mustGetStack(ctx: OperationContext, input: Input): string {
  const stackName = reqName(input, "StackName");
  if (!ctx.get(KIND.stack, stackName)) throw notFound(`Stack ${stackName}`);
  return stackName;
}

function mustGet(ctx: OperationContext, stackName: string, name: string): ResourceRecord {
  const entitlement = ctx.get(APP_KIND.entitlement, entitlementId(stackName, name));
  if (!entitlement) throw entitlementNotFound(`Entitlement ${name} of stack ${stackName}`);
  return entitlement;
}

function createEntitlement(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const name = reqName(input);
  if (ctx.get(APP_KIND.entitlement, entitlementId(stackName, name)))
    throw entitlementExists(`Entitlement ${name} of stack ${stackName}`);
  const now = epochSeconds(ctx);
  const attributes = compact({
    Name: name,
    StackName: stackName,
    Description: optString(input, "Description"),
    AppVisibility: input.AppVisibility,
    Attributes: input.Attributes,
    CreatedTime: now,
    LastModifiedTime: now,
  });
  ctx.put({ kind: APP_KIND.entitlement, id: entitlementId(stackName, name), attributes });
  return { body: { Entitlement: attributes } };
}

function describeEntitlements(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const name = optString(input, "Name");
  const entitlements =
    name !== undefined
      ? [mustGet(ctx, stackName, name)]
      : ctx.list(APP_KIND.entitlement).filter((e) => e.attributes.StackName === stackName);
  const page = pageOf(ctx, "DescribeEntitlements", entitlements, input, "MaxResults", 50);
  return { body: compact({ Entitlements: page.items.map((e) => e.attributes), NextToken: page.nextToken }) };
}

function updateEntitlement(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const entitlement = mustGet(ctx, stackName, reqName(input));
  Object.assign(
    entitlement.attributes,
    compact({
      Description: optString(input, "Description"),
      AppVisibility: input.AppVisibility,
      Attributes: input.Attributes,
      LastModifiedTime: epochSeconds(ctx),
    }),
  );
  ctx.put(entitlement);
  return { body: { Entitlement: entitlement.attributes } };
}

function entitled(ctx: OperationContext, stackName: string, name: string): ResourceRecord[] {
  return ctx
    .list(APP_KIND.entitledApplication)
    .filter((a) => a.attributes.StackName === stackName && a.attributes.EntitlementName === name);
}

function deleteEntitlement(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const entitlement = mustGet(ctx, stackName, reqName(input));
  for (const application of entitled(ctx, stackName, String(entitlement.attributes.Name)))
    ctx.remove(APP_KIND.entitledApplication, application.id);
  ctx.remove(APP_KIND.entitlement, entitlement.id);
  return { body: {} };
}

function associateApplication(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const entitlement = mustGet(ctx, stackName, reqName(input, "EntitlementName"));
  // The identifier is the application's name: an Application of an app block, or one in the fleet's image.
  const identifier = String(input.ApplicationIdentifier);
  const id = `${entitlement.id}/${identifier}`;
  ctx.put({
    kind: APP_KIND.entitledApplication,
    id,
    attributes: {
      StackName: stackName,
      EntitlementName: entitlement.attributes.Name,
      ApplicationIdentifier: identifier,
    },
  });
  return { body: {} };
}

function disassociateApplication(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const entitlement = mustGet(ctx, stackName, reqName(input, "EntitlementName"));
  const id = `${entitlement.id}/${String(input.ApplicationIdentifier)}`;
  if (!ctx.get(APP_KIND.entitledApplication, id))
    throw notFound(`Application ${String(input.ApplicationIdentifier)} of entitlement ${entitlement.id}`);
  ctx.remove(APP_KIND.entitledApplication, id);
  return { body: {} };
}

function listEntitledApplications(input: Input, ctx: OperationContext) {
  const stackName = mustGetStack(ctx, input);
  const entitlement = mustGet(ctx, stackName, reqName(input, "EntitlementName"));
  const page = pageOf(
    ctx,
    "ListEntitledApplications",
    entitled(ctx, stackName, String(entitlement.attributes.Name)),
    input,
    "MaxResults",
    50,
  );
  return {
    body: compact({
      EntitledApplications: page.items.map((a) => ({ ApplicationIdentifier: a.attributes.ApplicationIdentifier })),
      NextToken: page.nextToken,
    }),
  };
}

export const entitlementOperations: Operation[] = [
  write("CreateEntitlement", (req, ctx) => createEntitlement(req.body, ctx)),
  read("DescribeEntitlements", (req, ctx) => describeEntitlements(req.body, ctx)),
  write("UpdateEntitlement", (req, ctx) => updateEntitlement(req.body, ctx)),
  write("DeleteEntitlement", (req, ctx) => deleteEntitlement(req.body, ctx)),
  write("AssociateApplicationToEntitlement", (req, ctx) => associateApplication(req.body, ctx)),
  write("DisassociateApplicationFromEntitlement", (req, ctx) => disassociateApplication(req.body, ctx)),
  read("ListEntitledApplications", (req, ctx) => listEntitledApplications(req.body, ctx)),
];
