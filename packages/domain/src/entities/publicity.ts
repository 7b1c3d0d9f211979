import { z } from "zod";
import { HolidayCalendarGap, nthWorkingDay, workingDaysBetween } from "../calendar/working-days";
import { type IsoDate, isoDateSchema, type LocalizedText, uuidSchema } from "../common";
import { type PolicySetting, policyIdSchema } from "../policy/contract";
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
 * The authority sets the window; it opens no earlier than the day it is published and lasts at least the
 * module's minimum in working days, counted on the national calendar of days off and 调休 make-up days.
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

/** The cross-cutting rule (POLICIES.md): approval only after a publicity period without objection. */
export const PUBLICITY_RULE_ID = "common.publicity";
/** POLICIES.md: "default 5 working days; the sources give none". */
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

/** The module's minimum publicity period in working days: its numeric setting for common.publicity. */
export function publicityMinimumWorkingDays(settings: readonly PolicySetting[]): number {
  const setting = settings.find((s) => s.relatesTo === PUBLICITY_RULE_ID && typeof s.value === "number");
  return setting ? (setting.value as number) : DEFAULT_PUBLICITY_WORKING_DAYS;
}

/** The shortest valid window published on `today`: today through the minimum's last working day. */
export const defaultPublicityWindow = (
  today: IsoDate,
  minimumWorkingDays: number,
): { opensOn: IsoDate; closesOn: IsoDate } => ({
  opensOn: today,
  closesOn: nthWorkingDay(today, minimumWorkingDays),
});

/**
 * Why a notice's window is not acceptable when published on `today` (China), or null. `clause` names the
 * rule applied, e.g. "common.publicity, hn-tic-2020 五(三)".
 */
export function publicityWindowProblem(
  window: { opensOn: IsoDate; closesOn: IsoDate },
  today: IsoDate,
  minimumWorkingDays: number,
  clause: string,
): LocalizedText | null {
  const { opensOn, closesOn } = window;
  if (opensOn < today) {
    return {
      zh: `公示开始日${opensOn}早于发布当日${today}：公示须自发布之日起计算（${clause}）`,
      en: `The notice cannot open on ${opensOn}, before the day it is published (${today}) (${clause})`,
    };
  }
  try {
    const days = workingDaysBetween(opensOn, closesOn);
    if (days >= minimumWorkingDays) return null;
    const earliest = nthWorkingDay(opensOn, minimumWorkingDays);
    return {
      zh: `公示期不得少于${minimumWorkingDays}个工作日：${opensOn}至${closesOn}仅含${days}个工作日，截止日最早为${earliest}（${clause}）`,
      en: `Publicity must last at least ${minimumWorkingDays} working days: ${opensOn} to ${closesOn} has ${days}; it can close on ${earliest} at the earliest (${clause})`,
    };
  } catch (error) {
    if (!(error instanceof HolidayCalendarGap)) throw error;
    return {
      zh: `节假日日历尚无${error.year}年的安排，无法计算工作日，请联系系统管理员更新节假日日历（${clause}）`,
      en: `The holiday calendar has no data for ${error.year}, so working days cannot be counted; the calendar must be updated (${clause})`,
    };
  }
}
