import type { WorkflowDefinition } from "@kechuang/domain";
import { rejections, stage, withdrawals } from "../shared/stages";
import { panelRule, stagesRule } from "./rules";

/**
 * 六(一)–(三): the unit proposes its intent and plan directly to 科技厅 (no recommender in this source),
 * an expert group consults on the plan, the unit revises it on their opinions, then 科技厅 launches
 * construction when "通过咨询论证、各方面条件成熟". Supervision (六(四)) follows approval: see schedule.ts.
 */
const stages = stagesRule.id;

export const scTicWorkflow: WorkflowDefinition = {
  initial: stage.draft.id,
  stages: [
    { ...stage.draft, name: { zh: "提出意向（编制建设方案）", en: "Intent and construction plan" } },
    stage.submitted,
    stage.returned,
    stage.consultation,
    stage.review,
    stage.approved,
    stage.rejected,
    stage.withdrawn,
  ],
  transitions: [
    {
      action: "submit",
      from: "draft",
      to: "submitted",
      roles: ["applicant"],
      label: { zh: "向科技厅提出建设意向", en: "Submit the intent to the department" },
      ruleId: stages,
      guards: ["plan-complete"],
    },
    {
      action: "return-to-applicant",
      from: "submitted",
      to: "returned",
      roles: ["authority"],
      label: { zh: "退回修改", en: "Return for revision" },
      ruleId: stages,
      needsReason: true,
    },
    {
      action: "resubmit",
      from: "returned",
      to: "submitted",
      roles: ["applicant"],
      label: { zh: "修改后重新提交", en: "Resubmit the revised plan" },
      ruleId: stages,
      guards: ["plan-complete"],
    },
    {
      action: "start-consultation",
      from: "submitted",
      to: "consultation",
      roles: ["authority"],
      label: { zh: "组织专家组咨询论证", en: "Start the expert consultation" },
      ruleId: panelRule.id,
      guards: ["panel-formed"],
    },
    {
      action: "request-revision",
      from: "consultation",
      to: "returned",
      roles: ["authority"],
      label: { zh: "根据咨询论证意见完善方案", en: "Ask for revision on the panel's opinions" },
      ruleId: stages,
      guards: ["opinions-complete"],
      needsReason: true,
    },
    {
      action: "complete-consultation",
      from: "consultation",
      to: "review",
      roles: ["authority"],
      label: { zh: "通过咨询论证", en: "Conclude the consultation" },
      ruleId: stages,
      guards: ["opinions-complete"],
    },
    {
      action: "approve",
      from: "review",
      to: "approved",
      roles: ["authority"],
      label: { zh: "支持启动建设", en: "Launch construction" },
      ruleId: stages,
    },
    ...rejections(["submitted", "consultation", "review"], stages),
    ...withdrawals(["submitted", "returned", "consultation", "review"], stages),
  ],
};
