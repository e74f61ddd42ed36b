// Applications of an app block, and their association with elastic fleets. See CreateApplication and
// AssociateApplicationFleet in the AppStream 2.0 API Reference.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import {
  alreadyExists,
  arn,
  compact,
  epochSeconds,
  inUse,
  invalid,
  KIND,
  notFound,
  optString,
  optStringList,
  optTags,
  pageOf,
  reqName,
  setTags,
  type Input,
  read,
  write,
} from "./common";
import { APP_KIND, appBlockByArn, selectByArns } from "./app-blocks";

/** The members UpdateApplication's AttributesToDelete removes. */
const DELETABLE: Record<string, string> = {
  LAUNCH_PARAMETERS: "LaunchParameters",
  WORKING_DIRECTORY: "WorkingDirectory",
};

function mustGet(ctx: OperationContext, name: string): ResourceRecord {
  const application = ctx.get(APP_KIND.application, name);
  if (!application) throw notFound(`Application ${name}`);
  return application;
}

export function applicationByArn(ctx: OperationContext, applicationArn: string): ResourceRecord {
  const application = ctx.list(APP_KIND.application).find((a) => a.attributes.Arn === applicationArn);
  if (!application) throw notFound(`Application ${applicationArn}`);
  return application;
}

function iconUrl(location: Input): string {
  return `https://${String(location.S3Bucket)}.s3.amazonaws.com/${typeof location.S3Key === "string" ? location.S3Key : ""}`;
}

function createApplication(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const block = appBlockByArn(ctx, String(input.AppBlockArn));
  if (ctx.get(APP_KIND.application, name)) throw alreadyExists(`Application ${name}`);
  const icon = input.IconS3Location as Input;
  const attributes = compact({
    Name: name,
    DisplayName: optString(input, "DisplayName"),
    IconURL: iconUrl(icon),
    LaunchPath: optString(input, "LaunchPath"),
    LaunchParameters: optString(input, "LaunchParameters"),
    Enabled: true,
    Metadata: {},
    WorkingDirectory: optString(input, "WorkingDirectory"),
    Description: optString(input, "Description"),
    Arn: arn(ctx, "application", name),
    AppBlockArn: block.attributes.Arn,
    IconS3Location: icon,
    Platforms: optStringList(input, "Platforms"),
    InstanceFamilies: optStringList(input, "InstanceFamilies"),
    CreatedTime: epochSeconds(ctx),
  });
  ctx.put({ kind: APP_KIND.application, id: name, attributes });
  setTags(ctx, String(attributes.Arn), optTags(input));
  return { body: { Application: attributes } };
}

function describeApplications(input: Input, ctx: OperationContext) {
  const applications = selectByArns(ctx, APP_KIND.application, "Application", optStringList(input, "Arns"));
  const page = pageOf(ctx, "DescribeApplications", applications, input, "MaxResults", 50);
  return { body: compact({ Applications: page.items.map((a) => a.attributes), NextToken: page.nextToken }) };
}

function updateApplication(input: Input, ctx: OperationContext) {
  const application = mustGet(ctx, reqName(input));
  const attrs = application.attributes;
  const toDelete = optStringList(input, "AttributesToDelete") ?? [];
  for (const attribute of toDelete) {
    if (input[DELETABLE[attribute]] !== undefined)
      throw invalid(`${DELETABLE[attribute]} cannot be set and deleted (${attribute}) in the same request.`);
  }
  const blockArn = optString(input, "AppBlockArn");
  const block = blockArn === undefined ? undefined : appBlockByArn(ctx, blockArn);
  const icon = input.IconS3Location as Input | undefined;
  Object.assign(
    attrs,
    compact({
      DisplayName: optString(input, "DisplayName"),
      Description: optString(input, "Description"),
      IconS3Location: icon,
      IconURL: icon && iconUrl(icon),
      LaunchPath: optString(input, "LaunchPath"),
      WorkingDirectory: optString(input, "WorkingDirectory"),
      LaunchParameters: optString(input, "LaunchParameters"),
      AppBlockArn: block?.attributes.Arn,
    }),
  );
  for (const attribute of toDelete) delete attrs[DELETABLE[attribute]];
  ctx.put(application);
  return { body: { Application: attrs } };
}

