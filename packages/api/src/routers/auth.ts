import { deleteSession, recordAudit } from "@kechuang/db";
import { type SessionUser, signInInputSchema } from "@kechuang/domain";
import { signIn } from "../auth/sign-in";
import { appError, messages } from "../errors";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const authRouter = router({
  signIn: publicProcedure
    .input(signInInputSchema)
    .mutation(async ({ ctx, input }): Promise<{ user: SessionUser }> => {
      const result = await signIn(ctx, input);
      if (!result.ok)
        throw appError("UNAUTHORIZED", messages.wrongCredentials, { needsTotp: result.error.needsTotp });
      // A previous session in this browser ends: one cookie, one session.
      if (ctx.session) await deleteSession(ctx.database.db, ctx.session.id);
      ctx.cookies.set(result.value.token, result.value.expiresAt);
      return { user: result.value.user };
    }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await deleteSession(ctx.database.db, ctx.session.id);
    await recordAudit(ctx.database.db, {
      actorId: ctx.user.id,
      actorRole: ctx.user.role,
      action: "auth.sign-out",
      objectType: "user",
      objectId: ctx.user.username,
      result: "ok",
      sourceIp: ctx.ip,
      detail: { requestId: ctx.requestId },
    });
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }): SessionUser | null => ctx.user),
});
