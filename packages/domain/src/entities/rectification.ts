import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { longTextSchema, reasonSchema, timestampSchema } from "./shared";

/**
 * A rectification period (整改) ordered after a failing evaluation, e.g. 1 year then re-evaluation
 * (nm-tic.rectification). It ends `accepted` (back to active) or `failed` (a delisting ground).
 */
export const rectificationSchema = z.object({
  id: uuidSchema,
  platformId: uuidSchema,
  evaluationId: uuidSchema.nullable(),
  reason: reasonSchema,
  startsOn: isoDateSchema,
  dueOn: isoDateSchema,
  status: z.enum(["open", "response-submitted", "accepted", "failed"]),
  response: longTextSchema.nullable(),
  respondedAt: timestampSchema.nullable(),
  ruleId: z.string().min(1),
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const orderRectificationInputSchema = z
  .object({
    platformId: uuidSchema,
    evaluationId: uuidSchema.nullable(),
    reason: reasonSchema,
    startsOn: isoDateSchema,
    dueOn: isoDateSchema,
  })
  .refine((r) => r.startsOn < r.dueOn, {
    message: "整改期限须晚于开始日 / The rectification deadline must follow its start",
    path: ["dueOn"],
  });
export type OrderRectificationInput = z.infer<typeof orderRectificationInputSchema>;

export const respondRectificationInputSchema = z.object({
  rectificationId: uuidSchema,
  response: longTextSchema,
});
export type RespondRectificationInput = z.infer<typeof respondRectificationInputSchema>;
