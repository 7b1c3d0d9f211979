import { appendAudit, type Db, schema } from "@kechuang/db";
import { addDays, REPORT_DUE_SOON_DAYS, reminderMomentOn } from "@kechuang/domain";
import { and, eq, gte, lte, ne } from "drizzle-orm";

/**
 * Reminders of annual reports (issue 10): REMINDER_DAYS_BEFORE days before the due date, on the day, and
 * once overdue — in-app to the platform's applicant accounts (the email outbox copies them where SMTP is
 * set). Idempotent: obligation_reminders holds one row per obligation and moment, claimed in the same
 * transaction as the notifications, so sweeps that overlap (several instances, a restart) send each once.
 */

/** How many days before the due date the first reminder goes out (a local setting, not a clause). */
export const REMINDER_DAYS_BEFORE = REPORT_DUE_SOON_DAYS;
/**
 * Overdue reminders go out only for due dates this recent: a calendar given to an old platform at upgrade
 * (backfill) must not flood it with reminders for years long past.
 */
export const OVERDUE_REMINDER_WINDOW_DAYS = 90;

/**
 * One sweep for `today` (China date); returns how many reminders were sent (one per obligation and moment).
 * `now` stamps the audit rows (the caller's clock).
 */
export async function sendObligationReminders(db: Db, today: string, now?: Date): Promise<number> {
  const o = schema.platformObligations;
  const p = schema.platforms;
  const r = schema.annualReports;
  const candidates = await db
    .select({
      obligationId: o.id,
      platformId: p.id,
      platformName: p.name,
      leadOrgId: p.leadOrgId,
      yearCovered: o.yearCovered,
      dueOn: o.dueOn,
      reportStatus: r.status,
    })
    .from(o)
    .innerJoin(p, eq(p.id, o.platformId))
    .leftJoin(r, and(eq(r.platformId, o.platformId), eq(r.yearCovered, o.yearCovered)))
    .where(
      and(
        eq(o.kind, "annual-report"),
        eq(o.exempt, false),
        ne(p.status, "delisted"),
        lte(o.dueOn, addDays(today, REMINDER_DAYS_BEFORE)),
        gte(o.dueOn, addDays(today, -OVERDUE_REMINDER_WINDOW_DAYS)),
      ),
    );
  let sent = 0;
  for (const c of candidates) {
    // Only what the platform still owes: nothing, a draft, or a report returned to it.
    if (c.reportStatus && c.reportStatus !== "draft" && c.reportStatus !== "returned") continue;
    const moment = reminderMomentOn(c.dueOn!, today);
    if (!moment) continue;
    const delivered = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(schema.obligationReminders)
        .values({ obligationId: c.obligationId, moment })
        .onConflictDoNothing()
        .returning({ id: schema.obligationReminders.id });
      if (claimed.length === 0) return false;
      const { users } = schema;
      const recipients = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(eq(users.role, "applicant"), eq(users.organizationId, c.leadOrgId), eq(users.disabled, false)),
        );
      if (recipients.length > 0) {
        await tx.insert(schema.notifications).values(
          recipients.map((u) => ({
            userId: u.id,
            platformId: c.platformId,
            kind: "report-reminder",
            detail: { platformName: c.platformName, yearCovered: c.yearCovered, dueOn: c.dueOn, moment },
          })),
        );
        // A moment with nobody to tell (no applicant account yet) is marked sent, not audited as a delivery.
        await appendAudit(
          tx,
          {
            actorId: null,
            actorRole: "system",
            action: "annualReport.remind",
            objectType: "platform",
            objectId: c.platformId,
            result: "ok",
            detail: { yearCovered: c.yearCovered, dueOn: c.dueOn, moment, recipients: recipients.length },
          },
          now,
        );
      }
      return true;
    });
    if (delivered) sent++;
  }
  return sent;
}
