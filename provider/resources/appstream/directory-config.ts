// Generated from schema/appstream/directory-config.yaml by `npm run generate`. Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import { EucResource } from "../../resource-base";
import type * as inputs from "./types/input";
import type * as outputs from "./types/output";

export interface DirectoryConfigArgs {
  /** The fully qualified name of the directory (e.g. corp.example.com). */
  directoryName: pulumi.Input<string>;
  /** The distinguished names of the organizational units for computer accounts. */
  organizationalUnitDistinguishedNames: pulumi.Input<pulumi.Input<string>[]>;
  /** The account that joins instances to the domain. A secret: never shown in plain text in state or output, and never read back (the service does not return the password). */
  serviceAccountCredentials?: pulumi.Input<inputs.DirectoryConfigServiceAccountCredentials>;
  /** Certificate-based authentication of SAML users to the domain-joined instances. */
  certificateBasedAuthProperties?: pulumi.Input<inputs.DirectoryConfigCertificateBasedAuthProperties>;
  /** Take over the existing resource with this id instead of creating one. */
  adoptId?: pulumi.Input<string>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  timeouts?: pulumi.Input<inputs.DirectoryConfigTimeouts>;
}

/** An AppStream 2.0 directory config: the Active Directory domain, the organizational units computer objects go into, and the service account that joins fleet and image builder instances to it. Fleets and image builders whose domainJoinInfo names the directory need it first. */
export class DirectoryConfig extends EucResource {
  /** The fully qualified name of the directory (e.g. corp.example.com). */
  declare readonly directoryName: pulumi.Output<string>;
  /** The distinguished names of the organizational units for computer accounts. */
  declare readonly organizationalUnitDistinguishedNames: pulumi.Output<string[]>;
  /** The account that joins instances to the domain. A secret: never shown in plain text in state or output, and never read back (the service does not return the password). */
  declare readonly serviceAccountCredentials: pulumi.Output<
    outputs.DirectoryConfigServiceAccountCredentials | undefined
  >;
  /** Certificate-based authentication of SAML users to the domain-joined instances. */
  declare readonly certificateBasedAuthProperties: pulumi.Output<
    outputs.DirectoryConfigCertificateBasedAuthProperties | undefined
  >;
  /** Take over the existing resource with this id instead of creating one. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** How long to wait, in minutes, for the service to finish each kind of change. */
  declare readonly timeouts: pulumi.Output<outputs.DirectoryConfigTimeouts | undefined>;
  /** When the directory config was created. */
  declare readonly createdTime: pulumi.Output<string | undefined>;

  constructor(name: string, args: DirectoryConfigArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      "appstream:DirectoryConfig",
      name,
      args,
      [
        "directoryName",
        "organizationalUnitDistinguishedNames",
        "serviceAccountCredentials",
        "certificateBasedAuthProperties",
        "adoptId",
        "timeouts",
        "createdTime",
      ],
      ["serviceAccountCredentials"],
      opts,
    );
  }
}
