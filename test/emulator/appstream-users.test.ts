// The endpoint's AppStream directory configs, user pool users, user-stack associations and the stack
// members beyond the basics, driven through the unmodified SDK client.
import {
  BatchAssociateUserStackCommand,
  BatchDisassociateUserStackCommand,
  CreateDirectoryConfigCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateStackCommand,
  CreateUserCommand,
  DeleteDirectoryConfigCommand,
  DeleteStackCommand,
  DeleteUserCommand,
  DescribeDirectoryConfigsCommand,
  DescribeUsersCommand,
  DescribeUserStackAssociationsCommand,
  DisableUserCommand,
  EnableUserCommand,
  InvalidParameterCombinationException,
  ResourceAlreadyExistsException,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateDirectoryConfigCommand,
  type Stack,
} from "@aws-sdk/client-appstream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serviceModel } from "../../emulator/model/load";
import { sendRaw } from "./model/wire";
import { fleetInput, PUBLIC_IMAGE, startAppStream, type AppStreamHarness } from "./support";

let h: AppStreamHarness;
beforeAll(async () => {
  h = await startAppStream();
});
afterAll(async () => h?.close());
beforeEach(async () => h.emulator.control.reset());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const password = "Join-Passw0rd-7c1e";
const directory = {
  DirectoryName: "corp.example.com",
  OrganizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
  ServiceAccountCredentials: { AccountName: "CORP\\appstream-join", AccountPassword: password },
};
const jane = { UserName: "jane@example.com", AuthenticationType: "USERPOOL" as const };

