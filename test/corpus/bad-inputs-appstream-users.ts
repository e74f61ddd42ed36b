// Invalid programs for AppStream directory configs, users, user-stack associations and the stack
// members beyond the basics: each case breaks exactly one rule of the service's model or one of its
// documented cross-field rules. Previewed with the real CLI by test/e2e/bad-input.test.ts.
import { merge, validInputs as coreValidInputs, type BadInput } from "./bad-inputs";

export const appstreamUserValidInputs: Record<string, Record<string, unknown>> = {
  "appstream:DirectoryConfig": {
    directoryName: "corp.example.com",
    organizationalUnitDistinguishedNames: ["OU=AppStream,DC=corp,DC=example,DC=com"],
    serviceAccountCredentials: { accountName: "CORP\\appstream-join", accountPassword: "Join-Passw0rd" },
    certificateBasedAuthProperties: { status: "DISABLED" },
  },
  "appstream:User": {
    userName: "jane@example.com",
    authenticationType: "USERPOOL",
    firstName: "Jane",
    lastName: "Doe",
    messageAction: "SUPPRESS",
  },
  "appstream:UserStackAssociation": {
    stackName: "apps",
    userName: "jane@example.com",
    authenticationType: "USERPOOL",
    sendEmailNotification: true,
  },
  "appstream:Stack": {
    ...coreValidInputs["appstream:Stack"],
    storageConnectors: [{ connectorType: "HOMEFOLDERS" }],
    applicationSettings: { enabled: true, settingsGroup: "design" },
    accessEndpoints: [{ endpointType: "STREAMING", vpceId: "vpce-0123456789abcdef0" }],
    streamingExperienceSettings: { preferredProtocol: "UDP" },
  },
};

function bad(name: string, type: string, change: Record<string, unknown>, property: string, rule: RegExp): BadInput {
  return { name, type, args: merge(appstreamUserValidInputs[type], change), property, rule };
}

const long = (n: number) => "x".repeat(n);
const auth = (change: Record<string, unknown>) => ({ certificateBasedAuthProperties: change });

const endpoint = (change: Record<string, unknown>) => ({ accessEndpoints: [{ endpointType: "STREAMING", ...change }] });

