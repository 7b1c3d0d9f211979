import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { longTextSchema, timestampSchema } from "./shared";

/**
 * An evaluation of a platform (评估评价 / 绩效评价). The grade is one of the module's
 * `evaluation.grades` ids (e.g. excellent/good/pass/fail for nm-tic-2020); the module's grade says
 * what follows (continued support, post-subsidy, rectification, revocation).
 */
export const evaluationSchema = z.object({
  id: uuidSchema,
  platformId: uuidSchema,
  policyId: z.string().min(1),
  kind: z.enum(["annual-assessment", "periodic", "summary", "re-evaluation"]),
  periodFrom: isoDateSchema,
  periodTo: isoDateSchema,
  /** hn-tic.evaluation: performance evaluation by a third party. */
  evaluator: z.enum(["authority", "third-party"]),
  evaluatorName: z.string().trim().max(200).optional(),
  gradeId: z.string().min(1).max(40),
  findings: longTextSchema,
  conductedOn: isoDateSchema,
  ruleId: z.string().min(1),
  recordedAt: timestampSchema,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const recordEvaluationInputSchema = evaluationSchema
  .omit({ id: true, policyId: true, ruleId: true, recordedAt: true })
  .refine((e) => e.periodFrom <= e.periodTo, {
    message: "评价期间起止日期颠倒 / The evaluation period ends before it starts",
    path: ["periodTo"],
  });
export type RecordEvaluationInput = z.infer<typeof recordEvaluationInputSchema>;
