// pulumi-aws-euc: Pulumi resources for Nimble Studio, AppStream 2.0 and WorkSpaces Thin Client.
export * as appstream from "./appstream";
export * as nimble from "./nimble";
export * as thinclient from "./thinclient";
export { createAwsClients } from "./aws-clients";
