// The `thinclient` namespace of the package: the generated resource classes and the functions.
export * from "./resources/thinclient";
export * from "./functions/thinclient";
