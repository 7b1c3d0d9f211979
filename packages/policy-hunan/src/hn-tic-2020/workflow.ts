import type { Stage, Transition, WorkflowDefinition } from "@kechuang/domain";
import { hnRules } from "./rules";

/**
 * 五(一)–(三): intent after the city/prefecture government's recommendation → consultation by the expert
 * panel (revisions until the plan is mature) → site inspection → publicity without objection → 批准组建.
 */
const stages: readonly Stage[] = [
  { id: "draft", name: { zh: "草稿（建设意向）", en: "Draft (intent)" }, actors: ["applicant"] },
  {
    id: "submitted",
    name: { zh: "待市州推荐", en: "Awaiting city recommendation" },
    actors: ["recommender"],
  },
  { id: "returned", name: { zh: "退回修改", en: "Returned for revision" }, actors: ["applicant"] },
  { id: "recommended", name: { zh: "已推荐", en: "Recommended" }, actors: ["authority"] },
  { id: "consultation", name: { zh: "方案论证", en: "Consultation" }, actors: ["authority", "expert"] },
  { id: "site-visit", name: { zh: "现场考察", en: "Site inspection" }, actors: ["authority", "expert"] },
  { id: "publicity", name: { zh: "公示", en: "Publicity" }, actors: ["authority"] },
  { id: "approved", name: { zh: "批准组建", en: "Approved" }, actors: [], terminal: true },
  { id: "rejected", name: { zh: "未通过", en: "Rejected" }, actors: [], terminal: true },
  { id: "withdrawn", name: { zh: "已撤回", en: "Withdrawn" }, actors: [], terminal: true },
];

const STAGES = hnRules.stages.id;
const PUBLICITY = hnRules.publicity.id;

const undecided = [
  "submitted",
  "returned",
  "recommended",
  "consultation",
  "site-visit",
  "publicity",
] as const;
const rejectable = ["consultation", "site-visit", "publicity"] as const;

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
    label: { zh: "市州政府推荐", en: "Recommend" },
    ruleId: STAGES,
  },
  {
    action: "start-consultation",
    from: "recommended",
    to: "consultation",
    roles: ["authority"],
    label: { zh: "组织方案论证", en: "Start consultation" },
    ruleId: STAGES,
  },
  {
    action: "request-revision",
    from: "consultation",
    to: "returned",
    roles: ["authority"],
    label: { zh: "根据论证意见完善方案", en: "Request revision" },
    ruleId: STAGES,
    needsReason: true,
  },
  {
    action: "complete-consultation",
    from: "consultation",
    to: "site-visit",
    roles: ["authority"],
    label: { zh: "方案成熟，进入现场考察", en: "Plan mature: go to site inspection" },
    ruleId: STAGES,
    guards: ["panel-formed", "opinions-complete"],
  },
  {
    action: "open-publicity",
    from: "site-visit",
    to: "publicity",
    roles: ["authority"],
    label: { zh: "现场考察通过，进入公示", en: "Site inspection passed: open publicity" },
    ruleId: STAGES,
    guards: ["site-visit-recorded"],
  },
  {
    action: "uphold-objection",
    from: "publicity",
    to: "consultation",
    roles: ["authority"],
    label: { zh: "异议成立，重新论证", en: "Uphold objection: back to consultation" },
    ruleId: PUBLICITY,
    needsReason: true,
  },
  {
    action: "approve",
    from: "publicity",
    to: "approved",
    roles: ["authority"],
    label: { zh: "发文批准组建", en: "Approve" },
    ruleId: PUBLICITY,
    guards: ["publicity-closed-clear"],
  },
  ...rejectable.map(
    (from): Transition => ({
      action: "reject",
      from,
      to: "rejected",
      roles: ["authority"],
      label: { zh: "不予批准", en: "Reject" },
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

export const hnWorkflow: WorkflowDefinition = { initial: "draft", stages, transitions };
