import { appendAudit, type Database, schema, type Tx } from "@kechuang/db";
import {
  type AnnualReportContent,
  type AnnualReportPolicy,
  annualReportContentSchema,
  isReportYearOpen,
  type PolicyModule,
  reasonSchema,
  type SessionUser,
  uuidSchema,
} from "@kechuang/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { appError } from "../errors";
import { markOutOfScope } from "../refusal-audit";
import { workflowMessages } from "../workflow/messages";
import { chinaToday } from "../workflow/records";
import { recordPlatformEvent } from "./events";
import { notifyPlatform } from "./platform-notify";
import { reportMessages as m } from "./report-messages";
import { loadPlatformScoped, type PlatformRow, platformModule } from "./scope";

/**
 * Annual reports (nm-tic 三(六)1, hn-tic 五(四), sc-tic, sc-zone): the platform's own organization writes and
 * submits; where the module says so the recommender checks it first; the authority accepts or returns it.
 * Every write runs in one transaction with its audit row and the notifications of whoever acts next.
 * Scope first (NOT_FOUND for a platform the caller may not see), then the module's rules.
 */

export type ReportRow = typeof schema.annualReports.$inferSelect;

export interface Actor {
  user: SessionUser;
  ip: string | null;
  now: Date;
}

const year = z.number().int().min(2000).max(2100);
export const reportKeySchema = z.strictObject({ platformId: uuidSchema, yearCovered: year });
export const saveReportInputSchema = reportKeySchema.extend({
  content: annualReportContentSchema,
  /** The version the editor loaded; omitted only when the report does not exist yet. */
  expectedVersion: z.number().int().nonnegative().optional(),
});
export const submitReportInputSchema = reportKeySchema.extend({
  expectedVersion: z.number().int().positive(),
});
export const checkReportInputSchema = submitReportInputSchema.extend({
  outcome: z.enum(["checked", "returned"]),
  reason: reasonSchema.optional(),
});
export const decideReportInputSchema = submitReportInputSchema.extend({
  outcome: z.enum(["accepted", "returned"]),
  reason: reasonSchema.optional(),
});

interface Loaded {
  platform: PlatformRow;
  module: PolicyModule;
  policy: AnnualReportPolicy;
  obligation: typeof schema.platformObligations.$inferSelect;
  report: ReportRow | undefined;
}

/** The platform (locked for writes), its module's report policy, the year's obligation and its report. */
async function loadReport(
  tx: Tx | Database["db"],
  user: SessionUser,
  key: { platformId: string; yearCovered: number },
  forUpdate: boolean,
): Promise<Loaded> {
  const platform = await loadPlatformScoped(tx, user, key.platformId, { forUpdate });
  const module = platformModule(platform);
  const policy = module.annualReport;
  if (!policy) throw appError("PRECONDITION_FAILED", m.noAnnualReports);
  const o = schema.platformObligations;
  const [obligation] = await tx
    .select()
    .from(o)
    .where(
      and(
        eq(o.platformId, platform.id),
        eq(o.kind, "annual-report"),
        eq(o.yearCovered, key.yearCovered),
        eq(o.exempt, false),
      ),
    );
  if (!obligation) throw appError("PRECONDITION_FAILED", m.noReportDue);
  const r = schema.annualReports;
  const query = tx
    .select()
    .from(r)
    .where(and(eq(r.platformId, platform.id), eq(r.yearCovered, key.yearCovered)));
  const [report] = forUpdate ? await query.for("update") : await query;
  return { platform, module, policy, obligation, report };
}

export interface ReportView {
  platformId: string;
  platformName: string;
  yearCovered: number;
  dueOn: string | null;
  policy: {
    ruleId: string;
    sections: AnnualReportPolicy["sections"];
    recommenderChecks: boolean;
    indicators: boolean;
  };
  report: {
    id: string;
    status: ReportRow["status"];
    content: AnnualReportContent;
    submittedAt: Date | null;
    checkedAt: Date | null;
    decidedAt: Date | null;
    returnReason: string | null;
    version: number;
    updatedAt: Date;
  } | null;
}

