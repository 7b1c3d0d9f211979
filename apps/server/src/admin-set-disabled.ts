/**
 * `pnpm admin:disable <username>` / `pnpm admin:enable <username>`: disables (cutting its sessions) or
 * enables one of the administrator accounts on the server's own database. With the security administrator's
 * page, the only ways an administrator account is switched off or on (三员分立): the system administrator
 * cannot. Audited as the installer, like `pnpm admin:create`.
 */

import { setAdministratorDisabledByInstaller } from "@kechuang/api";
import { openDatabase } from "@kechuang/db";
import { enterInvocationDirectory, serverMigrationsFolder } from "./db-cli";
import { loadConfig } from "./env";
import { resolveSecretKey, restrictNewFiles } from "./secret-key";

restrictNewFiles();
enterInvocationDirectory(process.env.INIT_CWD);
const [verb, username, ...extra] = process.argv.slice(2);
if ((verb !== "disable" && verb !== "enable") || !username || extra.length > 0) {
  console.error("Usage: pnpm admin:disable <username>  |  pnpm admin:enable <username>");
  process.exit(2);
}
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  console.error(`Invalid configuration:\n  ${loaded.problems.join("\n  ")}`);
  process.exit(1);
}
const { dataDir, databaseUrl } = loaded.config;
// The server's own key: the audit row is chained with it, as the server's rows are.
const database = await openDatabase({
  dataDir,
  databaseUrl,
  migrationsFolder: serverMigrationsFolder(),
  secretKey: resolveSecretKey(loaded.config),
});
try {
  const outcome = await setAdministratorDisabledByInstaller(database.db, {
    username,
    disabled: verb === "disable",
  });
  if (!outcome.ok) {
    console.error(outcome.message);
    process.exitCode = 1;
  } else {
    console.log(`${outcome.username} (${outcome.role}) is now ${outcome.disabled ? "disabled" : "enabled"}.`);
  }
} finally {
  await database.close();
}
