import {
  type Db,
  generatePassword,
  generateTotpSecret,
  hashPassword,
  sealTotpSecret,
  withAudit,
} from "@kechuang/db";
import { type AdminRole, adminRoleSchema } from "@kechuang/domain";
import { z } from "zod";
import { insertAccount, usernameTaken } from "./store";

export const provisionAdministratorInputSchema = z
  .object({
    role: adminRoleSchema,
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
    displayName: z.string().trim().min(1).max(64),
  })
  .strict();

export type ProvisionOutcome =
  | { ok: true; id: string; initialPassword: string; totpSecret: string }
  | { ok: false; message: string };

/**
 * 三员分立: the three administrator accounts are set up at installation, by whoever runs the server's
 * `pnpm admin:create` on its machine — never online by another administrator, who would otherwise hold
 * the new account's password and second factor. The audit row names the installer, not a user.
 */
export async function provisionAdministrator(
  db: Db,
  input: { role: AdminRole; username: string; displayName: string },
): Promise<ProvisionOutcome> {
  const parsed = provisionAdministratorInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  if (await usernameTaken(db, parsed.data.username))
    return { ok: false, message: `The username ${parsed.data.username} is taken.` };
  const initialPassword = generatePassword(16);
  const totpSecret = generateTotpSecret();
  const passwordHash = await hashPassword(initialPassword);
  const created = await withAudit(
    db,
    (tx) =>
      insertAccount(tx, {
        ...parsed.data,
        passwordHash,
        totpSecret: sealTotpSecret(tx, totpSecret),
        organizationId: null,
        areaCode: null,
        mustChangePassword: true,
      }),
    (row) => ({
      actorId: null,
      actorRole: "installer",
      action: "admin.account.provision",
      objectType: "user",
      objectId: row.id,
      result: "ok",
      detail: { username: parsed.data.username, role: parsed.data.role },
    }),
  );
  return { ok: true, id: created.id, initialPassword, totpSecret };
}
