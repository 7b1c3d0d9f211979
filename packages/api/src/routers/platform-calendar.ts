import { uuidSchema } from "@kechuang/domain";
import { z } from "zod";
import { platformCalendar, platformsOfUser } from "../after-approval/obligations";
import { roleProcedure, router } from "../trpc";
import { chinaToday } from "../workflow/records";

/** The obligations calendar (issue 10): the stored schedule, with statuses against the server's today. */
export const platformCalendarRouter = router({
  /** Platforms in the caller's scope, with their next due report and overdue counts. */
  mine: roleProcedure("applicant", "recommender", "authority").query(({ ctx }) =>
    platformsOfUser(ctx.database.db, ctx.user, chinaToday(ctx.now())),
  ),
  get: roleProcedure("applicant", "recommender", "authority")
    .input(z.strictObject({ platformId: uuidSchema }))
    .query(({ ctx, input }) =>
      platformCalendar(ctx.database.db, ctx.user, input.platformId, chinaToday(ctx.now())),
    ),
});
