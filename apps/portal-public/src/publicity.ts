import type { TagTone } from "./readableTag";

const dayMs = 86_400_000;

/** Today's calendar date in China (publicity windows are Beijing dates), as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

/**
 * Whole days left to object, counting today: a notice closing today has 1 day left (the closing day is
 * inclusive), tomorrow 2. Never negative: a closed notice shows 0.
 */
export function daysLeft(closesOn: string, today: string): number {
  const difference = (Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs;
  return Number.isFinite(difference) ? Math.max(0, Math.round(difference) + 1) : 0;
}

/** Mainland mobile, landline (区号-号码) or e-mail: a contact the authority can actually use. */
const mobile = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const landline = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isReachableContact(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.length > 200) return false;
  const compact = trimmed.replace(/[\s()（）]/g, "");
  return mobile.test(compact) || landline.test(compact) || email.test(trimmed);
}

/** The objection text limits, as the server's schema states them (fileObjectionInputSchema). */
export const groundsLength = { min: 10, max: 5_000 } as const;
export const nameLength = { min: 1, max: 100 } as const;

/* ---------- past notices ---------- */

/** Past notices per page: the server caps a page at 50. */
export const pastPageSize = 10;

/** The highest page publicity.listPast accepts. */
const lastPage = 10_000;

/** The `page` search parameter as a page number; anything but a whole number the server accepts is page 1. */
export function pageFromParam(raw: string | null): number {
  if (raw === null || !/^\d{1,5}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= lastPage ? page : 1;
}

export type NoticeOutcome = "approved" | "rejected" | "withdrawn" | "pending";

/** Tag tones: a decision either way is final; "pending" is still before the authority. */
export const outcomeTone: Record<NoticeOutcome, TagTone> = {
  approved: "green",
  rejected: "red",
  withdrawn: "grey",
  pending: "blue",
};
