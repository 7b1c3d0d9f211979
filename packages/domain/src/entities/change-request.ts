import { z } from "zod";
import { uuidSchema } from "../common";
import { longTextSchema, reasonSchema, timestampSchema } from "./shared";

/**
 * A change to an approved platform. The module's change kind decides the mode: a filing (备案) is
 * recorded when made; an approval (批复) waits for the authority (nm-tic.change-filing / -approval).
 */
const base = z.object({
  id: uuidSchema,
  platformId: uuidSchema,
  /** One of the module's `changeKinds` ids. */
  changeKindId: z.string().min(1).max(60),
  description: longTextSchema,
  submittedBy: uuidSchema,
  submittedAt: timestampSchema,
  ruleId: z.string().min(1),
});

export const changeRequestSchema = z.discriminatedUnion("status", [
  base.extend({ mode: z.literal("filing"), status: z.literal("filed") }),
  base.extend({ mode: z.literal("approval"), status: z.literal("pending") }),
  base.extend({
    mode: z.literal("approval"),
    status: z.enum(["approved", "rejected"]),
    decidedBy: uuidSchema,
    decidedAt: timestampSchema,
    reason: reasonSchema,
  }),
]);
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const submitChangeInputSchema = z.object({
  platformId: uuidSchema,
  changeKindId: z.string().min(1).max(60),
  description: longTextSchema,
});
export type SubmitChangeInput = z.infer<typeof submitChangeInputSchema>;

export const decideChangeInputSchema = z.object({
  changeRequestId: uuidSchema,
  outcome: z.enum(["approved", "rejected"]),
  reason: reasonSchema,
});
export type DecideChangeInput = z.infer<typeof decideChangeInputSchema>;
