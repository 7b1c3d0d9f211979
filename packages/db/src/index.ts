export * from "./audit";
export { type BackupSummary, backupDatabase, tableChecksums } from "./backup";
export * from "./client";
export { openRawConnection, type RawConnection, rawConnectionOf } from "./connection";
export * from "./passwords";
export * from "./repositories/applications";
export * from "./repositories/email-outbox";
export * from "./repositories/governance";
export * from "./repositories/obligations";
export * from "./repositories/organizations";
export * from "./repositories/platform-stats";
export * from "./repositories/platforms";
export * from "./repositories/public-data";
export * from "./repositories/sessions";
export * from "./repositories/users";
export { type RestoreOptions, type RestoreOutcome, restoreDatabase } from "./restore";
export * as schema from "./schema";
export * from "./search/grams";
export {
  decryptTotpSecret,
  deriveSecrets,
  encryptTotpSecret,
  loadOrCreateSecretKey,
  MIN_SECRET_KEY_BYTES,
  openTotpSecret,
  parseSecretKey,
  SECRET_KEY_FILE,
  type Secrets,
  sealTotpSecret,
  secretsOf,
  unknownUsernamePseudonym,
} from "./secrets";
export * from "./seed";
export { DEMO_NM_GOVERNANCE, DEMO_NM_STATE_2024 } from "./seed-governance";
