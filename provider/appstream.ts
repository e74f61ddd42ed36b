// The `appstream` namespace of the package: the generated resource classes and the functions.
export * from "./resources/appstream";
export * from "./functions/appstream";
export * from "./functions/appstream-users";
export * from "./functions/appstream-apps";
