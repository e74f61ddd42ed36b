// Pulumi's placeholder for an input not known yet (a preview with an unresolved Output), part of the
// provider protocol; @pulumi/pulumi/runtime/rpc exports it as unknownValue. Importing it from there
// loads Pulumi's runtime and gRPC into every process that checks inputs, the mutation runs' fresh
// test workers included (half a second each); test/unit/unknowns.test.ts keeps the two equal.
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
