import { type Db, type Executor, schema, setUserDisabled, withAudit } from "@kechuang/db";
import { adminRoles } from "@kechuang/domain";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { type AccountRow, listAccounts } from "./store";

/**
 * 三员分立: the three administrator accounts are enabled and disabled by the security administrator (online,
 * never their own account) or by whoever runs `pnpm admin:disable|admin:enable` on the server — never by the
 * system administrator, who could otherwise silence the two roles that oversee it.
 */
const { users } = schema;

export async function listAdministrators(db: Executor): Promise<AccountRow[]> {
  const rows = await listAccounts(db, {});
  return rows.filter((row) => (adminRoles as readonly string[]).includes(row.role));
}

export const setAdministratorDisabledByInstallerInputSchema = z
  .object({ username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/), disabled: z.boolean() })
  .strict();

export type InstallerOutcome =
  | { ok: true; id: string; username: string; role: string; disabled: boolean }
  | { ok: false; message: string };

/** The server command's half: audited as the installer, like `pnpm admin:create`. */
export async function setAdministratorDisabledByInstaller(
  db: Db,
  input: { username: string; disabled: boolean },
): Promise<InstallerOutcome> {
  const parsed = setAdministratorDisabledByInstallerInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  const { username, disabled } = parsed.data;
  const [target] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    // Only administrator accounts: everyone else is the system administrator's, in the portal.
    .where(and(eq(users.username, username), inArray(users.role, [...adminRoles])));
  if (!target) return { ok: false, message: `There is no administrator account named ${username}.` };
  await withAudit(
    db,
    (tx) => setUserDisabled(tx, target.id, disabled),
    () => ({
      actorId: null,
      actorRole: "installer",
      action: disabled ? "admin.account.disable" : "admin.account.enable",
      objectType: "user",
      objectId: target.id,
      result: "ok",
      detail: { username, role: target.role },
    }),
  );
  return { ok: true, id: target.id, username, role: target.role, disabled };
}
