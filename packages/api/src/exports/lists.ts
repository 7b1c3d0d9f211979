import { type Executor, schema } from "@kechuang/db";
import type { LocalizedText, SessionUser } from "@kechuang/domain";
import { registry } from "@kechuang/policies";
import { and, asc, eq, gte, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { platformsInScope } from "../after-approval/scope";
import type { ExportColumn } from "./format";

/**
 * The authority's after-approval lists (issue 10), as rows for export. Each takes the filters the screen
 * shows and is scoped to the authority's jurisdiction (platformsInScope): another province's platforms never
 * appear, whatever policyId the filter names.
 */

const policyFilter = z.string().max(40).optional();
const yearFilter = z.coerce.number().int().min(1990).max(2200).optional();

export const annualReportFilterSchema = z.object({
  policyId: policyFilter,
  yearCovered: yearFilter,
  status: z.enum(["due", "overdue", "submitted", "accepted", "all"]).default("all"),
});
export const evaluationFilterSchema = z.object({ policyId: policyFilter, year: yearFilter });
export const rectificationFilterSchema = z.object({
  policyId: policyFilter,
  status: z.enum(["open", "response-submitted", "accepted", "failed", "all"]).default("all"),
});

const inPolicy = (policyId: string | undefined): SQL[] =>
  policyId ? [eq(schema.platforms.policyId, policyId)] : [];

/* ---------- (1) annual reports due and overdue ---------- */

export type ReportState = "not-yet-due" | "due" | "overdue" | "submitted" | "accepted";

/**
 * Where an annual report stands on `today`: accepted; submitted (waiting for the recommender or the authority);
 * else, not sent in (no report, a draft, or returned), overdue once its due date has passed, due from the
 * start of the year it covers, not yet due before that. A report sent in late is no longer overdue.
 */
export function reportState(
  obligation: { yearCovered: number | null; dueOn: string | null },
  reportStatus: string | null,
  today: string,
): ReportState {
  if (reportStatus === "accepted") return "accepted";
  if (reportStatus === "submitted" || reportStatus === "recommender-checked") return "submitted";
  if (obligation.dueOn !== null && obligation.dueOn < today) return "overdue";
  const year = Number(today.slice(0, 4));
  return obligation.yearCovered !== null && obligation.yearCovered > year ? "not-yet-due" : "due";
}

export interface AnnualReportExportRow {
  platform: string;
  policyId: string;
  yearCovered: number | null;
  dueOn: string | null;
  reportStatus: string | null;
  submittedAt: Date | null;
  state: ReportState;
}

export async function annualReportRows(
  db: Executor,
  user: SessionUser,
  filter: z.infer<typeof annualReportFilterSchema>,
  today: string,
): Promise<AnnualReportExportRow[]> {
  const { platformObligations: o, platforms: p, annualReports: r } = schema;
  const rows = await db
    .select({
      platform: p.name,
      policyId: p.policyId,
      yearCovered: o.yearCovered,
      dueOn: o.dueOn,
      reportStatus: r.status,
      submittedAt: r.submittedAt,
    })
    .from(o)
    .innerJoin(p, eq(p.id, o.platformId))
    .leftJoin(r, and(eq(r.platformId, o.platformId), eq(r.yearCovered, o.yearCovered)))
    .where(
      and(
        eq(o.kind, "annual-report"),
        eq(o.exempt, false),
        platformsInScope(user),
        ...inPolicy(filter.policyId),
        ...(filter.yearCovered !== undefined ? [eq(o.yearCovered, filter.yearCovered)] : []),
      ),
    )
    .orderBy(asc(o.dueOn), asc(p.name), asc(o.yearCovered));
  return rows
    .map((row) => ({ ...row, state: reportState(row, row.reportStatus, today) }))
    .filter((row) => (filter.status === "all" ? row.state !== "not-yet-due" : row.state === filter.status));
}

const stateLabel: Record<ReportState, LocalizedText> = {
  "not-yet-due": { zh: "未到期", en: "Not yet due" },
  due: { zh: "待提交", en: "Due" },
  overdue: { zh: "逾期未交", en: "Overdue" },
  submitted: { zh: "已提交待审", en: "Submitted" },
  accepted: { zh: "已通过", en: "Accepted" },
};
const reportStatusLabel: Record<string, LocalizedText> = {
  draft: { zh: "草稿", en: "Draft" },
  submitted: { zh: "已提交", en: "Submitted" },
  "recommender-checked": { zh: "推荐部门已审核", en: "Checked by the recommender" },
  returned: { zh: "已退回", en: "Returned" },
  accepted: { zh: "已通过", en: "Accepted" },
};
const none: LocalizedText = { zh: "未填报", en: "Not started" };
const yes: LocalizedText = { zh: "是", en: "Yes" };
const no: LocalizedText = { zh: "否", en: "No" };

/** Columns read the locale through `pick`, bound per export. */
type Pick = (text: LocalizedText) => string;
const policyTitle = (policyId: string) => registry.get(policyId)?.source.title ?? policyId;

export const annualReportColumns = (pick: Pick): ExportColumn<AnnualReportExportRow>[] => [
  { header: { zh: "平台", en: "Platform" }, value: (r) => r.platform, width: 36 },
  { header: { zh: "依据政策", en: "Policy" }, value: (r) => policyTitle(r.policyId), width: 36 },
  { header: { zh: "报告年度", en: "Year covered" }, value: (r) => r.yearCovered, width: 10 },
  { header: { zh: "截止日期", en: "Due on" }, value: (r) => r.dueOn, width: 12 },
  {
    header: { zh: "报告状态", en: "Report status" },
    value: (r) => pick(r.reportStatus ? (reportStatusLabel[r.reportStatus] ?? none) : none),
  },
  {
    header: { zh: "提交时间", en: "Submitted at" },
    value: (r) => r.submittedAt?.toISOString() ?? null,
    width: 22,
  },
  { header: { zh: "办理情况", en: "State" }, value: (r) => pick(stateLabel[r.state]) },
  {
    header: { zh: "是否逾期", en: "Overdue" },
    value: (r) => pick(r.state === "overdue" ? yes : no),
    width: 8,
  },
];

/* ---------- (2) evaluation results ---------- */

export interface EvaluationExportRow {
  platform: string;
  policyId: string;
  kind: string;
  periodFrom: string;
  periodTo: string;
  evaluator: string;
  evaluatorName: string | null;
  gradeId: string | null;
  conductedOn: string | null;
}

export async function evaluationRows(
  db: Executor,
  user: SessionUser,
  filter: z.infer<typeof evaluationFilterSchema>,
): Promise<EvaluationExportRow[]> {
  const { evaluations: e, platforms: p } = schema;
  return db
    .select({
      platform: p.name,
      policyId: p.policyId,
      kind: e.kind,
      periodFrom: e.periodFrom,
      periodTo: e.periodTo,
      evaluator: e.evaluator,
      evaluatorName: e.evaluatorName,
      gradeId: e.gradeId,
      conductedOn: e.conductedOn,
    })
    .from(e)
    .innerJoin(p, eq(p.id, e.platformId))
    .where(
      and(
        eq(e.status, "graded"),
        platformsInScope(user),
        ...inPolicy(filter.policyId),
        ...(filter.year !== undefined
          ? [gte(e.conductedOn, `${filter.year}-01-01`), lte(e.conductedOn, `${filter.year}-12-31`)]
          : []),
      ),
    )
    .orderBy(asc(e.conductedOn), asc(p.name));
}

const evaluationKindLabel: Record<string, LocalizedText> = {
  "annual-assessment": { zh: "年度考核", en: "Annual assessment" },
  periodic: { zh: "定期评估", en: "Periodic evaluation" },
  summary: { zh: "期满总结评估", en: "End-of-period evaluation" },
  "re-evaluation": { zh: "整改后复评", en: "Re-evaluation" },
};
const evaluatorLabel: Record<string, LocalizedText> = {
  experts: { zh: "专家组", en: "Expert panel" },
  authority: { zh: "主管部门", en: "The authority" },
  "third-party": { zh: "第三方机构", en: "Third party" },
};

/** Experts are never named: only a third-party body's name is public enough to list. */
function evaluatorText(row: EvaluationExportRow, pick: Pick): string {
  const label = pick(evaluatorLabel[row.evaluator] ?? { zh: row.evaluator, en: row.evaluator });
  return row.evaluator === "third-party" && row.evaluatorName ? `${label}：${row.evaluatorName}` : label;
}

function gradeName(row: EvaluationExportRow, pick: Pick): string | null {
  if (!row.gradeId) return null;
  const grade = registry.get(row.policyId)?.evaluation?.grades.find((g) => g.id === row.gradeId);
  return grade ? pick(grade.name) : row.gradeId;
}

export const evaluationColumns = (pick: Pick): ExportColumn<EvaluationExportRow>[] => [
  { header: { zh: "平台", en: "Platform" }, value: (r) => r.platform, width: 36 },
  { header: { zh: "依据政策", en: "Policy" }, value: (r) => policyTitle(r.policyId), width: 36 },
  {
    header: { zh: "评估类型", en: "Kind" },
    value: (r) => pick(evaluationKindLabel[r.kind] ?? { zh: r.kind, en: r.kind }),
  },
  { header: { zh: "评估期自", en: "Period from" }, value: (r) => r.periodFrom, width: 12 },
  { header: { zh: "评估期至", en: "Period to" }, value: (r) => r.periodTo, width: 12 },
  { header: { zh: "评估方", en: "Evaluator" }, value: (r) => evaluatorText(r, pick), width: 28 },
  { header: { zh: "评估结果", en: "Grade" }, value: (r) => gradeName(r, pick) },
  { header: { zh: "评估日期", en: "Conducted on" }, value: (r) => r.conductedOn, width: 12 },
];

/* ---------- (3) rectifications ---------- */

export interface RectificationExportRow {
  platform: string;
  policyId: string;
  reason: string;
  startsOn: string;
  dueOn: string;
  status: string;
}

export async function rectificationRows(
  db: Executor,
  user: SessionUser,
  filter: z.infer<typeof rectificationFilterSchema>,
): Promise<RectificationExportRow[]> {
  const { rectifications: r, platforms: p } = schema;
  return db
    .select({
      platform: p.name,
      policyId: p.policyId,
      reason: r.reason,
      startsOn: r.startsOn,
      dueOn: r.dueOn,
      status: r.status,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.platformId))
    .where(
      and(
        platformsInScope(user),
        ...inPolicy(filter.policyId),
        ...(filter.status !== "all" ? [eq(r.status, filter.status)] : []),
      ),
    )
    .orderBy(asc(r.dueOn), asc(p.name));
}

const rectificationStatusLabel: Record<string, LocalizedText> = {
  open: { zh: "整改中", en: "Open" },
  "response-submitted": { zh: "已提交整改报告", en: "Response submitted" },
  accepted: { zh: "整改通过", en: "Accepted" },
  failed: { zh: "整改不合格", en: "Failed" },
};

export const rectificationColumns = (pick: Pick): ExportColumn<RectificationExportRow>[] => [
  { header: { zh: "平台", en: "Platform" }, value: (r) => r.platform, width: 36 },
  { header: { zh: "依据政策", en: "Policy" }, value: (r) => policyTitle(r.policyId), width: 36 },
  { header: { zh: "整改原因", en: "Reason" }, value: (r) => r.reason, width: 40 },
  { header: { zh: "开始日期", en: "Starts on" }, value: (r) => r.startsOn, width: 12 },
  { header: { zh: "整改期限", en: "Due on" }, value: (r) => r.dueOn, width: 12 },
  {
    header: { zh: "状态", en: "Status" },
    value: (r) => pick(rectificationStatusLabel[r.status] ?? { zh: r.status, en: r.status }),
  },
];
