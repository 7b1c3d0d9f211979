import type { Role, Stage, Transition } from "@kechuang/domain";

/** Stage definitions shared by both Sichuan modules (ids from the contract's `commonStages`). */
export const stage = {
  draft: { id: "draft", name: { zh: "编制方案", en: "Drafting" }, actors: ["applicant"] },
  submitted: {
    id: "submitted",
    name: { zh: "已提交科技厅", en: "Submitted to the department" },
    actors: ["authority"],
  },
  returned: { id: "returned", name: { zh: "退回修改", en: "Returned for revision" }, actors: ["applicant"] },
  consultation: {
    id: "consultation",
    name: { zh: "方案论证（专家咨询）", en: "Plan consultation by experts" },
    actors: ["authority", "expert"],
  },
  siteVisit: {
    id: "site-visit",
    name: { zh: "现场调研", en: "Site investigation" },
    actors: ["authority", "expert"],
  },
  review: {
    id: "review",
    name: { zh: "科技厅审定", en: "Decision by the department" },
    actors: ["authority"],
  },
  approved: {
    id: "approved",
    name: { zh: "启动建设", en: "Construction launched" },
    actors: [],
    terminal: true,
  },
  rejected: { id: "rejected", name: { zh: "未予支持", en: "Not supported" }, actors: [], terminal: true },
  withdrawn: { id: "withdrawn", name: { zh: "已撤回", en: "Withdrawn" }, actors: [], terminal: true },
} satisfies Record<string, Stage>;

const applicant: readonly Role[] = ["applicant"];
const authority: readonly Role[] = ["authority"];

/** The applicant may withdraw from any stage before the decision. */
export function withdrawals(fromStages: readonly string[], ruleId: string): Transition[] {
  return fromStages.map((from) => ({
    action: "withdraw",
    from,
    to: stage.withdrawn.id,
    roles: applicant,
    label: { zh: "撤回申请", en: "Withdraw" },
    ruleId,
  }));
}

/** The department may decline at any stage it acts in; a reason is always recorded. */
export function rejections(fromStages: readonly string[], ruleId: string): Transition[] {
  return fromStages.map((from) => ({
    action: "reject",
    from,
    to: stage.rejected.id,
    roles: authority,
    label: { zh: "不予支持", en: "Decline" },
    ruleId,
    needsReason: true,
  }));
}
