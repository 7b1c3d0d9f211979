import { type Executor, schema } from "@kechuang/db";
import {
  type AnnualReportStatus,
  isObligationLate,
  isReportYearOpen,
  type LocalizedText,
  type ObligationStatus,
  obligationStatus,
  type SessionUser,
} from "@kechuang/domain";
import { asc, inArray } from "drizzle-orm";
import { recommenderChecksFor } from "./annual-reports";
import { loadPlatformScoped, type PlatformRow, platformModule, platformsInScope } from "./scope";

/**
 * The obligations calendar of a platform, as the platform, its recommender and its authority see it: the
 * stored schedule (never recomputed from the module), each annual report's status against "today" (the
 * server's one clock, China date), and — where the module makes a late report a delisting ground
 * (nm-tic 三(六)3) — that ground, so the authority can act on it.
 */

export interface CalendarReport {
  id: string;
  status: AnnualReportStatus;
  submittedAt: string | null;
  returnReason: string | null;
  version: number;
}

export interface CalendarEntry {
  id: string;
  kind: "annual-report" | "evaluation";
  yearCovered: number | null;
  dueOn: string | null;
  exempt: boolean;
  ruleId: string;
  exemptRuleId: string | null;
  evaluationKind: string | null;
  configurable: boolean;
  /** Annual reports only (evaluations are the evaluation round's to show). */
  status: ObligationStatus | null;
  late: boolean;
  /** The platform may write this report now (the covered year has started and it is not in review). */
  writable: boolean;
  report: CalendarReport | null;
}

export interface PlatformSummary {
  id: string;
  name: string;
  kind: string;
  policyId: string;
  jurisdiction: string;
  approvedOn: string;
  status: string;
  revokedOn: string | null;
  recommenderArea: string | null;
}

export interface PlatformCalendar {
  platform: PlatformSummary;
  today: string;
  reportPolicy: {
    ruleId: string;
    sections: { id: string; title: LocalizedText }[];
    recommenderChecks: boolean;
    indicators: boolean;
  } | null;
  entries: CalendarEntry[];
  /** Set when a report is late and the module names that as a delisting ground (the authority acts on it). */
  lateGround: { id: string; text: LocalizedText; ruleId: string | null; years: number[] } | null;
}

const summaryOf = (p: PlatformRow): PlatformSummary => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  policyId: p.policyId,
  jurisdiction: p.jurisdiction,
  approvedOn: p.approvedOn,
  status: p.status,
  revokedOn: p.revokedOn,
  recommenderArea: p.recommenderArea,
});

/** A draft is the platform's own until it is first submitted: others see that nothing has come in. */
const visibleReport = (
  user: SessionUser,
  r: typeof schema.annualReports.$inferSelect | undefined,
): typeof schema.annualReports.$inferSelect | undefined =>
  r && (user.role === "applicant" || r.status !== "draft") ? r : undefined;

async function entriesOf(
  db: Executor,
  user: SessionUser,
  platformIds: string[],
  today: string,
): Promise<Map<string, CalendarEntry[]>> {
  const byPlatform = new Map<string, CalendarEntry[]>(platformIds.map((id) => [id, []]));
  if (platformIds.length === 0) return byPlatform;
  const o = schema.platformObligations;
  const obligations = await db
    .select()
    .from(o)
    .where(inArray(o.platformId, platformIds))
    .orderBy(asc(o.dueOn), asc(o.kind));
  const reports = await db
    .select()
    .from(schema.annualReports)
    .where(inArray(schema.annualReports.platformId, platformIds));
  for (const ob of obligations) {
    const isReport = ob.kind === "annual-report";
    const stored = isReport
      ? reports.find((r) => r.platformId === ob.platformId && r.yearCovered === ob.yearCovered)
      : undefined;
    const report = visibleReport(user, stored);
    const reportLike = report
      ? { status: report.status, submittedAt: report.submittedAt?.toISOString() ?? null }
      : null;
    // Lateness is a fact about submission, so it counts the stored report even when a draft is hidden.
    const late = isReport
      ? isObligationLate(
          ob,
          stored?.submittedAt ? { submittedAt: stored.submittedAt.toISOString() } : null,
          today,
        )
      : false;
    byPlatform.get(ob.platformId)!.push({
      id: ob.id,
      kind: ob.kind,
      yearCovered: ob.yearCovered,
      dueOn: ob.dueOn,
      exempt: ob.exempt,
      ruleId: ob.ruleId,
      exemptRuleId: ob.exemptRuleId,
      evaluationKind: ob.evaluationKind,
      configurable: ob.configurable,
      status: isReport ? obligationStatus(ob, reportLike, today) : null,
      late,
      writable:
        isReport &&
        !ob.exempt &&
        ob.yearCovered !== null &&
        isReportYearOpen(ob.yearCovered, today) &&
        (!stored || stored.status === "draft" || stored.status === "returned"),
      report: report
        ? {
            id: report.id,
            status: report.status,
            submittedAt: report.submittedAt?.toISOString() ?? null,
            returnReason: report.returnReason,
            version: report.version,
          }
        : null,
    });
  }
  return byPlatform;
}

