import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { expertiseSchema } from "../facts";
import {
  idempotencyKeySchema,
  longTextSchema,
  shortTextSchema,
  stageIdSchema,
  timestampSchema,
} from "./shared";

/**
 * Expert work on an application: assignment to a panel seat, the conflict-of-interest declaration
 * (common.conflict-of-interest), opinions with scores, and site-visit records.
 */

export const expertAssignmentSchema = z.object({
  id: uuidSchema,
  applicationId: uuidSchema,
  expertId: uuidSchema,
  /** The seat filled on the panel (sc-tic.panel: technical, management, policy ...). */
  seat: expertiseSchema,
  assignedAt: timestampSchema,
  /** The expert confirms no tie to the lead unit, a co-build unit or the recommender. */
  declaredNoConflictAt: timestampSchema.nullable(),
});
export type ExpertAssignment = z.infer<typeof expertAssignmentSchema>;

export const scoreSchema = z.object({
  criterion: shortTextSchema,
  score: z.number().int().min(0).max(100),
});
export type Score = z.infer<typeof scoreSchema>;

export const recommendationSchema = z.enum(["support", "revise", "oppose"]);
export type Recommendation = z.infer<typeof recommendationSchema>;

export const opinionSchema = z.object({
  id: uuidSchema,
  applicationId: uuidSchema,
  expertId: uuidSchema,
  /** The stage the opinion was given in (consultation or review). */
  stage: stageIdSchema,
  recommendation: recommendationSchema,
  text: longTextSchema,
  scores: z.array(scoreSchema).max(30),
  submittedAt: timestampSchema,
});
export type Opinion = z.infer<typeof opinionSchema>;

export const submitOpinionInputSchema = opinionSchema
  .omit({ id: true, expertId: true, stage: true, submittedAt: true })
  .extend({
    expectedVersion: z.number().int().nonnegative(),
    idempotencyKey: idempotencyKeySchema.optional(),
  });
export type SubmitOpinionInput = z.infer<typeof submitOpinionInputSchema>;

/** Average of the scores, rounded to one decimal; null when none was given. */
export function averageScore(scores: readonly Score[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 10) / 10;
}

export const siteVisitSchema = z.object({
  id: uuidSchema,
  applicationId: uuidSchema,
  visitedOn: isoDateSchema,
  location: shortTextSchema,
  participantIds: z.array(uuidSchema).min(1).max(50),
  findings: longTextSchema,
  conclusion: z.enum(["satisfactory", "concerns"]),
  recordedBy: uuidSchema,
  recordedAt: timestampSchema,
});
export type SiteVisit = z.infer<typeof siteVisitSchema>;

export const recordSiteVisitInputSchema = siteVisitSchema
  .omit({ id: true, recordedBy: true, recordedAt: true })
  .extend({ idempotencyKey: idempotencyKeySchema.optional() });
export type RecordSiteVisitInput = z.infer<typeof recordSiteVisitInputSchema>;