/** Reads a year's report; creates nothing. A draft stays the platform's own until first submitted. */
export async function getReport(
  db: Database["db"],
  user: SessionUser,
  key: z.infer<typeof reportKeySchema>,
): Promise<ReportView> {
  const { platform, policy, obligation, report } = await loadReport(db, user, key, false);
  const visible = report && (user.role === "applicant" || report.status !== "draft") ? report : undefined;
  return {
    platformId: platform.id,
    platformName: platform.name,
    yearCovered: key.yearCovered,
    dueOn: obligation.dueOn,
    policy: {
      ruleId: policy.ruleId,
      sections: policy.sections,
      recommenderChecks: recommenderChecksFor(policy, platform),
      indicators: policy.indicators,
    },
    report: visible
      ? {
          id: visible.id,
          status: visible.status,
          content: annualReportContentSchema.parse(visible.content),
          submittedAt: visible.submittedAt,
          checkedAt: visible.checkedAt,
          decidedAt: visible.decidedAt,
          returnReason: visible.returnReason,
          version: visible.version,
          updatedAt: visible.updatedAt,
        }
      : null,
  };
}

const REPORT_READERS = new Set<SessionUser["role"]>(["applicant", "recommender", "authority"]);

/**
 * An annual report as the holder of attachments, by the rule of getReport: NOT_FOUND unless its platform is
 * in scope and, while a draft, only to the platform's own applicant. `forEdit` locks it and also requires it
 * to be a draft or returned (a submitted report's files are what the reviewers read).
 */
export async function loadReportForAttachments(
  tx: Tx | Database["db"],
  user: SessionUser,
  reportId: string,
  forEdit: boolean,
): Promise<ReportRow> {
  const r = schema.annualReports;
  const [key] = await tx
    .select({ platformId: r.platformId, yearCovered: r.yearCovered })
    .from(r)
    .where(eq(r.id, reportId));
  const notFound = () =>
    markOutOfScope(appError("NOT_FOUND", workflowMessages.notFound), "annual-report", reportId);
  // annualReports.get is for these roles only: an expert reads a platform through its evaluation instead.
  if (!key || !REPORT_READERS.has(user.role)) throw notFound();
  const { report } = await loadReport(tx, user, key, forEdit);
  if (!report || (user.role !== "applicant" && report.status === "draft")) throw notFound();
  if (forEdit && !editable(report)) throw appError("PRECONDITION_FAILED", m.notEditable);
  return report;
}

/** Section ids must be the module's; indicators only where the module asks for them. */
function checkContent(policy: AnnualReportPolicy, content: AnnualReportContent): void {
  const allowed = policy.sections.map((s) => s.id);
  const unknown = Object.keys(content.sections).filter((id) => !allowed.includes(id));
  if (unknown.length > 0)
    throw appError("BAD_REQUEST", m.unknownSections(unknown.join("、"), allowed.join("、")));
  if (content.indicators !== undefined && !policy.indicators) throw appError("BAD_REQUEST", m.noIndicators);
}

/**
 * The recommender checks first where the module says so and the platform came through a recommending body;
 * a platform recorded without one (loaded from elsewhere) goes straight to the authority rather than wait
 * for a check nobody can make.
 */
export const recommenderChecksFor = (
  policy: AnnualReportPolicy | undefined,
  platform: Pick<PlatformRow, "recommenderArea">,
): boolean => (policy?.recommenderChecks ?? false) && platform.recommenderArea !== null;

const editable = (report: ReportRow | undefined) =>
  !report || report.status === "draft" || report.status === "returned";

async function audit(
  tx: Tx,
  a: Actor,
  action: string,
  report: { id: string },
  ruleId: string,
  detail: Record<string, unknown>,
) {
  await appendAudit(
    tx,
    {
      actorId: a.user.id,
      actorRole: a.user.role,
      action: `annualReport.${action}`,
      objectType: "annual-report",
      objectId: report.id,
      result: "ok",
      sourceIp: a.ip,
      ruleId,
      detail,
    },
    a.now,
  );
}

export interface ReportWrite {
  id: string;
  status: ReportRow["status"];
  version: number;
}

const writtenColumns = {
  id: schema.annualReports.id,
  status: schema.annualReports.status,
  version: schema.annualReports.version,
};

/** Every change to a report bumps its version (optimistic concurrency, as for applications) and its updatedAt. */
async function updateReport(
  tx: Tx,
  report: Pick<ReportRow, "id" | "version">,
  now: Date,
  changes: Partial<typeof schema.annualReports.$inferInsert>,
): Promise<ReportWrite> {
  const [saved] = await tx
    .update(schema.annualReports)
    .set({ ...changes, version: report.version + 1, updatedAt: now })
    .where(eq(schema.annualReports.id, report.id))
    .returning(writtenColumns);
  return saved!;
}

