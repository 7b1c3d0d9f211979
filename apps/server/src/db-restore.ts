/**
 * `pnpm db:restore <file> [--force]`: loads a `pnpm db:backup` file into the configured database, which
 * must be empty unless --force is given (then its contents are replaced).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@kechuang/db";
import { enterInvocationDirectory, openCliDatabase } from "./db-cli";
import { restrictNewFiles } from "./secret-key";

const USAGE = "usage: pnpm db:restore <backup-file> [--force]";
restrictNewFiles();
enterInvocationDirectory(process.env.INIT_CWD);
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
}
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const opened = await openCliDatabase(process.env, "restore");
if (!opened.ok) {
  console.error(opened.message);
  process.exit(1);
}
const { connection, describe, migrationsFolder } = opened.value;
try {
  console.error(`Restoring ${resolve(file)} into ${describe} …`);
  const outcome = await restoreDatabase(connection, resolve(file), {
    force: args.values.force,
    migrationsFolder,
    onProgress: (line) => console.error(`  ${line}`),
  });
  if (outcome.ok) {
    const rows = Object.values(outcome.rowCounts).reduce((sum, n) => sum + n, 0);
    console.error(`Done: ${Object.keys(outcome.rowCounts).length} tables, ${rows} rows.`);
  } else {
    console.error(`Restore refused: ${outcome.message}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
