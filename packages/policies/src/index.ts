export * from "./catalog";
export * from "./conformance";
export * from "./registry";
