import { isoDateSchema, uuidSchema } from "@kechuang/domain";
import { z } from "zod";
import { governanceHistory, governanceOnDay } from "../after-approval/governance";
import { roleProcedure, router } from "../trpc";
import { chinaToday } from "../workflow/records";

const readers = ["applicant", "recommender", "authority", "expert"] as const;

/** A platform's governance bodies as records (issue 11): today, on a past day, and the full history. */
export const governanceRouter = router({
  current: roleProcedure(...readers)
    .input(z.strictObject({ platformId: uuidSchema }))
    .query(({ ctx, input }) =>
      governanceOnDay(ctx.database.db, ctx.user, input.platformId, chinaToday(ctx.now())),
    ),
  /** "Who sat on the committee on 1 March 2025": the rows whose span covers the day. */
  on: roleProcedure(...readers)
    .input(z.strictObject({ platformId: uuidSchema, day: isoDateSchema }))
    .query(({ ctx, input }) => governanceOnDay(ctx.database.db, ctx.user, input.platformId, input.day)),
  history: roleProcedure(...readers)
    .input(z.strictObject({ platformId: uuidSchema }))
    .query(({ ctx, input }) => governanceHistory(ctx.database.db, ctx.user, input.platformId)),
});
