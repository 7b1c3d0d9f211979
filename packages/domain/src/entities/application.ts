import { z } from "zod";
import { uuidSchema } from "../common";
import { centerFactsSchema, platformKindSchema } from "../facts";
import { policyIdSchema } from "../policy/contract";
import { roleSchema } from "../roles";
import {
  actionIdSchema,
  idempotencyKeySchema,
  reasonSchema,
  shortTextSchema,
  stageIdSchema,
  timestampSchema,
} from "./shared";

/**
 * An application moving through its module's stage graph. `stage` is a stage id of that module's
 * workflow (ids from `commonStages` where the module uses them); `version` guards concurrent edits:
 * every write names the version it read and fails if another write came first.
 */

/** Plan content keyed section id → field id → value; its shape comes from the module's outline. */
export const planContentSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** One row of the application's own history; the audit trail keeps the same facts (common.audit). */
export const historyEntrySchema = z.object({
  at: timestampSchema,
  actorId: uuidSchema,
  role: roleSchema,
  action: actionIdSchema,
  from: stageIdSchema,
  to: stageIdSchema,
  /** The rule that allowed the step (transition.ruleId). */
  ruleId: z.string().min(1),
  reason: reasonSchema.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const applicationSchema = z.object({
  id: uuidSchema,
  policyId: policyIdSchema,
  kind: platformKindSchema,
  /** The proposed platform name (before any naming rule is applied). */
  title: shortTextSchema,
  applicantOrganizationId: uuidSchema,
  /** The area whose recommender endorses it; null where the module has no recommender stage. */
  recommenderAreaCode: z.string().nullable(),
  stage: stageIdSchema,
  version: z.number().int().nonnegative(),
  facts: centerFactsSchema,
  plan: planContentSchema,
  history: z.array(historyEntrySchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Application = z.infer<typeof applicationSchema>;

export const createApplicationInputSchema = z
  .object({
    policyId: policyIdSchema,
    kind: platformKindSchema,
    title: shortTextSchema,
    recommenderAreaCode: z.string().max(20).nullable().default(null),
    facts: centerFactsSchema.optional(),
    plan: planContentSchema.default({}),
  })
  .refine((i) => !i.facts || i.facts.kind === i.kind, {
    message: "事实中的平台类型须与申报类型一致 / facts.kind must equal the application kind",
    path: ["facts", "kind"],
  });
export type CreateApplicationInput = z.infer<typeof createApplicationInputSchema>;

/** Saving a draft: any of title, facts and plan, against the version the editor loaded. */
export const updateApplicationInputSchema = z.object({
  applicationId: uuidSchema,
  expectedVersion: z.number().int().nonnegative(),
  title: shortTextSchema.optional(),
  facts: centerFactsSchema.optional(),
  plan: planContentSchema.optional(),
});
export type UpdateApplicationInput = z.infer<typeof updateApplicationInputSchema>;

export const transitionInputSchema = z.object({
  applicationId: uuidSchema,
  action: actionIdSchema,
  expectedVersion: z.number().int().nonnegative(),
  /** Required by transitions with `needsReason`; the server checks that against the graph. */
  reason: reasonSchema.optional(),
  /** A client-made key so a retried request does not move the application twice. */
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;
