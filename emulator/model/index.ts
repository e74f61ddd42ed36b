export * from "./errors";
export * from "./load";
export * from "./validate";
export * from "./wire";
