import { z } from "zod";
import { isoDateSchema, type LocalizedText, localizedTextSchema } from "../common";
import {
  type CenterFacts,
  type Expertise,
  type FormationMode,
  type PlatformKind,
  platformKindSchema,
} from "../facts";
import type { ChangeSubject } from "../governance/changes";
import { type Role, roleSchema } from "../roles";

/**
 * The PolicyModule contract: what one jurisdiction's team writes, alone, in its own package.
 * A module is plain data plus pure functions; it imports only `@kechuang/domain`.
 */

export const policyIdSchema = z.string().regex(/^[a-z]{2}-[a-z]+-\d{4}$/, "policy id like hn-tic-2020");
export type PolicyId = string;

export const citationSchema = z.object({
  source: policyIdSchema,
  /** The clause as numbered in the source, e.g. "三(二)" or "附件". */
  clause: z.string().min(1),
  quote: z.string().min(1),
});
export type Citation = z.infer<typeof citationSchema>;

/** `not-applicable`: the rule does not govern these facts (e.g. an enterprise-only rule, academia lead); it is shown apart and neither passes nor fails. */
export const ruleOutcomeSchema = z.enum(["pass", "fail", "needs-information", "not-applicable"]);
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;

export const ruleResultSchema = z.object({
  ruleId: z.string(),
  outcome: ruleOutcomeSchema,
  /** Names the clause and the figure compared, in both locales. */
  message: localizedTextSchema,
  citation: citationSchema,
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

/* ---------- the source document ---------- */

export const sourceStatusSchema = z.enum(["draft", "in-force", "provisional"]);
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

/** One numbered clause of a source, readable in the policy library and addressable by anchor. */
export interface SourceClause {
  /** As numbered in the source: "三(四)", "三(四)1", "附件". Citations use this exact string. */
  id: string;
  heading: string;
  /** The clause's original Chinese text. */
  text: string;
}

export interface PolicySource {
  id: PolicyId;
  title: string;
  issuer: string;
  documentNumber?: string;
  /** Date of the document. */
  date: string;
  publishedOn?: string;
  status: SourceStatus;
  /** Drafts for comment carry their comment window. */
  commentPeriod?: { from: string; to: string };
  validYears?: { from: number; to: number };
  clauses: SourceClause[];
}

export interface Jurisdiction {
  code: string;
  name: LocalizedText;
  level: "province" | "autonomous-region" | "city";
}

/**
 * A body that may recommend (推荐) an application under a module, named by the administrative division it
 * governs (GB/T 2260 code: a recommender account's area). A code equal to the jurisdiction's own stands for
 * the jurisdiction's departments (自治区有关部门, 市直有关部门) where the source lets them recommend too.
 */
export interface RecommendingBody {
  code: string;
  name: LocalizedText;
}

/** Who may recommend under a module, and the clause that says so (refusals quote it). */
export interface RecommendationPolicy {
  citation: Citation;
  bodies: readonly RecommendingBody[];
}

/** True when `code` names a division inside the jurisdiction (its province, or its city for a city). */
export function isInsideJurisdiction(jurisdiction: Jurisdiction, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const prefix = jurisdiction.level === "city" ? 4 : 2;
  return code.slice(0, prefix) === jurisdiction.code.slice(0, prefix);
}

/* ---------- rules ---------- */

/**
 * Every rule in POLICIES.md appears in a module's `rules` with its id and citation. `implementedBy`
 * says where the program acts on it, so the conformance suite can check nothing is left out.
 */
export type RuleImplementation =
  | "eligibility" // evaluated on CenterFacts by `evaluate`
  | "workflow" // encoded in the stage graph
  | "schedule" // drives annual reports / evaluations
  | "evaluation" // grades and their consequences
  | "change" // change filing vs approval
  | "naming"
  | "panel" // required expert types on a panel
  | "checklist" // a human judgement, recorded by a reviewer
  | "obligation" // a duty after launch the platform fulfils and the authority publishes (sc-zone.experience)
  | "data"; // reference data (key fields, targets, tiers ...)

export interface PolicyRule {
  id: string;
  citation: Citation;
  title: LocalizedText;
  appliesTo: readonly PlatformKind[];
  implementedBy: RuleImplementation;
  /** For "checklist": what the reviewer must judge and record. */
  prompt?: LocalizedText;
  /** For "eligibility": a pure check; absent facts give `needs-information`, never a throw. */
  evaluate?: (facts: CenterFacts) => RuleResult;
}

/* ---------- workflow ---------- */

/** Conditions the server checks from stored data before letting a transition through. */
export const transitionGuardSchema = z.enum([
  "plan-complete", // the plan passes its outline schema
  "panel-formed", // a panel with the module's required expertise exists
  "opinions-complete", // every assigned expert has submitted an opinion
  "site-visit-recorded",
  "publicity-closed-clear", // publicity period over, no pending or upheld objection
]);
export type TransitionGuard = z.infer<typeof transitionGuardSchema>;

export interface Stage {
  id: string;
  name: LocalizedText;
  /** Roles expected to act while the application is in this stage ("what waits for me"). */
  actors: readonly Role[];
  terminal?: boolean;
}

export interface Transition {
  action: string;
  from: string;
  to: string;
  roles: readonly Role[];
  label: LocalizedText;
  /** The rule that allows this step: audit rows cite it. */
  ruleId: string;
  guards?: readonly TransitionGuard[];
  /** A reason is mandatory (returns, rejections, dismissals). */
  needsReason?: boolean;
}

export interface WorkflowDefinition {
  initial: string;
  stages: readonly Stage[];
  transitions: readonly Transition[];
}

/* ---------- the plan outline (编写提纲) ---------- */

export const outlineFieldSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: localizedTextSchema,
  type: z.enum(["text", "longtext", "number", "cny", "date"]),
  required: z.boolean(),
  help: localizedTextSchema.optional(),
});
export type OutlineField = z.infer<typeof outlineFieldSchema>;

