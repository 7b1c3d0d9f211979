import { clearFailedSignIns, setUserDisabled, withAudit } from "@kechuang/db";
import { isAdminRole, roleSchema } from "@kechuang/domain";
import { z } from "zod";
import { listAdministrators } from "../admin/administrators";
import { auditEntryOf } from "../admin/audit-entry";
import { adminMessages } from "../admin/messages";
import {
  type AccountRow,
  deleteSessionById,
  findAccount,
  type LiveSessionRow,
  liveSessions,
  lockedAccounts,
} from "../admin/store";
import { appError } from "../errors";
import { roleProcedure, router } from "../trpc";
import { refuse } from "./admin-accounts";

export const unlockInputSchema = z.object({ userId: z.uuid() }).strict();
/** Session ids are SHA-256 hex of the cookie token: listing them does not reveal usable tokens. */
export const revokeSessionInputSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const setAdministratorDisabledInputSchema = z
  .object({ userId: z.uuid(), disabled: z.boolean() })
  .strict();

const securityAdmin = roleProcedure("security-admin");

/** Lockouts, the administrators' accounts and live sessions: the security administrator's duty (三员分立). */
export const securityRouter = router({
  lockedAccounts: securityAdmin.query(
    ({ ctx }): Promise<AccountRow[]> => lockedAccounts(ctx.database.db, ctx.now()),
  ),

  unlock: securityAdmin.input(unlockInputSchema).mutation(async ({ ctx, input }) => {
    const target = await findAccount(ctx.database.db, input.userId);
    if (!target) throw appError("NOT_FOUND", adminMessages.noSuchAccount);
    await withAudit(
      ctx.database.db,
      (tx) => clearFailedSignIns(tx, input.userId),
      () => auditEntryOf(ctx, "security.unlock", { type: "user", id: input.userId }, "ok"),
    );
    return { id: input.userId, unlocked: true as const };
  }),

  /** The three administrators' accounts: theirs to disable is the security administrator's duty (三员分立). */
  administrators: securityAdmin.query(
    ({ ctx }): Promise<AccountRow[]> => listAdministrators(ctx.database.db),
  ),

  /**
   * Enables or disables another administrator's account (never one's own); disabling cuts its sessions at
   * once. Every other account is the system administrator's (admin.accounts.setDisabled).
   */
  setAdministratorDisabled: securityAdmin
    .input(setAdministratorDisabledInputSchema)
    .mutation(async ({ ctx, input }) => {
      const action = input.disabled ? "security.administrator.disable" : "security.administrator.enable";
      if (input.userId === ctx.user.id)
        return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.notYourself);
      const target = await findAccount(ctx.database.db, input.userId);
      if (!target) return refuse(ctx, action, input.userId, "NOT_FOUND", adminMessages.noSuchAccount);
      if (!isAdminRole(roleSchema.parse(target.role)))
        return refuse(ctx, action, input.userId, "FORBIDDEN", adminMessages.onlyAdministrators);
      await withAudit(
        ctx.database.db,
        (tx) => setUserDisabled(tx, input.userId, input.disabled),
        () =>
          auditEntryOf(ctx, action, { type: "user", id: input.userId }, "ok", {
            username: target.username,
            role: target.role,
          }),
      );
      return { id: input.userId, disabled: input.disabled };
    }),

  sessions: securityAdmin.query(
    ({ ctx }): Promise<LiveSessionRow[]> => liveSessions(ctx.database.db, ctx.now()),
  ),

  revokeSession: securityAdmin.input(revokeSessionInputSchema).mutation(async ({ ctx, input }) => {
    const revoked = await withAudit(
      ctx.database.db,
      (tx) => deleteSessionById(tx, input.sessionId),
      (row) =>
        auditEntryOf(
          ctx,
          "security.revoke-session",
          { type: "session", id: input.sessionId },
          row ? "ok" : "failed",
          {
            userId: row?.userId ?? null,
          },
        ),
    );
    if (!revoked) throw appError("NOT_FOUND", adminMessages.noSuchSession);
    return { sessionId: input.sessionId, revoked: true as const };
  }),
});
