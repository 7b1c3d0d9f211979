import type { Stage, Transition, WorkflowDefinition } from "@kechuang/domain";
import { nmRules } from "./rules";

/**
 * 三(四) 创建程序: intent via the recommender → consultation AND site inspection → the recommender files the
 * formal application → plan review, then on-site evaluation (实地评估, a stage of this source only) →
 * publicity without objection → approval.
 */
const stages: readonly Stage[] = [
  { id: "draft", name: { zh: "草稿（建设意向）", en: "Draft (intent)" }, actors: ["applicant"] },
  { id: "submitted", name: { zh: "待推荐", en: "Awaiting recommendation" }, actors: ["recommender"] },
  { id: "returned", name: { zh: "退回修改", en: "Returned for revision" }, actors: ["applicant"] },
  { id: "recommended", name: { zh: "已推荐", en: "Recommended" }, actors: ["authority"] },
  { id: "consultation", name: { zh: "咨询论证", en: "Consultation" }, actors: ["authority", "expert"] },
  { id: "site-visit", name: { zh: "实地考察", en: "Site inspection" }, actors: ["authority", "expert"] },
  {
    id: "formal-application",
    name: { zh: "申请建设（推荐部门正式提出）", en: "Formal application (filed by the recommender)" },
    actors: ["applicant", "recommender"],
  },
  { id: "review", name: { zh: "方案评审", en: "Plan review" }, actors: ["authority", "expert"] },
  {
    id: "on-site-evaluation",
    name: { zh: "实地评估", en: "On-site evaluation" },
    actors: ["authority", "expert"],
  },
  { id: "publicity", name: { zh: "公示", en: "Publicity" }, actors: ["authority"] },
  { id: "approved", name: { zh: "批复认定", en: "Approved" }, actors: [], terminal: true },
  { id: "rejected", name: { zh: "未通过", en: "Rejected" }, actors: [], terminal: true },
  { id: "withdrawn", name: { zh: "已撤回", en: "Withdrawn" }, actors: [], terminal: true },
];

const STAGES = nmRules.stages.id;
const PUBLICITY = nmRules.publicity.id;

/** Stages before a decision, from which the applicant may withdraw. */
const undecided = [
  "submitted",
  "returned",
  "recommended",
  "consultation",
  "site-visit",
  "formal-application",
  "review",
  "on-site-evaluation",
  "publicity",
] as const;

/** Stages in which the authority may reject (after the recommender has endorsed). */
const rejectable = ["consultation", "site-visit", "review", "on-site-evaluation", "publicity"] as const;

const transitions: readonly Transition[] = [
  {
    action: "submit",
    from: "draft",
    to: "submitted",
    roles: ["applicant"],
    label: { zh: "提交建设意向", en: "Submit intent" },
    ruleId: STAGES,
    guards: ["plan-complete"],
  },
  {
    action: "return-to-applicant",
    from: "submitted",
    to: "returned",
    roles: ["recommender"],
    label: { zh: "退回修改", en: "Return for revision" },
    ruleId: STAGES,
    needsReason: true,
  },
  {
    action: "resubmit",
    from: "returned",
    to: "submitted",
    roles: ["applicant"],
    label: { zh: "重新提交", en: "Resubmit" },
    ruleId: STAGES,
    guards: ["plan-complete"],
  },
  {
    action: "recommend",
    from: "submitted",
    to: "recommended",
    roles: ["recommender"],
    label: { zh: "推荐提出建设意向", en: "Recommend" },
    ruleId: STAGES,
  },
  {
    action: "start-consultation",
    from: "recommended",
    to: "consultation",
    roles: ["authority"],
    label: { zh: "组织咨询论证", en: "Start consultation" },
    ruleId: STAGES,
  },
  {
    action: "request-revision",
    from: "consultation",
    to: "returned",
    roles: ["authority"],
    label: { zh: "要求完善方案", en: "Request revision" },
    ruleId: STAGES,
    needsReason: true,
  },
  {
    action: "complete-consultation",
    from: "consultation",
    to: "site-visit",
    roles: ["authority"],
    label: { zh: "完成咨询论证", en: "Complete consultation" },
    ruleId: STAGES,
    guards: ["panel-formed", "opinions-complete"],
  },
  {
    action: "record-site-visit",
    from: "site-visit",
    to: "formal-application",
    roles: ["authority"],
    label: { zh: "完成实地考察", en: "Record site inspection" },
    ruleId: STAGES,
    guards: ["site-visit-recorded"],
  },
  {
    action: "return-to-applicant",
    from: "formal-application",
    to: "returned",
    roles: ["recommender"],
    label: { zh: "退回修改", en: "Return for revision" },
    ruleId: STAGES,
    needsReason: true,
  },
  {
    action: "file-formal-application",
    from: "formal-application",
    to: "review",
    roles: ["recommender"],
    label: { zh: "正式提出建设申请", en: "File the formal application" },
    ruleId: STAGES,
    guards: ["plan-complete"],
  },
  {
    action: "request-revision",
    from: "review",
    to: "formal-application",
    roles: ["authority"],
    label: { zh: "要求完善方案", en: "Request revision" },
    ruleId: STAGES,
    needsReason: true,
  },
  {
    action: "complete-review",
    from: "review",
    to: "on-site-evaluation",
    roles: ["authority"],
    label: { zh: "完成方案评审", en: "Complete plan review" },
    ruleId: STAGES,
    guards: ["panel-formed", "opinions-complete"],
  },
  {
    action: "open-publicity",
    from: "on-site-evaluation",
    to: "publicity",
    roles: ["authority"],
    label: { zh: "实地评估通过，进入公示", en: "On-site evaluation passed: open publicity" },
    ruleId: STAGES,
    guards: ["site-visit-recorded"],
  },
  {
    action: "uphold-objection",
    from: "publicity",
    to: "review",
    roles: ["authority"],
    label: { zh: "异议成立，重新评审", en: "Uphold objection: back to review" },
    ruleId: PUBLICITY,
    needsReason: true,
  },
  {
    action: "approve",
    from: "publicity",
    to: "approved",
    roles: ["authority"],
    label: { zh: "发文批复认定", en: "Approve" },
    ruleId: PUBLICITY,
    guards: ["publicity-closed-clear"],
  },
  ...rejectable.map(
    (from): Transition => ({
      action: "reject",
      from,
      to: "rejected",
      roles: ["authority"],
      label: { zh: "不予认定", en: "Reject" },
      ruleId: STAGES,
      needsReason: true,
    }),
  ),
  ...undecided.map(
    (from): Transition => ({
      action: "withdraw",
      from,
      to: "withdrawn",
      roles: ["applicant"],
      label: { zh: "撤回申请", en: "Withdraw" },
      ruleId: STAGES,
    }),
  ),
];

export const nmWorkflow: WorkflowDefinition = { initial: "draft", stages, transitions };
