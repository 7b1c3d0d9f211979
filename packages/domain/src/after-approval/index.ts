export * from "./obligations";
