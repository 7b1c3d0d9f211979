import type { Role, WorkflowDefinition } from "@kechuang/domain";
import { poolRule } from "./rules";

/**
 * Entry into the cultivation pool (二(二) "积极组织符合条件的创新平台入库"): the platform applies, the
 * competent city department for its type (the 附件's 责任部门) recommends, the City S&T Bureau reviews and
 * admits it. The source names no procedure beyond that, so there is no consultation or publicity stage.
 */
const pool = poolRule.id;
const applicant: readonly Role[] = ["applicant"];
const authority: readonly Role[] = ["authority"];

const withdraw = (from: string) => ({
  action: "withdraw",
  from,
  to: "withdrawn",
  roles: applicant,
  label: { zh: "撤回入库申请", en: "Withdraw the application" },
  ruleId: pool,
});

export const asPlatWorkflow: WorkflowDefinition = {
  initial: "draft",
  stages: [
    {
      id: "draft",
      name: { zh: "填写入库申请", en: "Drafting the entry application" },
      actors: ["applicant"],
    },
    {
      id: "submitted",
      name: { zh: "待主管部门推荐", en: "Awaiting recommendation" },
      actors: ["recommender"],
    },
    { id: "returned", name: { zh: "退回修改", en: "Returned for revision" }, actors: ["applicant"] },
    { id: "recommended", name: { zh: "已推荐", en: "Recommended" }, actors: ["authority"] },
    {
      id: "review",
      name: { zh: "市科技局审核", en: "Review by the City S&T Bureau" },
      actors: ["authority"],
    },
    {
      id: "approved",
      name: { zh: "已入培育库", en: "Admitted to the cultivation pool" },
      actors: [],
      terminal: true,
    },
    { id: "rejected", name: { zh: "未予入库", en: "Not admitted" }, actors: [], terminal: true },
    { id: "withdrawn", name: { zh: "已撤回", en: "Withdrawn" }, actors: [], terminal: true },
  ],
  transitions: [
    {
      action: "submit",
      from: "draft",
      to: "submitted",
      roles: applicant,
      label: { zh: "提交入库申请", en: "Apply to enter the pool" },
      ruleId: pool,
    },
    {
      action: "recommend",
      from: "submitted",
      to: "recommended",
      roles: ["recommender"],
      label: { zh: "主管部门推荐", en: "Recommend" },
      ruleId: pool,
    },
    {
      action: "return-to-applicant",
      from: "submitted",
      to: "returned",
      roles: ["recommender"],
      label: { zh: "退回修改", en: "Return for revision" },
      ruleId: pool,
      needsReason: true,
    },
    {
      action: "resubmit",
      from: "returned",
      to: "submitted",
      roles: applicant,
      label: { zh: "修改后重新提交", en: "Resubmit" },
      ruleId: pool,
    },
    {
      action: "start-review",
      from: "recommended",
      to: "review",
      roles: authority,
      label: { zh: "开始审核", en: "Start the review" },
      ruleId: pool,
    },
    {
      action: "request-revision",
      from: "review",
      to: "returned",
      roles: authority,
      label: { zh: "要求补充修改", en: "Ask for revision" },
      ruleId: pool,
      needsReason: true,
    },
    {
      action: "approve",
      from: "review",
      to: "approved",
      roles: authority,
      label: { zh: "批准入库", en: "Admit to the pool" },
      ruleId: pool,
    },
    {
      action: "reject",
      from: "review",
      to: "rejected",
      roles: authority,
      label: { zh: "不予入库", en: "Decline" },
      ruleId: pool,
      needsReason: true,
    },
    withdraw("submitted"),
    withdraw("returned"),
    withdraw("recommended"),
    withdraw("review"),
  ],
};