export interface OutlineSection {
  /** As numbered in the outline: "二", "1.2", "7.3". */
  number: string;
  id: string;
  title: LocalizedText;
  fields: OutlineField[];
  children?: OutlineSection[];
}
export const outlineSectionSchema: z.ZodType<OutlineSection> = z.lazy(() =>
  z.object({
    number: z.string().min(1),
    id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
    title: localizedTextSchema,
    fields: z.array(outlineFieldSchema),
    children: z.array(outlineSectionSchema).optional(),
  }),
);

export interface PlanOutline {
  ruleId: string;
  sections: OutlineSection[];
}

/* ---------- schedule: annual reports and evaluations ---------- */

export const obligationSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("annual-report"),
    yearCovered: z.number().int(),
    dueOn: isoDateSchema.nullable(),
    exempt: z.boolean(),
    ruleId: z.string(),
    exemptRuleId: z.string().optional(),
    /** Set when the due date is a local setting, not a clause. */
    configurable: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("evaluation"),
    earliestOn: isoDateSchema,
    ruleId: z.string(),
    /** A yearly assessment (sc-zone 六(三) 每年…考核), a periodic evaluation, or the end-of-period summary. */
    evaluationKind: z.enum(["annual-assessment", "periodic", "summary"]).optional(),
    /** An annual assessment: the calendar year whose progress it assesses (sc-zone: the year last reported). */
    yearCovered: z.number().int().optional(),
    configurable: z.boolean().optional(),
  }),
]);
export type Obligation = z.infer<typeof obligationSchema>;

