import { clearFailedSignIns, withAudit } from "@kechuang/db";
import { z } from "zod";
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

export const unlockInputSchema = z.object({ userId: z.uuid() }).strict();
/** Session ids are SHA-256 hex of the cookie token: listing them does not reveal usable tokens. */
export const revokeSessionInputSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

const securityAdmin = roleProcedure("security-admin");

/** Security settings and live sessions: the security administrator's duty (三员分立). */
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
