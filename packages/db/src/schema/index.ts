export * from "./after-approval";
export * from "./applications";
export * from "./audit";
export * from "./governance";
export * from "./identity";
export * from "./platforms";
export * from "./workflow";
