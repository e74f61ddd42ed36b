import * as pulumi from "@pulumi/pulumi";
import dynamicProvider = require("./dynamic-provider");

// One provider object per type, made once: Pulumi caches the serialized provider by identity, and
// each serializes as a require() of the module plus the type (see dynamic-provider.ts).
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

function providerOf(type: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(type);
  if (!provider) {
    provider = dynamicProvider.providerFor(type) as pulumi.dynamic.ResourceProvider;
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
    idParts: Readonly<Record<string, number>> = {},
  ) {
    // Pulumi's SDK records `new Error().stack` for each promise it makes (four per property, for its
    // report of promises that never settle), and under ts-node each frame goes through the source
    // maps: at 1,000 resources of ~20 properties that was 24 of the program's 30 CPU seconds in a
    // preview (docs/benchmarks.md, section 3). The promises made while the resource is declared get
    // no stack; the report still names each one's resource and property. The resource's own source
    // position is unaffected (the SDK lifts the limit to take it), and PULUMI_DEBUG_PROMISE_LEAKS (the
    // SDK's switch for debugging such leaks) keeps every stack.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      const [service, resource] = type.split(":");
      const props: Record<string, unknown> = Object.fromEntries(outputNames.map((n) => [n, undefined]));
      Object.assign(props, args);
      // A secret input (a service account's password) is a secret from the start, so Pulumi never
      // records it in plain text among the resource's inputs, whatever the program passed.
      for (const secret of secretOutputs) if (props[secret] !== undefined) props[secret] = pulumi.secret(props[secret]);
      // Not the type (the provider says that): the dynamic-provider interface hands the provider no URN,
      // and the URN seeds auto-names and client tokens (so a retried create asks for the same
      // resource), names the stack whose config file says where to talk to, names the resource in
      // messages and progress lines, and is what state written by earlier versions carries.
      props.__urn = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${service}:${resource}`, opts?.parent);
      super(
        providerOf(type),
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
    } catch (error) {
      Error.stackTraceLimit = stackTraceLimit;
      // An error raised while the stacks were off (a transformation's, an invalid option) points at
      // the program's `new` rather than at nothing.
      if (error instanceof Error && !error.stack?.includes("\n    at ")) Error.captureStackTrace(error, EucResource);
      throw error;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}
