/**
 * `pnpm audit:verify`: walks the audit trail's HMAC chain in the database the server is configured for
 * (DATABASE_URL or DATA_DIR), with the server's key (KECHUANG_SECRET_KEY, or DATA_DIR/secret.key outside
 * production), and exits 1 when a row was altered, removed from the middle, or the chain was recomputed
 * without the key. Prints the head (last row id and MAC) to keep outside the database: a chain cut short
 * at its end still verifies, but no longer shows that head.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type AuditChainReport, auditChainHead, openDatabase, verifyAuditChain } from "@kechuang/db";
import { enterInvocationDirectory } from "./db-cli";
import { loadConfig } from "./env";
import { resolveSecretKey, restrictNewFiles } from "./secret-key";

export interface AuditVerifyOutcome {
  exitCode: 0 | 1;
  message: string;
  report?: AuditChainReport;
  /** The newest row when the chain is intact: keep it elsewhere (backup log) to notice a shortened chain. */
  head?: { id: number; mac: string } | null;
}

export async function verifyConfiguredAuditChain(env: NodeJS.ProcessEnv): Promise<AuditVerifyOutcome> {
  const loaded = loadConfig(env);
  if (!loaded.ok)
    return { exitCode: 1, message: `Invalid configuration:\n  ${loaded.problems.join("\n  ")}` };
  const { dataDir, databaseUrl } = loaded.config;
  // Verifying must not create an empty database where none was: that would "verify" nothing.
  if (!databaseUrl && !existsSync(dataDir))
    return { exitCode: 1, message: `No database at ${dataDir} (set DATA_DIR or DATABASE_URL).` };
  const bundled = fileURLToPath(new URL("./drizzle", import.meta.url));
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({
      dataDir,
      databaseUrl,
      migrationsFolder: existsSync(bundled) ? bundled : undefined,
      secretKey: resolveSecretKey(loaded.config, { create: false }),
    });
  } catch (error) {
    return { exitCode: 1, message: `Cannot open the database: ${(error as Error).message}` };
  }
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      const head = await auditChainHead(database.db);
      const kept = head ? ` Head: row ${head.id} MAC ${head.mac} (keep this line outside the database).` : "";
      return {
        exitCode: 0,
        report,
        head,
        message: `Audit chain intact: ${report.rows} rows verified.${kept}`,
      };
    }
    const why =
      report.reason === "altered"
        ? "its MAC does not match: the row was changed, or the chain was written without this server's key"
        : "the row before it is missing";
    return {
      exitCode: 1,
      report,
      message: `AUDIT CHAIN BROKEN at row ${report.brokenAtId} (${report.reason}: ${why}) after ${report.rows} good rows.`,
    };
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  restrictNewFiles();
  enterInvocationDirectory(process.env.INIT_CWD);
  const outcome = await verifyConfiguredAuditChain(process.env);
  (outcome.exitCode === 0 ? console.log : console.error)(outcome.message);
  process.exitCode = outcome.exitCode;
}
