import type { Locale } from "./portal";

const hourMs = 3_600_000;

/** Whole hours between two instants, never negative (clock skew must not show "-1 hours"). */
export const hoursBetween = (since: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - since.getTime()) / hourMs));

/**
 * How long an item has waited: hours while under a day (the queue is worked in hours), whole days beyond.
 * "不到 1 小时" / "5 小时" / "2 天" — "under an hour" / "5 hours" / "2 days".
 */
export const formatWaitedHours = (since: Date, now: Date, locale: Locale): string =>
  formatHours(hoursBetween(since, now), locale);

/** Whole hours as the queue shows them (the server sends `hoursWaiting`). */
export function formatHours(hours: number, locale: Locale): string {
  const whole = Math.max(0, Math.floor(hours));
  const days = Math.floor(whole / 24);
  if (locale === "en") {
    if (whole === 0) return "under an hour";
    if (days === 0) return whole === 1 ? "1 hour" : `${whole} hours`;
    return days === 1 ? "1 day" : `${days} days`;
  }
  if (whole === 0) return "不到 1 小时";
  return days === 0 ? `${whole} 小时` : `${days} 天`;
}
