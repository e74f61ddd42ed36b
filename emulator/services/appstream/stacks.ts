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
  optBool,
  optInt,
  optList,
  optObject,
  optString,
  optStringList,
  optTags,
  pageOf,
  reqName,
  selectByNames,
  setTags,
  type Input,
  read,
  write,
} from "./common";
import { USER_STACK_ASSOCIATION_KIND } from "./users";

const CONNECTOR_ATTRIBUTE: Record<string, string> = {
  STORAGE_CONNECTOR_HOMEFOLDERS: "HOMEFOLDERS",
  STORAGE_CONNECTOR_GOOGLE_DRIVE: "GOOGLE_DRIVE",
  STORAGE_CONNECTOR_ONE_DRIVE: "ONE_DRIVE",
};

/** What each StackAttribute of AttributesToDelete removes (THEME_NAME and IAM_ROLE_ARN are not modeled here). */
const DELETABLE: Record<string, string> = {
  STORAGE_CONNECTORS: "StorageConnectors",
  REDIRECT_URL: "RedirectURL",
  FEEDBACK_URL: "FeedbackURL",
  USER_SETTINGS: "UserSettings",
  EMBED_HOST_DOMAINS: "EmbedHostDomains",
  ACCESS_ENDPOINTS: "AccessEndpoints",
  STREAMING_EXPERIENCE_SETTINGS: "StreamingExperienceSettings",
  CONTENT_REDIRECTION: "ContentRedirection",
  AGENT_ACCESS_CONFIG: "AgentAccessConfig",
  WEB_AUTHN_REDIRECTION: "WebAuthnRedirection",
  STORAGE_CONNECTOR_AUTHENTICATION: "StorageConnectorAuthentication",
};

function storageConnectors(input: Input): Input[] | undefined {
  return optList(input, "StorageConnectors")?.map((c) =>
    compact({
      ConnectorType: String(c.ConnectorType),
      ResourceIdentifier: optString(c, "ResourceIdentifier"),
      Domains: optStringList(c, "Domains"),
      DomainsRequireAdminConsent: optStringList(c, "DomainsRequireAdminConsent"),
    }),
  );
}

function userSettings(input: Input): Input[] | undefined {
  return optList(input, "UserSettings")?.map((s) =>
    compact({
      Action: String(s.Action),
      Permission: String(s.Permission),
      MaximumLength: optInt(s, "MaximumLength", 1, 20971520),
    }),
  );
}

function applicationSettings(ctx: OperationContext, input: Input): Input | undefined {
  const settings = optObject(input, "ApplicationSettings");
  if (!settings) return undefined;
  const enabled = optBool(settings, "Enabled");
  if (enabled === undefined) throw invalid("Missing required parameter ApplicationSettings.Enabled.");
  return compact({
    Enabled: enabled,
    SettingsGroup: optString(settings, "SettingsGroup"),
    // The service creates one bucket per account and region the first time settings are enabled.
    S3BucketName: enabled ? `appstream-app-settings-${ctx.region}-${ctx.accountId}-emulator` : undefined,
  });
}

function stackFields(ctx: OperationContext, input: Input): Input {
  const accessEndpoints = optList(input, "AccessEndpoints")?.map((e) =>
    compact({ EndpointType: String(e.EndpointType), VpceId: optString(e, "VpceId") }),
  );
  const experience = optObject(input, "StreamingExperienceSettings");
  return compact({
    Description: optString(input, "Description"),
    DisplayName: optString(input, "DisplayName"),
    StorageConnectors: storageConnectors(input),
    RedirectURL: optString(input, "RedirectURL"),
    FeedbackURL: optString(input, "FeedbackURL"),
    UserSettings: userSettings(input),
    ApplicationSettings: applicationSettings(ctx, input),
    AccessEndpoints: accessEndpoints,
    EmbedHostDomains: optStringList(input, "EmbedHostDomains"),
    StreamingExperienceSettings: experience && compact({ PreferredProtocol: String(experience.PreferredProtocol) }),
    ContentRedirection: optObject(input, "ContentRedirection"),
    AgentAccessConfig: optObject(input, "AgentAccessConfig"),
    StorageConnectorAuthentication: optString(input, "StorageConnectorAuthentication"),
    WebAuthnRedirection: optObject(input, "WebAuthnRedirection"),
  });
}

function mustGet(ctx: OperationContext, name: string): ResourceRecord {
  const stack = ctx.get(KIND.stack, name);
  if (!stack) throw notFound(`Stack ${name}`);
  return stack;
}

function createStack(input: Input, ctx: OperationContext) {
  const name = reqName(input);
  const fields = stackFields(ctx, input);
  const tags = optTags(input);
  if (ctx.get(KIND.stack, name)) throw alreadyExists(`Stack ${name}`);
  const stack: ResourceRecord = {
    kind: KIND.stack,
    id: name,
    attributes: { Arn: arn(ctx, "stack", name), Name: name, CreatedTime: epochSeconds(ctx), ...fields },
  };
  ctx.put(stack);
  setTags(ctx, String(stack.attributes.Arn), tags);
  return { body: { Stack: stack.attributes } };
}

