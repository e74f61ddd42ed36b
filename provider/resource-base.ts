import * as pulumi from "@pulumi/pulumi";
import { thinProvider } from "./thin-provider";

// One provider object per type: Pulumi caches the serialized provider by object identity.
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

function providerFor(type: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(type);
  if (!provider) {
    provider = thinProvider(type);
    providers.set(type, provider);
  }
  return provider;
}

/** The base of every generated resource class: type token, declared outputs, secrets, and the URN hint. */
export abstract class EucResource extends pulumi.dynamic.Resource {
  protected constructor(
    type: string,
    name: string,
    args: object,
    outputNames: readonly string[],
    secretOutputs: readonly string[],
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const [service, resource] = type.split(":");
    const props: Record<string, unknown> = Object.fromEntries(outputNames.map((n) => [n, undefined]));
    Object.assign(props, args);
    // The URN seeds auto-names and client tokens, so a retried create asks for the same resource.
    props.__urn = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${service}:${resource}`, opts?.parent);
    super(providerFor(type), name, props, { ...opts, additionalSecretOutputs: [...secretOutputs, ...(opts?.additionalSecretOutputs ?? [])] }, service, resource);
  }
}