export async function platformCalendar(
  db: Executor,
  user: SessionUser,
  platformId: string,
  today: string,
): Promise<PlatformCalendar> {
  const platform = await loadPlatformScoped(db, user, platformId);
  const module = platformModule(platform);
  const entries = (await entriesOf(db, user, [platform.id], today)).get(platform.id)!;
  const policy = module.annualReport;
  const lateYears = entries.filter((e) => e.kind === "annual-report" && e.late).map((e) => e.yearCovered!);
  const ground =
    policy?.lateGroundId && lateYears.length > 0
      ? module.evaluation?.delistingGrounds?.find((g) => g.id === policy.lateGroundId)
      : undefined;
  return {
    platform: summaryOf(platform),
    today,
    reportPolicy: policy
      ? {
          ruleId: policy.ruleId,
          sections: policy.sections.map((s) => ({ id: s.id, title: s.title })),
          recommenderChecks: recommenderChecksFor(policy, platform),
          indicators: policy.indicators,
        }
      : null,
    entries,
    lateGround: ground
      ? {
          id: ground.id,
          text: ground.text,
          ruleId: module.evaluation?.delistingRuleId ?? null,
          years: lateYears,
        }
      : null,
  };
}

export interface PlatformListItem extends PlatformSummary {
  /** The earliest annual report still owed (due, upcoming or overdue), if any. */
  nextDue: { yearCovered: number; dueOn: string | null; status: ObligationStatus } | null;
  overdue: number;
  due: number;
  inReview: number;
}

/** The platforms in the caller's scope, each with what its calendar says today. */
export async function platformsOfUser(
  db: Executor,
  user: SessionUser,
  today: string,
): Promise<PlatformListItem[]> {
  const p = schema.platforms;
  const rows = await db.select().from(p).where(platformsInScope(user)).orderBy(asc(p.policyId), asc(p.name));
  const entries = await entriesOf(
    db,
    user,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((row) => {
    const reports = entries.get(row.id)!.filter((e) => e.kind === "annual-report");
    const owed = reports.filter(
      (e) => e.status === "overdue" || e.status === "due" || e.status === "upcoming",
    );
    const next = owed[0];
    return {
      ...summaryOf(row),
      nextDue: next ? { yearCovered: next.yearCovered!, dueOn: next.dueOn, status: next.status! } : null,
      overdue: reports.filter((e) => e.status === "overdue").length,
      due: reports.filter((e) => e.status === "due").length,
      inReview: reports.filter((e) => e.status === "in-review").length,
    };
  });
}

export interface ReportQueueItem {
  platformId: string;
  platformName: string;
  policyId: string;
  yearCovered: number;
  dueOn: string | null;
  /** "to-check" / "to-decide": waiting for the caller; "overdue": not submitted by its due date. */
  reason: "to-check" | "to-decide" | "overdue";
  reportStatus: AnnualReportStatus | null;
  submittedAt: string | null;
  late: boolean;
}

/**
 * 待审核年度报告: what waits for a recommender (submitted, where its module has the recommender check) or
 * an authority (submitted, or checked where the recommender checks first), and every overdue report of
 * the platforms in the caller's scope.
 */
export async function reportQueue(
  db: Executor,
  user: SessionUser,
  today: string,
): Promise<ReportQueueItem[]> {
  const p = schema.platforms;
  const rows = await db.select().from(p).where(platformsInScope(user)).orderBy(asc(p.name));
  const entries = await entriesOf(
    db,
    user,
    rows.map((r) => r.id),
    today,
  );
  const items: ReportQueueItem[] = [];
  for (const platform of rows) {
    const checks = recommenderChecksFor(platformModule(platform).annualReport, platform);
    for (const e of entries.get(platform.id)!) {
      if (e.kind !== "annual-report") continue;
      const status = e.report?.status ?? null;
      const waiting =
        user.role === "recommender"
          ? checks && status === "submitted"
            ? "to-check"
            : null
          : user.role === "authority" && status === (checks ? "recommender-checked" : "submitted")
            ? "to-decide"
            : null;
      const reason = waiting ?? (e.status === "overdue" ? "overdue" : null);
      if (!reason) continue;
      items.push({
        platformId: platform.id,
        platformName: platform.name,
        policyId: platform.policyId,
        yearCovered: e.yearCovered!,
        dueOn: e.dueOn,
        reason,
        reportStatus: status,
        submittedAt: e.report?.submittedAt ?? null,
        late: e.late,
      });
    }
  }
  return items.sort((a, b) => (a.dueOn ?? "").localeCompare(b.dueOn ?? ""));
}
