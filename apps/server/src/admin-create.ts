/**
 * `pnpm admin:create <system-admin|security-admin|audit-admin> <username> <display name>`: sets up one of the
 * three administrator accounts (三员分立) on the server's own database, the only way one comes to exist.
 * Prints the generated initial password and TOTP secret once, for the person who will hold the account.
 */

import { provisionAdministrator } from "@kechuang/api";
import { adminRoleSchema } from "@kechuang/domain";
import { enterInvocationDirectory, openServerDatabase } from "./db-cli";
import { restrictNewFiles } from "./secret-key";

restrictNewFiles();
enterInvocationDirectory(process.env.INIT_CWD);
const [role, username, ...name] = process.argv.slice(2);
const usage = `Usage: pnpm admin:create <${adminRoleSchema.options.join("|")}> <username> <display name>`;
const parsedRole = adminRoleSchema.safeParse(role);
if (!parsedRole.success || !username || name.length === 0) {
  console.error(usage);
  process.exit(2);
}
const database = await openServerDatabase(process.env);
try {
  const outcome = await provisionAdministrator(database.db, {
    role: parsedRole.data,
    username,
    displayName: name.join(" "),
  });
  if (!outcome.ok) {
    console.error(outcome.message);
    process.exitCode = 1;
  } else {
    // Shown once: hand both to the account holder in person, who then sets a password of their own.
    console.log(
      JSON.stringify(
        {
          username,
          role: parsedRole.data,
          initialPassword: outcome.initialPassword,
          totpSecret: outcome.totpSecret,
        },
        null,
        2,
      ),
    );
  }
} finally {
  await database.close();
}