/**
 * Saves the platform's draft (creating it on first save). Allowed once the year covered has started
 * (isReportYearOpen): a zone reports on the current year, a center on the past one; never a future year.
 */
export async function saveReportDraft(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof saveReportInputSchema>,
): Promise<ReportWrite> {
  return db.transaction(async (tx) => {
    const { platform, policy, obligation, report } = await loadReport(tx, a.user, input, true);
    if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.revoked);
    if (!isReportYearOpen(input.yearCovered, chinaToday(a.now)))
      throw appError("PRECONDITION_FAILED", m.yearNotStarted(input.yearCovered));
    if (report && report.version !== input.expectedVersion) throw appError("CONFLICT", m.stale);
    if (!editable(report)) throw appError("PRECONDITION_FAILED", m.notEditable);
    checkContent(policy, input.content);
    const content = input.content as Record<string, unknown>;
    let saved: ReportWrite;
    if (report) {
      saved = await updateReport(tx, report, a.now, { content });
    } else {
      [saved] = (await tx
        .insert(schema.annualReports)
        .values({
          platformId: platform.id,
          yearCovered: input.yearCovered,
          dueOn: obligation.dueOn,
          status: "draft",
          content,
          createdAt: a.now,
          updatedAt: a.now,
        })
        .returning(writtenColumns)) as [ReportWrite];
    }
    await audit(tx, a, "saveDraft", saved, policy.ruleId, {
      platformId: platform.id,
      yearCovered: input.yearCovered,
      version: saved.version,
    });
    return saved;
  });
}

async function recommendersOf(tx: Tx, platform: PlatformRow): Promise<string[]> {
  if (!platform.recommenderArea) return [];
  const { users } = schema;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, "recommender"),
        eq(users.areaCode, platform.recommenderArea),
        eq(users.disabled, false),
      ),
    );
  return rows.map((r) => r.id);
}

/** Whoever must act next on a submitted or checked report is told so, in the same transaction. */
async function notifyReviewers(
  tx: Tx,
  platform: PlatformRow,
  to: "recommender" | "authority",
  yearCovered: number,
  now: Date,
): Promise<void> {
  if (to === "authority") {
    await notifyPlatform(tx, platform, "authority", "report-action-needed", now, { yearCovered });
    return;
  }
  const ids = await recommendersOf(tx, platform);
  if (ids.length === 0) return;
  await tx.insert(schema.notifications).values(
    ids.map((userId) => ({
      userId,
      platformId: platform.id,
      kind: "report-action-needed",
      detail: { platformName: platform.name, yearCovered },
      createdAt: now,
    })),
  );
}

export async function submitReport(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof submitReportInputSchema>,
): Promise<ReportWrite> {
  return db.transaction(async (tx) => {
    const { platform, policy, report } = await loadReport(tx, a.user, input, true);
    if (!report) throw appError("PRECONDITION_FAILED", m.noReport);
    if (report.version !== input.expectedVersion) throw appError("CONFLICT", m.stale);
    if (!editable(report)) throw appError("PRECONDITION_FAILED", m.notEditable);
    if (platform.status === "delisted") throw appError("PRECONDITION_FAILED", m.revoked);
    const content = annualReportContentSchema.parse(report.content);
    const empty = policy.sections.filter((s) => !content.sections[s.id]?.trim());
    if (empty.length > 0)
      throw appError("PRECONDITION_FAILED", {
        zh: m.sectionsMissing(empty.map((s) => s.title.zh).join("、")).zh,
        en: m.sectionsMissing(empty.map((s) => s.title.en).join(", ")).en,
      });
    // submittedAt keeps the first submission: a report filed in time and returned for revision is not late.
    const saved = await updateReport(tx, report, a.now, {
      status: "submitted",
      submittedAt: report.submittedAt ?? a.now,
    });
    // Public trace: that it was filed (once, on first submission), never what it says.
    if (!report.submittedAt)
      await recordPlatformEvent(tx, {
        platformId: platform.id,
        kind: "report-filed",
        occurredOn: chinaToday(a.now),
        detail: { yearCovered: input.yearCovered },
        ruleId: policy.ruleId,
      });
    await notifyReviewers(
      tx,
      platform,
      recommenderChecksFor(policy, platform) ? "recommender" : "authority",
      input.yearCovered,
      a.now,
    );
    await audit(tx, a, "submit", saved, policy.ruleId, {
      platformId: platform.id,
      yearCovered: input.yearCovered,
      resubmission: report.status === "returned",
    });
    return saved;
  });
}

