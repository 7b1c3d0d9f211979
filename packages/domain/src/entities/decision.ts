import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { reasonSchema, shortTextSchema, timestampSchema } from "./shared";

/** The authority's decision on an application (批复认定 / 批准组建, or rejection). */
export const decisionSchema = z.discriminatedUnion("outcome", [
  z.object({
    id: uuidSchema,
    applicationId: uuidSchema,
    outcome: z.literal("approved"),
    decidedOn: isoDateSchema,
    decidedBy: uuidSchema,
    documentNumber: shortTextSchema.optional(),
    /** The name conferred (the module's naming rule applied), e.g. 内蒙古自治区…技术创新中心. */
    designatedName: shortTextSchema,
    ruleId: z.string().min(1),
    recordedAt: timestampSchema,
  }),
  z.object({
    id: uuidSchema,
    applicationId: uuidSchema,
    outcome: z.literal("rejected"),
    decidedOn: isoDateSchema,
    decidedBy: uuidSchema,
    documentNumber: shortTextSchema.optional(),
    reason: reasonSchema,
    ruleId: z.string().min(1),
    recordedAt: timestampSchema,
  }),
]);
export type Decision = z.infer<typeof decisionSchema>;
