import { idempotencyKeySchema, isoDateSchema, uuidSchema } from "@kechuang/domain";
import { z } from "zod";
import { platformOversight, recordDelisting } from "../after-approval/delistings";
import {
  assignEvaluationExpert,
  expertCandidates,
  getEvaluation,
  gradeEvaluation,
  listEvaluationCalendar,
  listEvaluations,
  openRound,
  previewGrade,
  recordThirdParty,
  saveMaterial,
} from "../after-approval/evaluations";
import { openReEvaluation, respondToRectification } from "../after-approval/rectifications";
import { roleProcedure, router } from "../trpc";

/** Evaluations, rectification and delisting after approval (issue 10); the use cases live in after-approval/. */

const evaluationIdInput = z.object({ evaluationId: uuidSchema });
const text = (max: number) => z.string().trim().min(1).max(max);

const focusAreaEntrySchema = z.object({
  data: z
    .array(
      z.object({
        indicator: text(200),
        value: z.number().finite(),
        unit: z.string().trim().max(40).optional(),
      }),
    )
    .max(50),
  material: z.string().trim().max(20_000),
});

const gradeInputSchema = z.object({
  evaluationId: uuidSchema,
  /** null where the module names no grades (Hunan: findings only). */
  gradeId: z.string().min(1).max(64).nullable(),
  conductedOn: isoDateSchema,
  /** Only where the module gives no rectification period (Sichuan): the authority's date. */
  rectificationDueOn: isoDateSchema.optional(),
});

export const evaluationsRouter = router({
  /** Every platform of the authority's jurisdiction with where its evaluation stands (due, next date). */
  calendar: roleProcedure("authority").query(({ ctx }) => listEvaluationCalendar(ctx)),

  /** Evaluations the caller may see: the authority's jurisdiction, an expert's own seats. */
  list: roleProcedure("authority", "expert").query(({ ctx }) => listEvaluations(ctx)),

  get: roleProcedure("authority", "expert")
    .input(evaluationIdInput)
    .query(({ ctx, input }) => getEvaluation(ctx, input.evaluationId)),

  expertCandidates: roleProcedure("authority")
    .input(evaluationIdInput)
    .query(({ ctx, input }) => expertCandidates(ctx, input.evaluationId)),

  /** What a grade would lead to, shown before the authority confirms it. */
  previewGrade: roleProcedure("authority")
    .input(gradeInputSchema)
    .query(({ ctx, input }) => previewGrade(ctx, input)),

  /** One platform's evaluations, rectifications and delisting (the oversight card). */
  forPlatform: roleProcedure("authority", "applicant", "recommender")
    .input(z.object({ platformId: uuidSchema }))
    .query(({ ctx, input }) => platformOversight(ctx, input.platformId)),

  openRound: roleProcedure("authority")
    .input(
      z.object({
        platformIds: z.array(uuidSchema).min(1).max(100),
        title: text(200),
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => openRound(ctx, input)),

  assignExpert: roleProcedure("authority")
    .input(
      z.object({
        evaluationId: uuidSchema,
        expertId: uuidSchema,
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => assignEvaluationExpert(ctx, input)),

  recordThirdParty: roleProcedure("authority")
    .input(z.object({ evaluationId: uuidSchema, evaluatorName: text(200) }))
    .mutation(({ ctx, input }) => recordThirdParty(ctx, input)),

  saveMaterial: roleProcedure("authority", "expert")
    .input(
      z.object({
        evaluationId: uuidSchema,
        material: z.record(z.string().min(1).max(64), focusAreaEntrySchema),
      }),
    )
    .mutation(({ ctx, input }) => saveMaterial(ctx, input)),

  grade: roleProcedure("authority")
    .input(
      gradeInputSchema.extend({
        findings: text(20_000),
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => gradeEvaluation(ctx, input)),

  /** The platform's rectification report. */
  respondToRectification: roleProcedure("applicant")
    .input(
      z.object({
        rectificationId: uuidSchema,
        response: text(20_000),
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => respondToRectification(ctx, input)),

  openReEvaluation: roleProcedure("authority")
    .input(z.object({ rectificationId: uuidSchema, idempotencyKey: idempotencyKeySchema.optional() }))
    .mutation(({ ctx, input }) => openReEvaluation(ctx, input)),

  /** 摘牌撤销: grounds from the module's list, the verification, the decision. */
  delist: roleProcedure("authority")
    .input(
      z.object({
        platformId: uuidSchema,
        groundIds: z.array(z.string().min(1).max(64)).min(1).max(10),
        verification: text(20_000),
        decidedOn: isoDateSchema,
        documentNumber: z.string().trim().min(1).max(100).optional(),
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => recordDelisting(ctx, input)),
});
