// AppStream directory configs: what fleets and image builders need to join an Active Directory
// domain. The service keeps the service account's credentials but never answers with them (the API
// reference: "this password is not returned in the actual response"), so no read carries them.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import {
  compact,
  epochSeconds,
  inUse,
  invalid,
  KIND,
  notFound,
  optObject,
  optString,
  optStringList,
  pageOf,
  reqString,
  type Input,
  read,
  write,
  alreadyExists,
} from "./common";

export const DIRECTORY_CONFIG_KIND = "appstream:DirectoryConfig";

/** The directory config a DomainJoinInfo names must exist, as CreateFleet and CreateImageBuilder require. */
export function requireDirectoryConfig(ctx: OperationContext, domainJoinInfo: Input | undefined): void {
  const name = domainJoinInfo?.DirectoryName;
  if (typeof name === "string" && !ctx.get(DIRECTORY_CONFIG_KIND, name)) throw notFound(`Directory config ${name}`);
}

function certificateBasedAuth(input: Input): Input | undefined {
  const properties = optObject(input, "CertificateBasedAuthProperties");
  if (!properties) return undefined;
  const status = optString(properties, "Status");
  const authority = optString(properties, "CertificateAuthorityArn");
  if (status !== undefined && status !== "DISABLED" && authority === undefined) {
    throw invalid(`CertificateBasedAuthProperties.CertificateAuthorityArn is required when Status is ${status}.`);
  }
  return compact({ Status: status, CertificateAuthorityArn: authority });
}

function credentials(input: Input): Input | undefined {
  const given = optObject(input, "ServiceAccountCredentials");
  return given && { AccountName: String(given.AccountName), AccountPassword: String(given.AccountPassword) };
}

/** The directory config as Describe answers: everything but the service account's credentials. */
function view(record: ResourceRecord): Input {
  const { ServiceAccountCredentials: _kept, ...shown } = record.attributes;
  return shown;
}

function mustGet(ctx: OperationContext, name: string): ResourceRecord {
  const record = ctx.get(DIRECTORY_CONFIG_KIND, name);
  if (!record) throw notFound(`Directory config ${name}`);
  return record;
}

function createDirectoryConfig(input: Input, ctx: OperationContext) {
  const name = reqString(input, "DirectoryName");
  const record: ResourceRecord = {
    kind: DIRECTORY_CONFIG_KIND,
    id: name,
    attributes: compact({
      DirectoryName: name,
      OrganizationalUnitDistinguishedNames: optStringList(input, "OrganizationalUnitDistinguishedNames"),
      ServiceAccountCredentials: credentials(input),
      CertificateBasedAuthProperties: certificateBasedAuth(input),
      CreatedTime: epochSeconds(ctx),
    }),
  };
  if (ctx.get(DIRECTORY_CONFIG_KIND, name)) throw alreadyExists(`Directory config ${name}`);
  ctx.put(record);
  return { body: { DirectoryConfig: view(record) } };
}

function updateDirectoryConfig(input: Input, ctx: OperationContext) {
  const record = mustGet(ctx, reqString(input, "DirectoryName"));
  Object.assign(
    record.attributes,
    compact({
      OrganizationalUnitDistinguishedNames: optStringList(input, "OrganizationalUnitDistinguishedNames"),
      ServiceAccountCredentials: credentials(input),
      CertificateBasedAuthProperties: certificateBasedAuth(input),
    }),
  );
  ctx.put(record);
  return { body: { DirectoryConfig: view(record) } };
}

function deleteDirectoryConfig(input: Input, ctx: OperationContext) {
  const record = mustGet(ctx, reqString(input, "DirectoryName"));
  const joined = [...ctx.list(KIND.fleet), ...ctx.list(KIND.imageBuilder)].find(
    (r) => (r.attributes.DomainJoinInfo as Input | undefined)?.DirectoryName === record.id,
  );
  if (joined)
    throw inUse(
      `Directory config ${record.id} is in use by ${joined.kind === KIND.fleet ? "fleet" : "image builder"} ${joined.id}.`,
    );
  ctx.remove(DIRECTORY_CONFIG_KIND, record.id);
  return { body: {} };
}

function describeDirectoryConfigs(input: Input, ctx: OperationContext) {
  const names = optStringList(input, "DirectoryNames");
  const records = names ? names.map((name) => mustGet(ctx, name)) : ctx.list(DIRECTORY_CONFIG_KIND);
  const page = pageOf(ctx, "DescribeDirectoryConfigs", records, input, "MaxResults");
  return { body: compact({ DirectoryConfigs: page.items.map(view), NextToken: page.nextToken }) };
}

export const directoryConfigOperations: Operation[] = [
  write("CreateDirectoryConfig", (req, ctx) => createDirectoryConfig(req.body, ctx)),
  read("DescribeDirectoryConfigs", (req, ctx) => describeDirectoryConfigs(req.body, ctx)),
  write("UpdateDirectoryConfig", (req, ctx) => updateDirectoryConfig(req.body, ctx)),
  write("DeleteDirectoryConfig", (req, ctx) => deleteDirectoryConfig(req.body, ctx)),
];
