import { z } from "zod";
import { isoDateSchema, type LocalizedText, uuidSchema } from "../common";
import { policyIdSchema } from "../policy/contract";
import {
  idempotencyKeySchema,
  longTextSchema,
  reasonSchema,
  shortTextSchema,
  timestampSchema,
} from "./shared";

/**
 * Publicity (公示) and objections (common.publicity): anyone may object while the notice is open; the
 * authority upholds an objection (the application goes back to review) or dismisses it with a reason.
 * The closing date is set by the authority: working days in China shift with official make-up days
 * (调休), so the system does not compute them.
 */

export const publicityNoticeSchema = z
  .object({
    id: uuidSchema,
    applicationId: uuidSchema,
    policyId: policyIdSchema,
    title: shortTextSchema,
    body: longTextSchema,
    opensOn: isoDateSchema,
    /** Last day objections are accepted (inclusive). */
    closesOn: isoDateSchema,
    publishedAt: timestampSchema,
  })
  .refine((n) => n.opensOn <= n.closesOn, {
    message: "公示截止日不能早于开始日 / The closing date cannot precede the opening date",
    path: ["closesOn"],
  });
export type PublicityNotice = z.infer<typeof publicityNoticeSchema>;

export const openPublicityInputSchema = z
  .object({
    applicationId: uuidSchema,
    expectedVersion: z.number().int().nonnegative(),
    title: shortTextSchema,
    body: longTextSchema,
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .refine((n) => n.opensOn <= n.closesOn, {
    message: "公示截止日不能早于开始日 / The closing date cannot precede the opening date",
    path: ["closesOn"],
  });
export type OpenPublicityInput = z.infer<typeof openPublicityInputSchema>;

/** Objections need a name and a way to reach the objector; only the authority sees them. */
const objectionBase = z.object({
  id: uuidSchema,
  noticeId: uuidSchema,
  objectorName: z.string().trim().min(1).max(100),
  objectorContact: z.string().trim().min(3).max(200),
  grounds: z.string().trim().min(10).max(5_000),
  submittedAt: timestampSchema,
});

const resolution = { reason: reasonSchema, resolvedBy: uuidSchema, resolvedAt: timestampSchema };

export const objectionSchema = z.discriminatedUnion("status", [
  objectionBase.extend({ status: z.literal("open") }),
  objectionBase.extend({ status: z.literal("upheld"), ...resolution }),
  objectionBase.extend({ status: z.literal("dismissed"), ...resolution }),
]);
export type Objection = z.infer<typeof objectionSchema>;
export type ObjectionStatus = Objection["status"];

export const fileObjectionInputSchema = objectionBase.pick({
  noticeId: true,
  objectorName: true,
  objectorContact: true,
  grounds: true,
});
export type FileObjectionInput = z.infer<typeof fileObjectionInputSchema>;

export const resolveObjectionInputSchema = z.object({
  objectionId: uuidSchema,
  outcome: z.enum(["upheld", "dismissed"]),
  reason: reasonSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type ResolveObjectionInput = z.infer<typeof resolveObjectionInputSchema>;

/** Whether objections may still be filed on `today` (an ISO date in China time). */
export const isPublicityOpen = (
  notice: Pick<PublicityNotice, "opensOn" | "closesOn">,
  today: string,
): boolean => notice.opensOn <= today && today <= notice.closesOn;

/**
 * The `publicity-closed-clear` guard: approval may follow only once the window is over and no
 * objection is pending or upheld ("经公示无异议").
 */
export function publicityClearance(
  notice: Pick<PublicityNotice, "closesOn">,
  objections: readonly Pick<Objection, "status">[],
  today: string,
): { clear: true } | { clear: false; reason: LocalizedText } {
  if (today <= notice.closesOn) {
    return {
      clear: false,
      reason: {
        zh: `公示期至${notice.closesOn}结束，期满后方可批准`,
        en: `Publicity runs until ${notice.closesOn}; approval can follow only after it closes`,
      },
    };
  }
  const open = objections.filter((o) => o.status === "open").length;
  if (open > 0) {
    return {
      clear: false,
      reason: { zh: `尚有${open}项异议未处理`, en: `${open} objection(s) still to be resolved` },
    };
  }
  if (objections.some((o) => o.status === "upheld")) {
    return {
      clear: false,
      reason: {
        zh: "有异议成立，申请须退回评审",
        en: "An objection was upheld: the application goes back to review",
      },
    };
  }
  return { clear: true };
}
