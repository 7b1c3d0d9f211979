/**
 * `pnpm db:backup [file]`: writes the whole database (every table of `public`, the migration position,
 * sequences) to one gzip'd NDJSON file that `pnpm db:restore` reads into PGlite or PostgreSQL.
 */
import { resolve } from "node:path";
import { backupDatabase } from "@kechuang/db";
import { enterInvocationDirectory, openCliDatabase } from "./db-cli";
import { restrictNewFiles } from "./secret-key";

restrictNewFiles();
enterInvocationDirectory(process.env.INIT_CWD);
const file = resolve(
  process.argv[2] ??
    `kechuang-backup-${new Date().toISOString().replaceAll(":", "-").slice(0, 19)}.ndjson.gz`,
);
const opened = await openCliDatabase(process.env, "backup");
if (!opened.ok) {
  console.error(opened.message);
  process.exit(1);
}
const { connection, describe } = opened.value;
try {
  console.error(`Backing up ${describe} …`);
  const summary = await backupDatabase(connection, file, (line) => console.error(`  ${line}`));
  const rows = Object.values(summary.rowCounts).reduce((sum, n) => sum + n, 0);
  console.error(`Done: ${Object.keys(summary.rowCounts).length} tables, ${rows} rows.`);
  console.log(summary.file);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
