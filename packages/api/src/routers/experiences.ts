import {
  listExperiences,
  platformInputSchema,
  publishExperience,
  publishExperienceInputSchema,
  publishedExperiences,
  returnExperience,
  returnExperienceInputSchema,
  saveExperience,
  saveExperienceInputSchema,
  submitExperience,
  submitExperienceInputSchema,
} from "../after-approval/experiences";
import { type Context, publicProcedure, roleProcedure, router } from "../trpc";

/** Replicable experiences of zones (issue 11, sc-zone 五(五)); the use cases live in after-approval/experiences.ts. */
const actor = (ctx: Context & { user: NonNullable<Context["user"]> }) => ({
  user: ctx.user,
  ip: ctx.ip,
  now: ctx.now(),
});

export const experiencesRouter = router({
  /** Every experience of a platform in scope, all statuses, with the rule's writing prompt. */
  list: roleProcedure("applicant", "recommender", "authority")
    .input(platformInputSchema)
    .query(({ ctx, input }) => listExperiences(ctx.database.db, ctx.user, input)),
  save: roleProcedure("applicant")
    .input(saveExperienceInputSchema)
    .mutation(({ ctx, input }) => saveExperience(ctx.database.db, actor(ctx), input)),
  submit: roleProcedure("applicant")
    .input(submitExperienceInputSchema)
    .mutation(({ ctx, input }) => submitExperience(ctx.database.db, actor(ctx), input)),
  publish: roleProcedure("authority")
    .input(publishExperienceInputSchema)
    .mutation(({ ctx, input }) => publishExperience(ctx.database.db, actor(ctx), input)),
  return: roleProcedure("authority")
    .input(returnExperienceInputSchema)
    .mutation(({ ctx, input }) => returnExperience(ctx.database.db, actor(ctx), input)),
  /** The public page: published ones only (title, body, promoted, date). */
  published: publicProcedure
    .input(platformInputSchema)
    .query(({ ctx, input }) => publishedExperiences(ctx.database.db, input)),
});