function describeStacks(input: Input, ctx: OperationContext) {
  const stacks = selectByNames(ctx, KIND.stack, "Stack", optStringList(input, "Names"));
  const page = pageOf(ctx, "DescribeStacks", stacks, input);
  return { body: compact({ Stacks: page.items.map((s) => s.attributes), NextToken: page.nextToken }) };
}

function updateStack(input: Input, ctx: OperationContext) {
  const stack = mustGet(ctx, reqName(input));
  const toDelete = (optStringList(input, "AttributesToDelete") ?? []).map((a) => String(a));
  const fields = stackFields(ctx, input);
  for (const attribute of toDelete) {
    const field = DELETABLE[attribute];
    if (field && fields[field] !== undefined)
      throw invalid(`${field} cannot be set and deleted (${attribute}) in the same request.`);
  }
  const attrs = stack.attributes;
  Object.assign(attrs, fields);
  if (input.DeleteStorageConnectors === true) delete attrs.StorageConnectors;
  for (const attribute of toDelete) {
    const field = DELETABLE[attribute];
    if (field) delete attrs[field];
    if (attribute === "AGENT_ACCESS_CONFIG_KMS_KEY_ARN" && attrs.AgentAccessConfig)
      delete (attrs.AgentAccessConfig as Input).KmsKeyArn;
    const connector = CONNECTOR_ATTRIBUTE[attribute];
    if (connector && Array.isArray(attrs.StorageConnectors)) {
      attrs.StorageConnectors = (attrs.StorageConnectors as Input[]).filter((c) => c.ConnectorType !== connector);
    }
  }
  ctx.put(stack);
  return { body: { Stack: attrs } };
}

function deleteStack(input: Input, ctx: OperationContext) {
  const stack = mustGet(ctx, reqName(input));
  const fleets = associations(ctx).filter((a) => a.attributes.StackName === stack.id);
  if (fleets.length > 0)
    throw inUse(
      `Stack ${stack.id} is associated with fleet ${String(fleets[0].attributes.FleetName)}; disassociate it first.`,
    );
  ctx.remove(KIND.stack, stack.id);
  for (const user of ctx.list(USER_STACK_ASSOCIATION_KIND))
    if (user.attributes.StackName === stack.id) ctx.remove(USER_STACK_ASSOCIATION_KIND, user.id);
  setTags(ctx, String(stack.attributes.Arn), undefined);
  return { body: {} };
}

function associations(ctx: OperationContext): ResourceRecord[] {
  return ctx.list(KIND.association);
}

function associationId(fleet: string, stack: string): string {
  return `${fleet}/${stack}`;
}

function associateFleet(input: Input, ctx: OperationContext) {
  const fleetName = reqName(input, "FleetName");
  const stackName = reqName(input, "StackName");
  if (!ctx.get(KIND.fleet, fleetName)) throw notFound(`Fleet ${fleetName}`);
  mustGet(ctx, stackName);
  const id = associationId(fleetName, stackName);
  if (!ctx.get(KIND.association, id))
    ctx.put({ kind: KIND.association, id, attributes: { FleetName: fleetName, StackName: stackName } });
  return { body: {} };
}

function disassociateFleet(input: Input, ctx: OperationContext) {
  const fleetName = reqName(input, "FleetName");
  const stackName = reqName(input, "StackName");
  if (!ctx.get(KIND.fleet, fleetName)) throw notFound(`Fleet ${fleetName}`);
  mustGet(ctx, stackName);
  ctx.remove(KIND.association, associationId(fleetName, stackName));
  return { body: {} };
}

function listAssociatedStacks(input: Input, ctx: OperationContext) {
  const fleetName = reqName(input, "FleetName");
  const names = associations(ctx)
    .filter((a) => a.attributes.FleetName === fleetName)
    .map((a) => String(a.attributes.StackName));
  const page = pageOf(ctx, `ListAssociatedStacks:${fleetName}`, names, input);
  return { body: compact({ Names: page.items, NextToken: page.nextToken }) };
}

function listAssociatedFleets(input: Input, ctx: OperationContext) {
  const stackName = reqName(input, "StackName");
  const names = associations(ctx)
    .filter((a) => a.attributes.StackName === stackName)
    .map((a) => String(a.attributes.FleetName));
  const page = pageOf(ctx, `ListAssociatedFleets:${stackName}`, names, input);
  return { body: compact({ Names: page.items, NextToken: page.nextToken }) };
}

export const stackOperations: Operation[] = [
  write("CreateStack", (req, ctx) => createStack(req.body, ctx)),
  read("DescribeStacks", (req, ctx) => describeStacks(req.body, ctx)),
  write("UpdateStack", (req, ctx) => updateStack(req.body, ctx)),
  write("DeleteStack", (req, ctx) => deleteStack(req.body, ctx)),
  write("AssociateFleet", (req, ctx) => associateFleet(req.body, ctx)),
  write("DisassociateFleet", (req, ctx) => disassociateFleet(req.body, ctx)),
  read("ListAssociatedStacks", (req, ctx) => listAssociatedStacks(req.body, ctx)),
  read("ListAssociatedFleets", (req, ctx) => listAssociatedFleets(req.body, ctx)),
];