async function returnReport(
  tx: Tx,
  a: Actor,
  loaded: Loaded & { report: ReportRow },
  reason: string | undefined,
  by: "checked" | "decided",
): Promise<ReportWrite> {
  if (!reason) throw appError("BAD_REQUEST", m.reasonRequired);
  const { platform, report } = loaded;
  const stamp =
    by === "checked"
      ? { checkedAt: a.now, checkedBy: a.user.id }
      : { decidedAt: a.now, decidedBy: a.user.id };
  const saved = await updateReport(tx, report, a.now, {
    status: "returned",
    returnReason: reason,
    ...stamp,
  });
  await notifyPlatform(tx, platform, "platform", "report-returned", a.now, {
    yearCovered: report.yearCovered,
    reason,
  });
  return saved;
}

/** The recommender's check (nm-tic 三(六)1 "经推荐部门审核后报科技厅"): passes it on, or returns it. */
export async function checkReport(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof checkReportInputSchema>,
): Promise<ReportWrite> {
  return db.transaction(async (tx) => {
    const loaded = await loadReport(tx, a.user, input, true);
    const { platform, policy, report } = loaded;
    if (!report || report.status === "draft") throw appError("PRECONDITION_FAILED", m.noReport);
    if (report.version !== input.expectedVersion) throw appError("CONFLICT", m.stale);
    if (!recommenderChecksFor(policy, platform)) throw appError("PRECONDITION_FAILED", m.noRecommenderCheck);
    if (report.status !== "submitted") throw appError("PRECONDITION_FAILED", m.notSubmitted);
    let saved: ReportWrite;
    if (input.outcome === "returned") {
      saved = await returnReport(tx, a, { ...loaded, report }, input.reason, "checked");
    } else {
      saved = await updateReport(tx, report, a.now, {
        status: "recommender-checked",
        checkedAt: a.now,
        checkedBy: a.user.id,
      });
      await notifyReviewers(tx, platform, "authority", report.yearCovered, a.now);
    }
    await audit(tx, a, "check", saved, policy.ruleId, {
      platformId: platform.id,
      yearCovered: report.yearCovered,
      outcome: input.outcome,
      reason: input.reason,
    });
    return saved;
  });
}

/** The authority accepts the report (after the recommender's check where the module has one) or returns it. */
export async function decideReport(
  db: Database["db"],
  a: Actor,
  input: z.infer<typeof decideReportInputSchema>,
): Promise<ReportWrite> {
  return db.transaction(async (tx) => {
    const loaded = await loadReport(tx, a.user, input, true);
    const { platform, policy, report } = loaded;
    if (!report || report.status === "draft") throw appError("PRECONDITION_FAILED", m.noReport);
    if (report.version !== input.expectedVersion) throw appError("CONFLICT", m.stale);
    const awaiting = recommenderChecksFor(policy, platform) ? "recommender-checked" : "submitted";
    if (report.status !== awaiting) throw appError("PRECONDITION_FAILED", m.notAwaitingDecision);
    let saved: ReportWrite;
    if (input.outcome === "returned") {
      saved = await returnReport(tx, a, { ...loaded, report }, input.reason, "decided");
    } else {
      saved = await updateReport(tx, report, a.now, {
        status: "accepted",
        decidedAt: a.now,
        decidedBy: a.user.id,
        returnReason: null,
      });
      await recordPlatformEvent(tx, {
        platformId: platform.id,
        kind: "report-accepted",
        occurredOn: chinaToday(a.now),
        detail: { yearCovered: report.yearCovered },
        ruleId: policy.ruleId,
      });
      await notifyPlatform(tx, platform, "platform", "report-accepted", a.now, {
        yearCovered: report.yearCovered,
      });
    }
    await audit(tx, a, "decide", saved, policy.ruleId, {
      platformId: platform.id,
      yearCovered: report.yearCovered,
      outcome: input.outcome,
      reason: input.reason,
    });
    return saved;
  });
}