function deleteApplication(input: Input, ctx: OperationContext) {
  const application = mustGet(ctx, reqName(input));
  const applicationArn = String(application.attributes.Arn);
  const fleet = ctx.list(APP_KIND.applicationFleet).find((a) => a.attributes.ApplicationArn === applicationArn);
  if (fleet)
    throw inUse(
      `Application ${application.id} is associated with fleet ${String(fleet.attributes.FleetName)}; disassociate it first.`,
    );
  ctx.remove(APP_KIND.application, application.id);
  setTags(ctx, applicationArn, undefined);
  return { body: {} };
}

function associateApplicationFleet(input: Input, ctx: OperationContext) {
  const fleetName = reqName(input, "FleetName");
  const fleet = ctx.get(KIND.fleet, fleetName);
  if (!fleet) throw notFound(`Fleet ${fleetName}`);
  const application = applicationByArn(ctx, String(input.ApplicationArn));
  // "This is only supported for Elastic fleets" (AssociateApplicationFleet); the application must run on the fleet's platform.
  if (fleet.attributes.FleetType !== "ELASTIC")
    throw invalid(`Fleet ${fleetName} is not an ELASTIC fleet; applications are associated with elastic fleets only.`);
  const platforms = (application.attributes.Platforms as string[] | undefined) ?? [];
  if (!platforms.includes(String(fleet.attributes.Platform))) {
    throw invalid(
      `Application ${application.id} supports ${platforms.join(", ")}, not the fleet's platform ${String(fleet.attributes.Platform)}.`,
    );
  }
  const association = { FleetName: fleetName, ApplicationArn: application.attributes.Arn };
  ctx.put({
    kind: APP_KIND.applicationFleet,
    id: `${fleetName}|${String(application.attributes.Arn)}`,
    attributes: association,
  });
  return { body: { ApplicationFleetAssociation: association } };
}

function disassociateApplicationFleet(input: Input, ctx: OperationContext) {
  const fleetName = reqName(input, "FleetName");
  const id = `${fleetName}|${String(input.ApplicationArn)}`;
  // The operation models no ResourceNotFoundException: disassociating what is not associated is refused as a bad combination.
  if (!ctx.get(APP_KIND.applicationFleet, id))
    throw invalid(`Application ${String(input.ApplicationArn)} is not associated with fleet ${fleetName}.`);
  ctx.remove(APP_KIND.applicationFleet, id);
  return { body: {} };
}

function describeApplicationFleetAssociations(input: Input, ctx: OperationContext) {
  const fleetName = optString(input, "FleetName");
  const applicationArn = optString(input, "ApplicationArn");
  if (!fleetName && !applicationArn) throw invalid("Specify FleetName, ApplicationArn or both.");
  const matching = ctx
    .list(APP_KIND.applicationFleet)
    .filter(
      (a) =>
        (fleetName === undefined || a.attributes.FleetName === fleetName) &&
        (applicationArn === undefined || a.attributes.ApplicationArn === applicationArn),
    );
  const page = pageOf(ctx, "DescribeApplicationFleetAssociations", matching, input, "MaxResults", 25);
  const items = page.items.map((a) => a.attributes);
  return {
    body: compact({ ApplicationFleetAssociations: items.length > 0 ? items : undefined, NextToken: page.nextToken }),
  };
}

export const applicationOperations: Operation[] = [
  write("CreateApplication", (req, ctx) => createApplication(req.body, ctx)),
  read("DescribeApplications", (req, ctx) => describeApplications(req.body, ctx)),
  write("UpdateApplication", (req, ctx) => updateApplication(req.body, ctx)),
  write("DeleteApplication", (req, ctx) => deleteApplication(req.body, ctx)),
  write("AssociateApplicationFleet", (req, ctx) => associateApplicationFleet(req.body, ctx)),
  write("DisassociateApplicationFleet", (req, ctx) => disassociateApplicationFleet(req.body, ctx)),
  read("DescribeApplicationFleetAssociations", (req, ctx) => describeApplicationFleetAssociations(req.body, ctx)),
];
