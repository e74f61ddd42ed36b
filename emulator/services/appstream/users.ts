// AppStream user pool users and their stack associations. CreateUser takes only USERPOOL users (the
// API reference: "You must specify USERPOOL"); a user's identity is its user name (an email address,
// case-sensitive) with its authentication type. The batch association calls answer 200 and report
// each association they could not make or undo in `errors`.
import type { Operation, OperationContext, ResourceRecord } from "../../core/types";
import {
  alreadyExists,
  arn,
  compact,
  epochSeconds,
  invalid,
  KIND,
  notFound,
  optBool,
  optString,
  optList,
  pageOf,
  reqString,
  type Input,
  read,
  write,
} from "./common";

export const USER_KIND = "appstream:User";
export const USER_STACK_ASSOCIATION_KIND = "appstream:UserStackAssociation";

const associationId = (a: { StackName: string; UserName: string; AuthenticationType: string }) =>
  `${a.StackName}/${a.AuthenticationType}/${a.UserName}`;

function mustGetUser(ctx: OperationContext, input: Input): ResourceRecord {
  const name = reqString(input, "UserName");
  const type = reqString(input, "AuthenticationType");
  const user = type === "USERPOOL" ? ctx.get(USER_KIND, name) : undefined;
  if (!user) throw notFound(`User ${name} (${type})`);
  return user;
}

function createUser(input: Input, ctx: OperationContext) {
  const name = reqString(input, "UserName");
  const type = reqString(input, "AuthenticationType");
  if (type !== "USERPOOL") throw invalid(`AuthenticationType must be USERPOOL for CreateUser; got ${type}.`);
  const messageAction = optString(input, "MessageAction");
  const existing = ctx.get(USER_KIND, name);
  if (messageAction === "RESEND") {
    if (input.FirstName !== undefined || input.LastName !== undefined)
      throw invalid("FirstName and LastName are not allowed with MessageAction RESEND.");
    // Resending the welcome email of a user who has not signed in yet changes nothing else.
    if (existing) return { body: {} };
  }
  if (existing) throw alreadyExists(`User ${name}`);
  ctx.put({
    kind: USER_KIND,
    id: name,
    attributes: compact({
      Arn: arn(ctx, "user/userpool", name),
      UserName: name,
      AuthenticationType: "USERPOOL",
      Enabled: true,
      // Until the user signs in with the temporary password from the welcome email.
      Status: "FORCE_CHANGE_PASSWORD",
      FirstName: optString(input, "FirstName"),
      LastName: optString(input, "LastName"),
      CreatedTime: epochSeconds(ctx),
    }),
  });
  return { body: {} };
}

function setEnabled(input: Input, ctx: OperationContext, enabled: boolean) {
  const user = mustGetUser(ctx, input);
  user.attributes.Enabled = enabled;
  ctx.put(user);
  return { body: {} };
}

function deleteUser(input: Input, ctx: OperationContext) {
  const user = mustGetUser(ctx, input);
  ctx.remove(USER_KIND, user.id);
  for (const a of ctx.list(USER_STACK_ASSOCIATION_KIND))
    if (a.attributes.UserName === user.id && a.attributes.AuthenticationType === "USERPOOL")
      ctx.remove(USER_STACK_ASSOCIATION_KIND, a.id);
  return { body: {} };
}

function describeUsers(input: Input, ctx: OperationContext) {
  const type = reqString(input, "AuthenticationType");
  const users = type === "USERPOOL" ? ctx.list(USER_KIND) : [];
  const page = pageOf(ctx, `DescribeUsers:${type}`, users, input, "MaxResults");
  return { body: compact({ Users: page.items.map((u) => u.attributes), NextToken: page.nextToken }) };
}

interface Association {
  StackName: string;
  UserName: string;
  AuthenticationType: string;
  SendEmailNotification?: boolean;
}

