import { max } from "drizzle-orm";
import type { Executor } from "../client";
import { platformEvents, platforms } from "../schema";

/** Midnight of a calendar day in China, where approval and revocation dates are decided. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * When the public data last changed, for HTTP `Last-Modified`: the latest approval or revocation day and the
 * latest public event recorded (every approval, revocation, grade … writes one in its own transaction, so a
 * back-dated decision still moves this). Never later than `now` (a date set ahead must not promise the
 * future); null when nothing is public yet. Two aggregates over small tables: cheap enough per request.
 */
export async function publicDataChangedAt(db: Executor, now: Date = new Date()): Promise<Date | null> {
  const [[days], [events]] = await Promise.all([
    db.select({ approvedOn: max(platforms.approvedOn), revokedOn: max(platforms.revokedOn) }).from(platforms),
    db.select({ recordedAt: max(platformEvents.createdAt) }).from(platformEvents),
  ]);
  const candidates = [
    days?.approvedOn ? chinaMidnight(days.approvedOn) : null,
    days?.revokedOn ? chinaMidnight(days.revokedOn) : null,
    events?.recordedAt ? new Date(events.recordedAt) : null,
  ].filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()));
  if (candidates.length === 0) return null;
  const latest = Math.max(...candidates.map((d) => d.getTime()));
  return new Date(Math.min(latest, now.getTime()));
}