describe("directory configs", () => {
  it("keep the service account's credentials but never answer with them, and never log the password", async () => {
    const created = await h.client.send(new CreateDirectoryConfigCommand(directory));
    expect(created.DirectoryConfig).toMatchObject({
      DirectoryName: "corp.example.com",
      OrganizationalUnitDistinguishedNames: directory.OrganizationalUnitDistinguishedNames,
    });
    expect(created.DirectoryConfig?.ServiceAccountCredentials).toBeUndefined();
    const { DirectoryConfigs } = await h.client.send(
      new DescribeDirectoryConfigsCommand({ DirectoryNames: ["corp.example.com"] }),
    );
    expect(DirectoryConfigs).toHaveLength(1);
    expect(JSON.stringify(DirectoryConfigs)).not.toContain(password);
    const log = JSON.stringify((await h.emulator.control.calls()).log);
    expect(log).not.toContain(password);
    expect(log).toContain(await h.emulator.control.redacted(password));
  });

  it("refuse a second config of the same directory, and certificate-based auth without its CA", async () => {
    await h.client.send(new CreateDirectoryConfigCommand(directory));
    expect(await rejection(h.client.send(new CreateDirectoryConfigCommand(directory)))).toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    const noAuthority = await rejection(
      h.client.send(
        new UpdateDirectoryConfigCommand({
          DirectoryName: "corp.example.com",
          CertificateBasedAuthProperties: { Status: "ENABLED" },
        }),
      ),
    );
    expect(String((noAuthority as Error).message)).toContain(
      "CertificateAuthorityArn is required when Status is ENABLED",
    );
    const arn = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d";
    const updated = await h.client.send(
      new UpdateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        CertificateBasedAuthProperties: { Status: "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK", CertificateAuthorityArn: arn },
      }),
    );
    expect(updated.DirectoryConfig?.CertificateBasedAuthProperties).toEqual({
      Status: "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK",
      CertificateAuthorityArn: arn,
    });
    expect(
      await rejection(h.client.send(new UpdateDirectoryConfigCommand({ DirectoryName: "other.example.com" }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it("must exist before a fleet or image builder joins the domain, and cannot go while one uses it", async () => {
    const joined = {
      DomainJoinInfo: {
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedName: "OU=AppStream,DC=corp,DC=example,DC=com",
      },
    };
    const fleetFirst = await rejection(h.client.send(new CreateFleetCommand({ ...fleetInput("joined"), ...joined })));
    expect(fleetFirst).toBeInstanceOf(ResourceNotFoundException);
    expect(String((fleetFirst as Error).message)).toContain("Directory config corp.example.com not found");
    const builderFirst = await rejection(
      h.client.send(
        new CreateImageBuilderCommand({
          Name: "joined-builder",
          InstanceType: "stream.standard.medium",
          ImageName: PUBLIC_IMAGE,
          ...joined,
        }),
      ),
    );
    expect(builderFirst).toBeInstanceOf(ResourceNotFoundException);
    await h.client.send(new CreateDirectoryConfigCommand(directory));
    await h.client.send(new CreateFleetCommand({ ...fleetInput("joined"), ...joined }));
    const inUse = await rejection(
      h.client.send(new DeleteDirectoryConfigCommand({ DirectoryName: "corp.example.com" })),
    );
    expect(inUse).toBeInstanceOf(ResourceInUseException);
    expect(String((inUse as Error).message)).toContain("fleet joined");
  });
});

describe("user pool users", () => {
  it("CreateUser takes only USERPOOL users, once each, and RESEND without names", async () => {
    const saml = await rejection(
      h.client.send(new CreateUserCommand({ UserName: "sam@example.com", AuthenticationType: "SAML" })),
    );
    expect(saml).toBeInstanceOf(InvalidParameterCombinationException);
    expect(String((saml as Error).message)).toContain("AuthenticationType must be USERPOOL");
    await h.client.send(new CreateUserCommand({ ...jane, FirstName: "Jane", MessageAction: "SUPPRESS" }));
    expect(await rejection(h.client.send(new CreateUserCommand(jane)))).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(
      await rejection(h.client.send(new CreateUserCommand({ ...jane, MessageAction: "RESEND", FirstName: "Jane" }))),
    ).toBeInstanceOf(InvalidParameterCombinationException);
    await h.client.send(new CreateUserCommand({ ...jane, MessageAction: "RESEND" }));
    const { Users } = await h.client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }));
    expect(Users).toEqual([
      expect.objectContaining({
        UserName: "jane@example.com",
        FirstName: "Jane",
        Enabled: true,
        Status: "FORCE_CHANGE_PASSWORD",
      }),
    ]);
    expect((await h.client.send(new DescribeUsersCommand({ AuthenticationType: "SAML" }))).Users).toEqual([]);
  });

  it("DisableUser and EnableUser set Enabled; DeleteUser removes the user and their stack associations", async () => {
    await h.client.send(new CreateUserCommand(jane));
    await h.client.send(new DisableUserCommand(jane));
    expect((await h.client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users?.[0].Enabled).toBe(
      false,
    );
    await h.client.send(new EnableUserCommand(jane));
    expect((await h.client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users?.[0].Enabled).toBe(
      true,
    );
    await h.client.send(new CreateStackCommand({ Name: "apps" }));
    await h.client.send(
      new BatchAssociateUserStackCommand({ UserStackAssociations: [{ ...jane, StackName: "apps" }] }),
    );
    await h.client.send(new DeleteUserCommand(jane));
    expect(await rejection(h.client.send(new DisableUserCommand(jane)))).toBeInstanceOf(ResourceNotFoundException);
    expect(
      (await h.client.send(new DescribeUserStackAssociationsCommand({ StackName: "apps" }))).UserStackAssociations,
    ).toBeUndefined();
  });
});

describe("user-stack associations", () => {
  it("answer 200 with the refused items in errors, and make the others", async () => {
    await h.client.send(new CreateStackCommand({ Name: "apps" }));
    await h.client.send(new CreateUserCommand(jane));
    const answer = await h.client.send(
      new BatchAssociateUserStackCommand({
        UserStackAssociations: [
          { ...jane, StackName: "apps", SendEmailNotification: true },
          { ...jane, StackName: "no-such-stack" },
          { UserName: "ghost@example.com", AuthenticationType: "USERPOOL", StackName: "apps" },
        ],
      }),
    );
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(answer.errors?.map((e) => e.ErrorCode)).toEqual(["STACK_NOT_FOUND", "USER_NAME_NOT_FOUND"]);
    expect(answer.errors?.[1].UserStackAssociation?.StackName).toBe("apps");
    const listed = await h.client.send(new DescribeUserStackAssociationsCommand({ ...jane }));
    expect(listed.UserStackAssociations).toEqual([{ ...jane, StackName: "apps" }]);
    const undone = await h.client.send(
      new BatchDisassociateUserStackCommand({
        UserStackAssociations: [
          { ...jane, StackName: "apps" },
          { ...jane, StackName: "gone" },
        ],
      }),
    );
    expect(undone.errors?.map((e) => e.ErrorCode)).toEqual(["STACK_NOT_FOUND"]);
    expect(
      (await h.client.send(new DescribeUserStackAssociationsCommand({ StackName: "apps" }))).UserStackAssociations,
    ).toBeUndefined();
  });

  it("are listed by stack, or by user with authentication type, not by user name alone; DeleteStack ends them", async () => {
    expect(
      await rejection(h.client.send(new DescribeUserStackAssociationsCommand({ UserName: "jane@example.com" }))),
    ).toBeInstanceOf(InvalidParameterCombinationException);
    await h.client.send(new CreateStackCommand({ Name: "apps" }));
    await h.client.send(new CreateUserCommand(jane));
    await h.client.send(
      new BatchAssociateUserStackCommand({ UserStackAssociations: [{ ...jane, StackName: "apps" }] }),
    );
    await h.client.send(new DeleteStackCommand({ Name: "apps" }));
    expect(
      (await h.client.send(new DescribeUserStackAssociationsCommand({ ...jane }))).UserStackAssociations,
    ).toBeUndefined();
  });
});

describe("stack members", () => {
  it("keeps every CreateStack member and removes each through its AttributesToDelete value", async () => {
    // Sent as the model binds them, not through the AWS SDK for JavaScript: it does not know
    // AgentAccessConfig's KmsKeyArn (nor its AttributesToDelete value) yet and would drop it.
    const kms = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d";
    const model = serviceModel("appstream");
    const created = await sendRaw(h.emulator.url, model, "CreateStack", {
      Name: "full",
      StorageConnectors: [{ ConnectorType: "HOMEFOLDERS" }, { ConnectorType: "ONE_DRIVE", Domains: ["example.com"] }],
      ApplicationSettings: { Enabled: true, SettingsGroup: "design" },
      AccessEndpoints: [{ EndpointType: "STREAMING", VpceId: "vpce-0123456789abcdef0" }],
      StreamingExperienceSettings: { PreferredProtocol: "UDP" },
      AgentAccessConfig: {
        Settings: [{ AgentAction: "COMPUTER_VISION", Permission: "ENABLED" }],
        ScreenResolution: "W_1280xH_720",
        ScreenImageFormat: "PNG",
        KmsKeyArn: kms,
      },
    });
    expect(created.status).toBe(200);
    expect((created.body as { Stack: Record<string, unknown> }).Stack).toMatchObject({
      ApplicationSettings: { Enabled: true, SettingsGroup: "design" },
      StreamingExperienceSettings: { PreferredProtocol: "UDP" },
      AgentAccessConfig: { ScreenImageFormat: "PNG", KmsKeyArn: kms },
    });
    const updated = await sendRaw(h.emulator.url, model, "UpdateStack", {
      Name: "full",
      AttributesToDelete: [
        "STORAGE_CONNECTOR_ONE_DRIVE",
        "AGENT_ACCESS_CONFIG_KMS_KEY_ARN",
        "STREAMING_EXPERIENCE_SETTINGS",
        "ACCESS_ENDPOINTS",
      ],
    });
    expect(updated.status).toBe(200);
    const { Stack } = updated.body as { Stack: Stack };
    expect(Stack.StorageConnectors).toEqual([{ ConnectorType: "HOMEFOLDERS" }]);
    expect(Stack.StreamingExperienceSettings).toBeUndefined();
    expect(Stack.AccessEndpoints).toBeUndefined();
    expect(Stack.AgentAccessConfig).toEqual({
      Settings: [{ AgentAction: "COMPUTER_VISION", Permission: "ENABLED" }],
      ScreenResolution: "W_1280xH_720",
      ScreenImageFormat: "PNG",
    });
  });
});
