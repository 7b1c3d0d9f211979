import { schema } from "@kechuang/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { authedProcedure, router } from "../trpc";
import { markNotificationsRead } from "../workflow/notify";
import { waitingFor } from "../workflow/waiting";

export const markReadInputSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });

export const notificationsRouter = router({
  /** My notifications, newest first (the portal renders kind + stage in the user's locale). */
  list: authedProcedure
    .input(z.strictObject({ unreadOnly: z.boolean().default(false) }).optional())
    .query(async ({ ctx, input }) => {
      const n = schema.notifications;
      const mine = eq(n.userId, ctx.user.id);
      return ctx.database.db
        .select({
          id: n.id,
          applicationId: n.applicationId,
          platformId: n.platformId,
          detail: n.detail,
          kind: n.kind,
          stage: n.stage,
          createdAt: n.createdAt,
          readAt: n.readAt,
        })
        .from(n)
        .where(input?.unreadOnly ? and(mine, isNull(n.readAt)) : mine)
        .orderBy(desc(n.id))
        .limit(200);
    }),

  markRead: authedProcedure.input(markReadInputSchema).mutation(async ({ ctx, input }) => {
    const marked = await ctx.database.db.transaction((tx) =>
      markNotificationsRead(tx, ctx.user.id, input.ids, ctx.now()),
    );
    return { marked };
  }),

  /** What is waiting for me (any workflow role), with how many hours it has waited. */
  waiting: authedProcedure.query(({ ctx }) => waitingFor(ctx.database.db, ctx.user, ctx.now())),
});
