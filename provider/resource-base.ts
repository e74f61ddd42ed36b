import * as pulumi from "@pulumi/pulumi";
import dynamicProvider = require("./dynamic-provider");

// The module object itself, shared by every type: Pulumi caches the serialized provider by identity,
// and a module serializes as a require() of it.
const provider: pulumi.dynamic.ResourceProvider = dynamicProvider;

/** The base of every generated resource class: type token, declared outputs, secrets, and the URN hint. */
export abstract class EucResource extends pulumi.dynamic.Resource {
  protected constructor(
    type: string,
    name: string,
    args: object,
    outputNames: readonly string[],
    secretOutputs: readonly string[],
    opts: pulumi.CustomResourceOptions | undefined,
    idParts: Readonly<Record<string, number>> = {},
  ) {
    const [service, resource] = type.split(":");
    const props: Record<string, unknown> = Object.fromEntries(outputNames.map((n) => [n, undefined]));
    Object.assign(props, args);
    // A secret input (a service account's password) is a secret from the start, so Pulumi never
    // records it in plain text among the resource's inputs, whatever the program passed.
    for (const secret of secretOutputs) if (props[secret] !== undefined) props[secret] = pulumi.secret(props[secret]);
    // The URN seeds auto-names and client tokens, so a retried create asks for the same resource.
    props.__urn = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${service}:${resource}`, opts?.parent);
    super(
      provider,
      name,
      props,
      { ...opts, additionalSecretOutputs: [...secretOutputs, ...(opts?.additionalSecretOutputs ?? [])] },
      service,
      resource,
    );
    // Outputs that make up the id are read from the id. A preview of an in-place update knows the id
    // but no output the program did not set (the provider cannot preview an update), so a dependent
    // taking e.g. launchProfileId would otherwise show a replacement that the update never makes.
    for (const [part, index] of Object.entries(idParts)) {
      (this as unknown as Record<string, pulumi.Output<string>>)[part] = this.id.apply((id) => id.split("/")[index]);
    }
  }
}
