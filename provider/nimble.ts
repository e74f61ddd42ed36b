// The `nimble` namespace of the package: the generated resource classes and the functions.
export * from "./resources/nimble";
export * from "./functions/nimble";
