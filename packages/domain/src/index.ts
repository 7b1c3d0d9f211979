export * from "./auth";
export * from "./common";
export * from "./facts";
export * from "./policy/contract";
export * from "./policy/results";
export * from "./roles";
