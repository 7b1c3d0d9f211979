import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { applications, notifications, platforms, users } from "../schema";

/** One notification whose email copy has not gone out yet, with what a message needs. */
export interface PendingEmail {
  notificationId: number;
  to: string;
  displayName: string;
  role: string;
  kind: string;
  stage: string | null;
  applicationId: string | null;
  applicationTitle: string | null;
  policyId: string | null;
  /** After approval: the platform the notification is about, and what the portal renders beyond the kind. */
  platformId: string | null;
  platformName: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * Sends up to `limit` pending notification emails, oldest first, one transaction each: the row is locked
 * with SKIP LOCKED (several server instances share the outbox without sending twice), `send` runs, and
 * the row is marked emailed before the commit. A `send` that throws leaves its row pending for the next
 * round and ends this one, so a mail server that is down is retried rather than skipped.
 */
export async function sendPendingEmails(
  db: Db,
  send: (email: PendingEmail) => Promise<void>,
  now: () => Date,
  limit = 50,
): Promise<number> {
  let sent = 0;
  while (sent < limit) {
    const delivered = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          notificationId: notifications.id,
          to: users.email,
          displayName: users.displayName,
          role: users.role,
          kind: notifications.kind,
          stage: notifications.stage,
          applicationId: notifications.applicationId,
          applicationTitle: applications.title,
          policyId: applications.policyId,
          platformId: notifications.platformId,
          platformName: platforms.name,
          detail: notifications.detail,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .leftJoin(applications, eq(applications.id, notifications.applicationId))
        .leftJoin(platforms, eq(platforms.id, notifications.platformId))
        .where(and(isNull(notifications.emailedAt), isNotNull(users.email), eq(users.disabled, false)))
        .orderBy(asc(notifications.id))
        .limit(1)
        .for("update", { of: notifications, skipLocked: true });
      if (!row) return false;
      await send({ ...row, to: row.to! });
      await tx
        .update(notifications)
        .set({ emailedAt: now() })
        .where(eq(notifications.id, row.notificationId));
      return true;
    });
    if (!delivered) break;
    sent += 1;
  }
  return sent;
}
