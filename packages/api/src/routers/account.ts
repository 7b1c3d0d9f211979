import { appendAudit, hashPassword, recordAudit, recordFailedSignIn, verifyPassword } from "@kechuang/db";
import { z } from "zod";
import { auditEntryOf } from "../admin/audit-entry";
import { adminMessages } from "../admin/messages";
import { acceptablePassword } from "../admin/password-policy";
import { deleteSessionsOfUser, passwordHashOf, updatePasswordHash } from "../admin/store";
import { createSession } from "../auth/session";
import { appError } from "../errors";
import { authedProcedure, router } from "../trpc";

export const changePasswordInputSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();

/** The signed-in user's own account. */
export const accountRouter = router({
  /**
   * Needs the current password (a stolen session alone cannot take the account over; wrong guesses count
   * towards the sign-in lockout, and the lock ends this session). On success every session of the account
   * ends and this browser gets a fresh session id.
   */
  changePassword: authedProcedure.input(changePasswordInputSchema).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const action = "account.change-password";
    const object = { type: "user", id: ctx.user.id };
    const currentHash = await passwordHashOf(db, ctx.user.id);
    if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
      const { locked } = await db.transaction(async (tx) => {
        const outcome = await recordFailedSignIn(tx, ctx.user.id, ctx.now());
        await appendAudit(
          tx,
          auditEntryOf(ctx, action, object, "failed", { reason: "wrong-current-password" }),
        );
        if (outcome.locked) await deleteSessionsOfUser(tx, ctx.user.id);
        return outcome;
      });
      if (locked) ctx.cookies.clear();
      throw appError("BAD_REQUEST", adminMessages.wrongCurrentPassword);
    }
    if (
      !acceptablePassword(input.newPassword, { username: ctx.user.username, current: input.currentPassword })
    ) {
      await recordAudit(db, auditEntryOf(ctx, action, object, "denied", { reason: "policy" }));
      throw appError("BAD_REQUEST", adminMessages.weakPassword);
    }
    const newHash = await hashPassword(input.newPassword);
    const session = await db.transaction(async (tx) => {
      await updatePasswordHash(tx, ctx.user.id, newHash);
      await deleteSessionsOfUser(tx, ctx.user.id);
      const created = await createSession(tx, ctx.user.id, {
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        now: ctx.now(),
      });
      await appendAudit(tx, auditEntryOf(ctx, action, object, "ok"));
      return created;
    });
    ctx.cookies.set(session.token, session.expiresAt);
    return { ok: true as const };
  }),
});
