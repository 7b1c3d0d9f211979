import { z } from "zod";
import { isoDateSchema, uuidSchema } from "../common";
import { reasonSchema, shortTextSchema, timestampSchema } from "./shared";

/** Delisting and revocation (摘牌撤销) on one or more of the module's grounds (nm-tic.delisting). */
export const delistingSchema = z.object({
  id: uuidSchema,
  platformId: uuidSchema,
  /** Ids from the module's `evaluation.delistingGrounds`, each confirmed by the authority. */
  groundIds: z.array(z.string().min(1).max(60)).min(1).max(10),
  reason: reasonSchema,
  decidedOn: isoDateSchema,
  decidedBy: uuidSchema,
  documentNumber: shortTextSchema.optional(),
  ruleId: z.string().min(1),
  recordedAt: timestampSchema,
});
export type Delisting = z.infer<typeof delistingSchema>;

export const delistInputSchema = delistingSchema.pick({
  platformId: true,
  groundIds: true,
  reason: true,
  decidedOn: true,
  documentNumber: true,
});
export type DelistInput = z.infer<typeof delistInputSchema>;
