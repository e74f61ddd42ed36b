// What makes the package's functions safe in `pulumi preview`: a function whose arguments derive from
// resources waits until those resources exist (a name the program generates is known in a preview,
// long before the resource it names is created), and a function that changes something (a streaming
// URL, a stream) runs only during an update.
import * as pulumi from "@pulumi/pulumi";

type OutputInternals = { allResources?: () => Promise<Set<pulumi.Resource>> };

/**
 * `args` as an Output that resolves only once every resource its values come from has its id: in a
 * preview, a resource still to be created (or replaced) has none, so the result stays unknown and
 * nothing calls the service for it; during an update the function runs after those resources exist.
 */
export function afterResources<T>(args: T): pulumi.Output<pulumi.Unwrap<T>> {
  const plain = pulumi.output(args);
  // Every Output carries the resources it derives from (Pulumi's dependency tracking).
  const sources = (plain as unknown as OutputInternals).allResources?.() ?? Promise.resolve(new Set<pulumi.Resource>());
  const ids = pulumi.output(
    sources.then((set) =>
      [...set].filter((r): r is pulumi.CustomResource => pulumi.CustomResource.isInstance(r)).map((r) => r.id),
    ),
  );
  return pulumi.all([plain, ids]).apply(([value]) => value as pulumi.Unwrap<T>);
}

/** An Output Pulumi shows as "output<...>" in a preview: known only once an update runs. */
export function unknownOutput<T>(): pulumi.Output<T> {
  // The SDK's own constructor for Outputs (what pulumi.output builds on) is the only way to state
  // "unknown" without a resource to borrow it from.
  const OutputClass = pulumi.Output as unknown as new (
    resources: Set<pulumi.Resource>,
    value: Promise<unknown>,
    isKnown: Promise<boolean>,
    isSecret: Promise<boolean>,
    allResources: Promise<Set<pulumi.Resource>>,
  ) => pulumi.Output<T>;
  return new OutputClass(
    new Set(),
    Promise.resolve(undefined),
    Promise.resolve(false),
    Promise.resolve(false),
    Promise.resolve(new Set()),
  );
}

/** True in `pulumi preview` and the preview phase of `pulumi up`: nothing may change then. */
export function isPreview(): boolean {
  return pulumi.runtime.isDryRun();
}