export const appstreamUserBadInputs: BadInput[] = [
  bad(
    "certificate-based auth status that does not exist",
    "appstream:DirectoryConfig",
    auth({ status: "ON" }),
    "certificateBasedAuthProperties.status",
    /must be one of DISABLED, ENABLED, ENABLED_NO_DIRECTORY_LOGIN_FALLBACK/,
  ),
  bad(
    "certificate-based auth ENABLED without its CA",
    "appstream:DirectoryConfig",
    auth({ status: "ENABLED" }),
    "certificateBasedAuthProperties.certificateAuthorityArn",
    /required when status is ENABLED/,
  ),
  bad(
    "certificate-based auth without directory fallback and without its CA",
    "appstream:DirectoryConfig",
    auth({ status: "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK" }),
    "certificateBasedAuthProperties.certificateAuthorityArn",
    /required when status is ENABLED/,
  ),
  bad(
    "certificate authority that is not an ARN",
    "appstream:DirectoryConfig",
    auth({ status: "ENABLED", certificateAuthorityArn: "my-ca" }),
    "certificateBasedAuthProperties.certificateAuthorityArn",
    /must match/,
  ),
  bad(
    "service account password over 127 characters",
    "appstream:DirectoryConfig",
    { serviceAccountCredentials: { accountPassword: long(128) } },
    "serviceAccountCredentials.accountPassword",
    /at most 127 characters/,
  ),
  bad(
    "service account without a password",
    "appstream:DirectoryConfig",
    { serviceAccountCredentials: { accountPassword: undefined } },
    "serviceAccountCredentials.accountPassword",
    /is required/,
  ),
  bad(
    "directory config without organizational units",
    "appstream:DirectoryConfig",
    { organizationalUnitDistinguishedNames: undefined },
    "organizationalUnitDistinguishedNames",
    /is required/,
  ),
  bad(
    "organizational unit name over 2000 characters",
    "appstream:DirectoryConfig",
    { organizationalUnitDistinguishedNames: [long(2001)] },
    "organizationalUnitDistinguishedNames[0]",
    /at most 2000 characters/,
  ),
  bad(
    "directory config with an empty directory name",
    "appstream:DirectoryConfig",
    { directoryName: "" },
    "directoryName",
    /at least 1 characters/,
  ),
  bad(
    "user of a SAML identity provider",
    "appstream:User",
    { authenticationType: "SAML" },
    "authenticationType",
    /must be one of USERPOOL/,
  ),
  bad("user name that is not an email address", "appstream:User", { userName: "jane" }, "userName", /must match/),
  bad(
    "user name over 128 characters",
    "appstream:User",
    { userName: `${long(120)}@example.com` },
    "userName",
    /at most 128 characters/,
  ),
  bad("first name with punctuation", "appstream:User", { firstName: "Jane!" }, "firstName", /must match/),
  bad(
    "welcome email action that does not exist",
    "appstream:User",
    { messageAction: "DELETE" },
    "messageAction",
    /must be one of SUPPRESS, RESEND/,
  ),
  bad(
    "welcome email resent with a first name",
    "appstream:User",
    { messageAction: "RESEND" },
    "messageAction",
    /not allowed with messageAction RESEND/,
  ),
  bad("user enabled given as a word", "appstream:User", { enabled: "yes" }, "enabled", /must be a boolean/),
  bad(
    "association of a user name that is not an email address",
    "appstream:UserStackAssociation",
    { userName: "jane" },
    "userName",
    /must match/,
  ),
  bad(
    "association of an authentication type that does not exist",
    "appstream:UserStackAssociation",
    { authenticationType: "LDAP" },
    "authenticationType",
    /must be one of API, SAML, USERPOOL, AWS_AD/,
  ),
  bad(
    "association with a stack name with a space",
    "appstream:UserStackAssociation",
    { stackName: "my apps" },
    "stackName",
    /must match/,
  ),
  bad(
    "association without a stack",
    "appstream:UserStackAssociation",
    { stackName: undefined },
    "stackName",
    /is required/,
  ),
  bad(
    "stack storage connector of a type that does not exist",
    "appstream:Stack",
    { storageConnectors: [{ connectorType: "DROPBOX" }] },
    "storageConnectors[0].connectorType",
    /must be one of HOMEFOLDERS, GOOGLE_DRIVE, ONE_DRIVE/,
  ),
  bad(
    "stack storage connector with 51 domains",
    "appstream:Stack",
    {
      storageConnectors: [
        { connectorType: "ONE_DRIVE", domains: Array.from({ length: 51 }, (_, i) => `d${i}.example.com`) },
      ],
    },
    "storageConnectors[0].domains",
    /at most 50 items/,
  ),
  bad(
    "stack access endpoint of a type that does not exist",
    "appstream:Stack",
    endpoint({ endpointType: "INTERNET" }),
    "accessEndpoints[0].endpointType",
    /must be one of STREAMING/,
  ),
  bad(
    "stack access endpoint that is not an interface endpoint",
    "appstream:Stack",
    endpoint({ vpceId: "vpc-0123" }),
    "accessEndpoints[0].vpceId",
    /must match/,
  ),
  bad(
    "stack with five access endpoints",
    "appstream:Stack",
    { accessEndpoints: Array.from({ length: 5 }, (_, i) => ({ endpointType: "STREAMING", vpceId: `vpce-0${i}` })) },
    "accessEndpoints",
    /at most 4 items/,
  ),
  bad(
    "stack application settings without enabled",
    "appstream:Stack",
    { applicationSettings: { enabled: undefined } },
    "applicationSettings.enabled",
    /is required/,
  ),
  bad(
    "stack settings group over 100 characters",
    "appstream:Stack",
    { applicationSettings: { settingsGroup: long(101) } },
    "applicationSettings.settingsGroup",
    /at most 100 characters/,
  ),
  bad(
    "stack preferred protocol that does not exist",
    "appstream:Stack",
    { streamingExperienceSettings: { preferredProtocol: "QUIC" } },
    "streamingExperienceSettings.preferredProtocol",
    /must be one of TCP, UDP/,
  ),
  bad(
    "stack content redirection URL without a scheme",
    "appstream:Stack",
    { contentRedirection: { hostToClient: { enabled: true, allowedUrls: ["example.com"] } } },
    "contentRedirection.hostToClient.allowedUrls[0]",
    /must match/,
  ),
  bad(
    "stack agent access at a screen resolution the service does not offer",
    "appstream:Stack",
    {
      agentAccessConfig: {
        settings: [{ agentAction: "COMPUTER_VISION", permission: "ENABLED" }],
        screenResolution: "W_3840xH_2160",
        screenImageFormat: "PNG",
      },
    },
    "agentAccessConfig.screenResolution",
    /must be one of W_1280xH_720/,
  ),
];
