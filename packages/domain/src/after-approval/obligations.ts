import { addDays } from "../calendar/working-days";
import { type AnnualReportStatus, isAnnualReportLate } from "../entities/annual-report";

/**
 * Where an annual-report obligation stands on a given day, for the calendar every party sees. Pure: "today"
 * is the caller's (the server's one clock, China date), so tests can set it.
 */

/** Days before the due date from which a report shows as "due" (and the early reminder goes out). */
export const REPORT_DUE_SOON_DAYS = 30;

export type ObligationStatus =
  /** The module excuses this year (nm-tic 三(六)1: approved after June). */
  | "exempt"
  /** The covered year has not started, or the due date is more than REPORT_DUE_SOON_DAYS away. */
  | "upcoming"
  /** Within REPORT_DUE_SOON_DAYS of the due date, up to and including the due date itself. */
  | "due"
  /** Not submitted and the due date has passed (the day after the due date onwards). */
  | "overdue"
  /** Submitted (or checked by the recommender), waiting for a decision. */
  | "in-review"
  | "accepted";

export interface ObligationLike {
  dueOn: string | null;
  exempt: boolean;
}
export interface ReportLike {
  status: AnnualReportStatus;
  /** ISO timestamp of the latest submission, or null. */
  submittedAt: string | null;
}

export function obligationStatus(
  obligation: ObligationLike,
  report: ReportLike | null,
  today: string,
): ObligationStatus {
  if (obligation.exempt) return "exempt";
  if (report?.status === "accepted") return "accepted";
  if (report && (report.status === "submitted" || report.status === "recommender-checked"))
    return "in-review";
  // No report, a draft, or one returned for revision: the platform still owes it.
  if (obligation.dueOn === null) return "upcoming";
  if (today > obligation.dueOn) return "overdue";
  if (today >= addDays(obligation.dueOn, -REPORT_DUE_SOON_DAYS)) return "due";
  return "upcoming";
}

/**
 * Late = not submitted by the due date (a returned report that was first submitted in time is not late).
 * A report that was never submitted is late the day after its due date, not on it.
 */
export function isObligationLate(
  obligation: ObligationLike,
  report: Pick<ReportLike, "submittedAt"> | null,
  today: string,
): boolean {
  if (obligation.exempt) return false;
  return isAnnualReportLate({ dueOn: obligation.dueOn, submittedAt: report?.submittedAt ?? null }, today);
}

/**
 * A report may be written once the year it covers has started (a zone reports on the current year by
 * 31 December; a center on the past year by spring), never for a year still ahead.
 */
export const isReportYearOpen = (yearCovered: number, today: string): boolean =>
  today >= `${yearCovered}-01-01`;

/** Reminder moments of an open obligation on `today`, in the order they fall. */
export type ReminderMoment = "before" | "on-day" | "overdue";

/**
 * Which reminder is owed today, if any: "before" from REPORT_DUE_SOON_DAYS ahead until the day before,
 * "on-day" on the due date, "overdue" after it. The sweep sends each at most once per obligation, so a
 * sweep that missed a day still sends the moment it is in.
 */
export function reminderMomentOn(dueOn: string, today: string): ReminderMoment | null {
  if (today > dueOn) return "overdue";
  if (today === dueOn) return "on-day";
  if (today >= addDays(dueOn, -REPORT_DUE_SOON_DAYS)) return "before";
  return null;
}
