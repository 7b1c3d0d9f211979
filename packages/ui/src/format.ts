import type { LocalizedText } from "@kechuang/domain";
import type { Locale } from "./portal";

const dayMs = 86_400_000;

/** Pick the text for the current locale from a `{ zh, en }` pair. */
export const localized = (text: LocalizedText, locale: Locale): string =>
  locale === "en" ? text.en : text.zh;

/** A calendar date (ISO string or Date) the way each locale writes it: 2026年11月22日 / Nov 22, 2026. */
export function formatDate(value: string | Date, locale: Locale): string {
  const date = typeof value === "string" ? parseDate(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: locale === "en" ? "short" : "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(date);
}

/** Date-only strings are calendar days in China; pin them to noon Beijing time so no zone shifts the day. */
function parseDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
}

/** Whole days between two instants, never negative (clock skew must not show "-1 days"). */
export function daysBetween(since: string | Date, now: Date): number {
  const start = typeof since === "string" ? parseDate(since) : since;
  return Math.max(0, Math.floor((now.getTime() - start.getTime()) / dayMs));
}

/** How long something has waited: "今天" / "3 天" — "today" / "1 day" / "3 days". */
export function formatWaited(since: string | Date, now: Date, locale: Locale): string {
  const days = daysBetween(since, now);
  if (locale === "en") {
    if (days === 0) return "today";
    return days === 1 ? "1 day" : `${days} days`;
  }
  return days === 0 ? "今天" : `${days} 天`;
}

/** Counts with the locale's digit grouping (12,345). */
export const formatCount = (value: number, locale: Locale): string =>
  new Intl.NumberFormat(locale).format(value);