function associationsOf(input: Input): Association[] {
  return (optList(input, "UserStackAssociations") ?? []).map((a) => ({
    StackName: String(a.StackName),
    UserName: String(a.UserName),
    AuthenticationType: String(a.AuthenticationType),
    SendEmailNotification: optBool(a, "SendEmailNotification"),
  }));
}

/** Why an association cannot be made or undone, as the service's per-item error; undefined when it can. */
function itemError(ctx: OperationContext, a: Association): Input | undefined {
  const fail = (ErrorCode: string, ErrorMessage: string) => ({
    ErrorCode,
    ErrorMessage,
    UserStackAssociation: compact({ ...a }),
  });
  if (!ctx.get(KIND.stack, a.StackName)) return fail("STACK_NOT_FOUND", `Stack ${a.StackName} not found.`);
  if (a.AuthenticationType !== "USERPOOL" || !ctx.get(USER_KIND, a.UserName))
    return fail("USER_NAME_NOT_FOUND", `User ${a.UserName} (${a.AuthenticationType}) not found.`);
  return undefined;
}

function batchAssociate(input: Input, ctx: OperationContext) {
  const errors: Input[] = [];
  for (const a of associationsOf(input)) {
    const error = itemError(ctx, a);
    if (error) {
      errors.push(error);
      continue;
    }
    const attributes = { StackName: a.StackName, UserName: a.UserName, AuthenticationType: a.AuthenticationType };
    ctx.put({ kind: USER_STACK_ASSOCIATION_KIND, id: associationId(a), attributes });
  }
  return { body: compact({ errors: errors.length > 0 ? errors : undefined }) };
}

function batchDisassociate(input: Input, ctx: OperationContext) {
  const errors: Input[] = [];
  for (const a of associationsOf(input)) {
    const error = itemError(ctx, a);
    if (error) errors.push(error);
    else ctx.remove(USER_STACK_ASSOCIATION_KIND, associationId(a));
  }
  return { body: compact({ errors: errors.length > 0 ? errors : undefined }) };
}

function describeUserStackAssociations(input: Input, ctx: OperationContext) {
  const stack = optString(input, "StackName");
  const user = optString(input, "UserName");
  const type = optString(input, "AuthenticationType");
  // The API reference: the stack name, or the user name with its authentication type, or both.
  if (stack === undefined && (user === undefined || type === undefined)) {
    throw invalid("Specify StackName, or UserName with AuthenticationType, or both.");
  }
  const matches = ctx
    .list(USER_STACK_ASSOCIATION_KIND)
    .filter(
      (a) =>
        (stack === undefined || a.attributes.StackName === stack) &&
        (user === undefined || a.attributes.UserName === user) &&
        (type === undefined || a.attributes.AuthenticationType === type),
    );
  const page = pageOf(
    ctx,
    `DescribeUserStackAssociations:${stack ?? ""}:${type ?? ""}:${user ?? ""}`,
    matches,
    input,
    "MaxResults",
  );
  // The model bounds the list below (min 1): none is no list.
  const listed = page.items.map((a) => a.attributes);
  return {
    body: compact({ UserStackAssociations: listed.length > 0 ? listed : undefined, NextToken: page.nextToken }),
  };
}

export const userOperations: Operation[] = [
  write("CreateUser", (req, ctx) => createUser(req.body, ctx)),
  read("DescribeUsers", (req, ctx) => describeUsers(req.body, ctx)),
  write("EnableUser", (req, ctx) => setEnabled(req.body, ctx, true)),
  write("DisableUser", (req, ctx) => setEnabled(req.body, ctx, false)),
  write("DeleteUser", (req, ctx) => deleteUser(req.body, ctx)),
  write("BatchAssociateUserStack", (req, ctx) => batchAssociate(req.body, ctx)),
  write("BatchDisassociateUserStack", (req, ctx) => batchDisassociate(req.body, ctx)),
  read("DescribeUserStackAssociations", (req, ctx) => describeUserStackAssociations(req.body, ctx)),
];
