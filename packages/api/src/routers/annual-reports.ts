import {
  checkReport,
  checkReportInputSchema,
  decideReport,
  decideReportInputSchema,
  getReport,
  reportKeySchema,
  saveReportDraft,
  saveReportInputSchema,
  submitReport,
  submitReportInputSchema,
} from "../after-approval/annual-reports";
import { reportQueue } from "../after-approval/obligations";
import { type Context, roleProcedure, router } from "../trpc";
import { chinaToday } from "../workflow/records";

/** Annual reports (issue 10). Thin: scope, rules and audit live in after-approval/annual-reports.ts. */
const actor = (ctx: Context & { user: NonNullable<Context["user"]> }) => ({
  user: ctx.user,
  ip: ctx.ip,
  now: ctx.now(),
});

export const annualReportsRouter = router({
  /** One year's report of a platform in scope (null while nothing is written; a draft only to its platform). */
  get: roleProcedure("applicant", "recommender", "authority")
    .input(reportKeySchema)
    .query(({ ctx, input }) => getReport(ctx.database.db, ctx.user, input)),
  saveDraft: roleProcedure("applicant")
    .input(saveReportInputSchema)
    .mutation(({ ctx, input }) => saveReportDraft(ctx.database.db, actor(ctx), input)),
  submit: roleProcedure("applicant")
    .input(submitReportInputSchema)
    .mutation(({ ctx, input }) => submitReport(ctx.database.db, actor(ctx), input)),
  check: roleProcedure("recommender")
    .input(checkReportInputSchema)
    .mutation(({ ctx, input }) => checkReport(ctx.database.db, actor(ctx), input)),
  decide: roleProcedure("authority")
    .input(decideReportInputSchema)
    .mutation(({ ctx, input }) => decideReport(ctx.database.db, actor(ctx), input)),
  /** 待审核年度报告: waiting for the caller, and every overdue report in scope. */
  queue: roleProcedure("recommender", "authority").query(({ ctx }) =>
    reportQueue(ctx.database.db, ctx.user, chinaToday(ctx.now())),
  ),
});
