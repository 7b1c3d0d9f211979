import {
  idempotencyKeySchema,
  isoDateSchema,
  policyIdSchema,
  recognitionTierSchema,
  uuidSchema,
} from "@kechuang/domain";
import { z } from "zod";
import {
  jointMeeting,
  jointMeetingHistory,
  platformRecognitions,
  policiesWithTargets,
  recordRecognition,
  setJointMeetingMember,
  targetPlatforms,
  targetsReportOf,
} from "../after-approval/targets";
import { publicProcedure, roleProcedure, router } from "../trpc";
import { chinaToday } from "../workflow/records";

const text = (max: number) => z.string().trim().min(1).max(max);
const policyRef = z.strictObject({ policyId: policyIdSchema });

/** Anshun's platform targets, recognitions and joint meeting (issue 11); use cases in after-approval/targets.ts. */
export const targetsRouter = router({
  /** The policies that set platform targets (links from a policy page, the dashboard's entry). */
  policies: publicProcedure.query(() => policiesWithTargets()),

  /** Target vs actual per type and year (open data: GET /api/v1/targets/:policyId). */
  report: publicProcedure
    .input(policyRef)
    .query(({ ctx, input }) => targetsReportOf(ctx.database.db, input.policyId, chinaToday(ctx.now()))),

  /** The policy's platforms the caller may record recognitions for (the authority's form). */
  platforms: roleProcedure("authority")
    .input(policyRef)
    .query(({ ctx, input }) => targetPlatforms(ctx.database.db, ctx.user, input.policyId)),

  recognitions: roleProcedure("applicant", "recommender", "authority")
    .input(z.strictObject({ platformId: uuidSchema }))
    .query(({ ctx, input }) => platformRecognitions(ctx.database.db, ctx.user, input.platformId)),

  recordRecognition: roleProcedure("authority")
    .input(
      z.strictObject({
        platformId: uuidSchema,
        typeId: text(64),
        tier: recognitionTierSchema,
        recognizedOn: isoDateSchema,
        documentNumber: text(100).optional(),
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => recordRecognition(ctx, input)),

  /** The joint meeting's seats with their current members (names and departments only). */
  jointMeeting: publicProcedure
    .input(policyRef)
    .query(({ ctx, input }) => jointMeeting(ctx.database.db, input.policyId, chinaToday(ctx.now()))),

  jointMeetingHistory: roleProcedure("authority")
    .input(policyRef)
    .query(({ ctx, input }) => jointMeetingHistory(ctx, input.policyId)),

  setJointMeetingMember: roleProcedure("authority")
    .input(
      z.strictObject({
        policyId: policyIdSchema,
        seatId: text(64),
        name: text(50),
        department: text(100),
        since: isoDateSchema,
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => setJointMeetingMember(ctx, input)),
});
