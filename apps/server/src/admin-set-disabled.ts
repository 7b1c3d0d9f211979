/**
 * `pnpm admin:disable <username>` / `pnpm admin:enable <username>`: disables (cutting its sessions) or
 * enables one of the administrator accounts on the server's own database. With the security administrator's
 * page, the only ways an administrator account is switched off or on (三员分立): the system administrator
 * cannot. Audited as the installer, like `pnpm admin:create`.
 */

import { setAdministratorDisabledByInstaller } from "@kechuang/api";
import { enterInvocationDirectory, openServerDatabase } from "./db-cli";
import { restrictNewFiles } from "./secret-key";

restrictNewFiles();
enterInvocationDirectory(process.env.INIT_CWD);
const [verb, username, ...extra] = process.argv.slice(2);
if ((verb !== "disable" && verb !== "enable") || !username || extra.length > 0) {
  console.error("Usage: pnpm admin:disable <username>  |  pnpm admin:enable <username>");
  process.exit(2);
}
const database = await openServerDatabase(process.env);
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