export const scheduleInputSchema = z.object({
  approvedOn: isoDateSchema,
  years: z.number().int().min(1).max(20),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/* ---------- evaluation, changes, settings ---------- */

export interface EvaluationGrade {
  id: string;
  name: LocalizedText;
  consequence: "continued-support" | "post-subsidy" | "rectification" | "revocation" | "none";
  /** For rectification: months before re-evaluation. */
  rectificationMonths?: number;
}

export interface EvaluationPolicy {
  ruleId: string;
  /** Empty where the source names no grades (Hunan: a third party's findings only). */
  grades: readonly EvaluationGrade[];
  /**
   * What the evaluation looks at, each with quantitative data and qualitative material
   * (nm-tic 三(六)2 "以创新能力、市场化创新服务能力为评价重点…数据定量评价和材料定性评价相结合").
   */
  focusAreas?: readonly { id: string; name: LocalizedText }[];
  /** The clause that orders rectification after a failing grade, and the one that rewards the best. */
  rectificationRuleId?: string;
  postSubsidyRuleId?: string;
  /** Conditions that lead to delisting, each a checklist item a reviewer confirms. */
  delistingGrounds?: readonly { id: string; text: LocalizedText }[];
  delistingRuleId?: string;
  thirdParty?: boolean;
}

/** The platform's yearly report: what it contains and who reads it first. */
export interface AnnualReportPolicy {
  ruleId: string;
  /** The sections the source names, in its order (nm-tic 三(六)1 differs from hn-tic 五(四)). */
  sections: readonly { id: string; title: LocalizedText }[];
  /** nm-tic 三(六)1 "经推荐部门审核后报科技厅": the recommender checks the report before the authority. */
  recommenderChecks: boolean;
  /** A zone reports its indicators with targets and actuals (sc-zone). */
  indicators: boolean;
  /** A report not submitted by its due date is this delisting ground (nm-tic 三(六)3 "到期不提交年度报告"). */
  lateGroundId?: string;
}

/**
 * A place where the source contradicts itself (sc-zone-2018 五(四) "建设期满前…总结评估" vs 六(三)
 * "三年示范期结束后,由科技厅组织评估"). The module must apply one reading; the authority UI shows every reading,
 * quoted, with the module's choice and its reason, so a decision taken on the module's date can be questioned.
 */
export interface SourceConflict {
  id: string;
  /** The rule whose behaviour depends on the reading (a schedule date, a threshold ...). */
  ruleId: string;
  /** What the clauses disagree on. */
  topic: LocalizedText;
  /** Each clause's reading, quoted verbatim from the module's own source. */
  readings: readonly { citation: Citation; reading: LocalizedText }[];
  /** The clause of the reading the module applies: one of `readings`' clauses. */
  appliedClause: string;
  /** Why that reading, and what follows from it, in words the authority can act on. */
  choice: LocalizedText;
}

export interface ChangeKind {
  id: string;
  name: LocalizedText;
  mode: "filing" | "approval";
  ruleId: string;
  /**
   * The parts of the platform the change edits (the form asks for their new value, the rules are re-checked on
   * it). Empty: a change described in words only (a charter change), checked by people.
   */
  subjects: readonly ChangeSubject[];
  /** Set where the source does not list this change: the routing is this system's setting, said so in the UI. */
  localSetting?: LocalizedText;
}

/* ---------- targets (Anshun's 附件) ---------- */

/** A recognition a platform receives; the city authority records them (as-plat.tiers). */
export const recognitionTierSchema = z.enum(["national", "provincial", "city"]);
export type RecognitionTier = z.infer<typeof recognitionTierSchema>;

export interface PlatformTargetType {
  /** 序号 in the source's table. */
  no: number;
  id: string;
  name: LocalizedText;
  /** Cumulative counts by year, the base year included, as published. */
  counts: Readonly<Record<number, number>>;
  /** National / provincial split, only where the source gives it. */
  split?: Readonly<Record<number, { national: number; provincial: number }>>;
  statedAvgGrowthPercent: number;
  responsible: readonly LocalizedText[];
}

/**
 * Platform targets by type and year. Actuals are the platforms recorded in the system with a recognition of a
 * counted tier on or before the year's end (cumulative, as the table counts).
 */
export interface PlatformTargets {
  ruleId: string;
  baseYear: number;
  /** The target years after the base year, ascending. */
  years: readonly number[];
  countedTiers: readonly RecognitionTier[];
  types: readonly PlatformTargetType[];
}

/** A value the sources do not give: the UI says it is a local setting, not a clause. */
export interface PolicySetting {
  key: string;
  label: LocalizedText;
  value: string | number;
  relatesTo: string;
}

export interface FieldGroup {
  orientation: LocalizedText;
  fields: readonly string[];
}

/* ---------- the module ---------- */

export interface PolicyModule {
  id: PolicyId;
  source: PolicySource;
  jurisdiction: Jurisdiction;
  kinds: readonly PlatformKind[];
  /** Key fields (重点领域) by orientation. */
  fields: readonly FieldGroup[];
  formationModes?: readonly FormationMode[];
  workflow: WorkflowDefinition;
  outline?: PlanOutline;
  rules: readonly PolicyRule[];
  /**
   * The recommending bodies, when the workflow has a recommender step: an application names one of them and
   * only that body's recommenders see it. Absent where no one recommends (the unit files directly).
   */
  recommendation?: RecommendationPolicy;
  /** Expertise a consultation panel must include. */
  panel?: { ruleId: string; requiredExpertise: readonly Expertise[] };
  schedule: (input: ScheduleInput) => Obligation[];
  /** Absent where the source asks for no yearly report (Anshun). */
  annualReport?: AnnualReportPolicy;
  /** Contradictions in the source, each with the reading the module applies (shown to the authority). */
  sourceConflicts?: readonly SourceConflict[];
  evaluation?: EvaluationPolicy;
  changeKinds?: readonly ChangeKind[];
  /** The designated name, e.g. 内蒙古自治区{name}技术创新中心. */
  naming?: { ruleId: string; apply: (name: string) => string };
  /**
   * What an approval writes into the platform register. Absent: an approved platform (`active`). Anshun's
   * approval is entry into its cultivation pool (as-plat 二(二) 入库), so its entries are `cultivating`: listed
   * in the public directory as pool entries, never in the register of approved platforms (issue 11).
   * `localSetting` says why, where the status is a local reading rather than a clause.
   */
  register?: { statusOnApproval: "active" | "cultivating"; localSetting?: LocalizedText };
  settings: readonly PolicySetting[];
  /** Targets per platform type and year, with the actuals the system counts (Anshun's 附件). */
  targets?: PlatformTargets;
  /**
   * The city's joint meeting (as-plat.joint-meeting): its name, and the seats the source gives (convener,
   * deputy convener, the departments' deputy heads in charge). People are recorded against the seats.
   */
  jointMeeting?: {
    ruleId: string;
    name: LocalizedText;
    seats: readonly {
      id: string;
      position: "convener" | "deputy-convener" | "member";
      title: LocalizedText;
    }[];
    duties: LocalizedText;
  };
  /** Jurisdiction-specific reference data (Anshun's tiers, Sichuan's zone layout). */
  extras?: Record<string, unknown>;
  /** The module's own vocabulary for CenterFacts fields it defines (forms offer these as choices). */
  factChoices?: { demonstrationTasks?: readonly FactChoice[] };
}

/** One choice of a module-owned vocabulary, with the clause that lists it. */
export interface FactChoice {
  id: string;
  name: LocalizedText;
  clause: string;
}

export const policySummarySchema = z.object({
  id: policyIdSchema,
  jurisdiction: z.string(),
  jurisdictionName: localizedTextSchema,
  title: z.string(),
  issuer: z.string(),
  documentNumber: z.string().optional(),
  date: isoDateSchema,
  status: sourceStatusSchema,
  kinds: z.array(platformKindSchema),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const checkResponseSchema = z.object({
  policyId: policyIdSchema,
  /** The source's status, so every place that shows these results can say when they rest on a draft. */
  sourceStatus: sourceStatusSchema,
  outcome: ruleOutcomeSchema,
  results: z.array(ruleResultSchema),
});
export type CheckResponse = z.infer<typeof checkResponseSchema>;

export { roleSchema };

/**
 * The common spine's vocabulary (DESIGN.md "Life of an application"). Modules pick the stages and
 * actions they need from here, so portals and services can act on any module generically; a
 * module may add its own ids where its source has a stage no other source has.
 */
export const commonStages = [
  "draft",
  "submitted", // waiting for the recommender
  "returned", // back with the applicant for revision
  "recommended",
  "consultation", // expert panel opinions and scores (咨询论证 / 方案论证)
  "site-visit",
  "formal-application", // Inner Mongolia: the recommender files the formal application
  "review", // plan review, and on-site evaluation where required
  "publicity",
  "approved",
  "rejected",
  "withdrawn",
] as const;

export const commonActions = [
  "submit",
  "withdraw",
  "recommend",
  "return-to-applicant",
  "resubmit",
  "start-consultation",
  "request-revision",
  "complete-consultation",
  "record-site-visit",
  "file-formal-application",
  "start-review",
  "complete-review",
  "open-publicity",
  "uphold-objection", // publicity → review
  "approve",
  "reject",
] as const;

/** The status a platform takes when the module approves it: active, unless the module says otherwise. */
export const statusOnApproval = (
  module: Pick<PolicyModule, "register"> | undefined,
): "active" | "cultivating" => module?.register?.statusOnApproval ?? "active";
