/**
 * `pnpm audit:verify`: walks the audit trail's hash chain in the database the server is configured for
 * (DATABASE_URL or DATA_DIR) and exits 1 when a row was altered or removed from the middle of the chain.
 */
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type AuditChainReport, openDatabase, verifyAuditChain } from "@kechuang/db";
import { enterInvocationDirectory } from "./db-cli";
import { loadConfig } from "./env";

export interface AuditVerifyOutcome {
  exitCode: 0 | 1;
  message: string;
  report?: AuditChainReport;
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
    });
  } catch (error) {
    return { exitCode: 1, message: `Cannot open the database: ${(error as Error).message}` };
  }
  try {
    const report = await verifyAuditChain(database.db);
    return report.ok
      ? { exitCode: 0, report, message: `Audit chain intact: ${report.rows} rows verified.` }
      : {
          exitCode: 1,
          report,
          message: `AUDIT CHAIN BROKEN at row ${report.brokenAtId} (${report.reason}) after ${report.rows} good rows.`,
        };
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  enterInvocationDirectory(process.env.INIT_CWD);
  const outcome = await verifyConfiguredAuditChain(process.env);
  (outcome.exitCode === 0 ? console.log : console.error)(outcome.message);
  process.exitCode = outcome.exitCode;
}
