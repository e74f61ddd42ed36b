import * as pulumi from "@pulumi/pulumi";
import { appstream } from "pulumi-aws-euc";

const config = new pulumi.Config();
type CertificateBasedAuthStatus = "DISABLED" | "ENABLED" | "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK";

const directory = new appstream.DirectoryConfig("corp", {
  directoryName: config.get("directoryName") ?? "corp.example.com",
  organizationalUnitDistinguishedNames: config.getObject<string[]>("ous") ?? ["OU=AppStream,DC=corp,DC=example,DC=com"],
  // A plain literal on purpose: the package must keep it secret by itself. Real programs read it
  // with config.requireSecret (a plain config value is recorded in state as the provider's config).
  serviceAccountCredentials: { accountName: "CORP\\appstream-join", accountPassword: "Join-Passw0rd-5d3f9a" },
  certificateBasedAuthProperties: config.get("cbaStatus")
    ? { status: config.get("cbaStatus") as CertificateBasedAuthStatus, certificateAuthorityArn: config.get("caArn") }
    : undefined,
});

if (config.getBoolean("withFleet")) {
  new appstream.Fleet("joined", {
    imageName: "AppStream-WinServer2019-06-12-2024",
    instanceType: "stream.standard.medium",
    computeCapacity: { desiredInstances: 1 },
    state: "STOPPED",
    // Another directory than the config's, when the test asks for one the service does not know.
    domainJoinInfo: directory.directoryName.apply((name) => ({
      directoryName: config.get("fleetDirectory") ?? name,
      organizationalUnitDistinguishedName: "OU=AppStream,DC=corp,DC=example,DC=com",
    })),
  });
}

export const directoryName = directory.directoryName;
export const credentials = directory.serviceAccountCredentials;
