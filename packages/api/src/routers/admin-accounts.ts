import {
  generatePassword,
  generateTotpSecret,
  hashPassword,
  recordAudit,
  sealTotpSecret,
  setUserDisabled,
  setUserRole,
  withAudit,
} from "@kechuang/db";
import { isAdminRole, type LocalizedText, type Role, roleSchema, secondFactorRoles } from "@kechuang/domain";
import { z } from "zod";
import { auditEntryOf } from "../admin/audit-entry";
import { adminMessages } from "../admin/messages";
import {
  type AccountRow,
  findAccount,
  insertAccount,
  listAccounts,
  organizationExists,
  usernameTaken,
} from "../admin/store";
import { appError } from "../errors";
import { type Context, roleProcedure, router } from "../trpc";

export const listAccountsInputSchema = z.object({ role: roleSchema.optional() }).strict().optional();
export const createAccountInputSchema = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/),
    displayName: z.string().trim().min(1).max(64),
    role: roleSchema,
    organizationId: z.uuid().nullable().default(null),
    areaCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .default(null),
  })
  .strict();
export const setRoleInputSchema = z.object({ userId: z.uuid(), role: roleSchema }).strict();
export const setDisabledInputSchema = z.object({ userId: z.uuid(), disabled: z.boolean() }).strict();

type ErrorCode = Parameters<typeof appError>[0];

/** A refused administrator action is audited (result "denied") before the typed error goes back. */
export async function refuse(
  ctx: Context,
  action: string,
  objectId: string | null,
  code: ErrorCode,
  text: LocalizedText,
): Promise<never> {
  await recordAudit(
    ctx.database.db,
    auditEntryOf(ctx, action, { type: "user", id: objectId }, "denied", { reason: text.en }),
  );
  throw appError(code, text);
}

const systemAdmin = roleProcedure("system-admin");

/** Accounts and roles: the system administrator's duty (三员分立). Every change is audited in its transaction. */
export const adminAccountsRouter = router({
  list: systemAdmin.input(listAccountsInputSchema).query(async ({ ctx, input }): Promise<AccountRow[]> => {
    return listAccounts(ctx.database.db, { role: input?.role });
  }),

  /**
   * The initial password (and TOTP secret for roles that need one) is generated here and returned once;
   * only its argon2id hash is stored. There is no way to choose a password for someone else.
   */
  create: systemAdmin.input(createAccountInputSchema).mutation(async ({ ctx, input }) => {
    const action = "admin.account.create";
    const db = ctx.database.db;
    if (isAdminRole(input.role))
      return refuse(ctx, action, input.username, "FORBIDDEN", adminMessages.adminRoleFixed);
    if (await usernameTaken(db, input.username))
      return refuse(ctx, action, input.username, "CONFLICT", adminMessages.usernameTaken);
    if (input.role === "applicant" && !input.organizationId)
      return refuse(ctx, action, input.username, "BAD_REQUEST", adminMessages.organizationRequired);
    if (input.role === "recommender" && !input.areaCode)
      return refuse(ctx, action, input.username, "BAD_REQUEST", adminMessages.areaRequired);
    if (input.organizationId && !(await organizationExists(db, input.organizationId)))
      return refuse(ctx, action, input.username, "BAD_REQUEST", adminMessages.unknownOrganization);
    const initialPassword = generatePassword(16);
    const totpSecret = secondFactorRoles.includes(input.role) ? generateTotpSecret() : null;
    const passwordHash = await hashPassword(initialPassword);
    const created = await withAudit(
      db,
      (tx) =>
        insertAccount(tx, {
          ...input,
          passwordHash,
          // Encrypted at rest; the plain secret is returned once, below, to the creating administrator.
          totpSecret: totpSecret && sealTotpSecret(tx, totpSecret),
          mustChangePassword: true,
        }),
      (row) =>
        auditEntryOf(ctx, action, { type: "user", id: row.id }, "ok", {
          username: input.username,
          role: input.role,
        }),
    );
    return { id: created.id, username: input.username, role: input.role, initialPassword, totpSecret };
  }),

  /**
   * One role per account (a single column), so no account can hold two administrator roles. On top of that no
   * role change leads into or out of an administrator role (those are set up at installation only, see
   * admin/provision.ts), and nobody changes their own role.
   * The change ends the account's sessions: the next sign-in gets a new session id with the new role.
   */
  setRole: systemAdmin.input(setRoleInputSchema).mutation(async ({ ctx, input }) => {
    const action = "admin.account.set-role";
    if (input.userId === ctx.user.id)
      return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.notYourself);
    const target = await findAccount(ctx.database.db, input.userId);
    if (!target) return refuse(ctx, action, input.userId, "NOT_FOUND", adminMessages.noSuchAccount);
    const from = roleSchema.parse(target.role);
    if (from !== input.role && (isAdminRole(from) || isAdminRole(input.role)))
      return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.adminRoleFixed);
    await withAudit(
      ctx.database.db,
      (tx) => setUserRole(tx, input.userId, input.role),
      () => auditEntryOf(ctx, action, { type: "user", id: input.userId }, "ok", { from, to: input.role }),
    );
    return { id: input.userId, role: input.role as Role };
  }),

  /**
   * Disabling cuts the account's live sessions at once (and validateSessionToken refuses disabled accounts).
   * Administrator accounts are not the system administrator's to disable (三员分立): see security.ts.
   */
  setDisabled: systemAdmin.input(setDisabledInputSchema).mutation(async ({ ctx, input }) => {
    const action = input.disabled ? "admin.account.disable" : "admin.account.enable";
    if (input.userId === ctx.user.id)
      return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.notYourself);
    const target = await findAccount(ctx.database.db, input.userId);
    if (!target) return refuse(ctx, action, input.userId, "NOT_FOUND", adminMessages.noSuchAccount);
    if (isAdminRole(roleSchema.parse(target.role)))
      return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.administratorsNotYours);
    await withAudit(
      ctx.database.db,
      (tx) => setUserDisabled(tx, input.userId, input.disabled),
      () => auditEntryOf(ctx, action, { type: "user", id: input.userId }, "ok"),
    );
    return { id: input.userId, disabled: input.disabled };
  }),
});

export const adminRouter = router({ accounts: adminAccountsRouter });
