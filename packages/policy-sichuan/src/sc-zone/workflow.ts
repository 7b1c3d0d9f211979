import type { WorkflowDefinition } from "@kechuang/domain";
import { rejections, stage, withdrawals } from "../shared/stages";
import { stagesRule, subjectRule } from "./rules";

/**
 * 五(一)–(三): the city bureau files the plan with 科技厅 (it is the applicant; there is no separate
 * recommender), an expert group consults on the plan AND investigates on site, then 科技厅 launches the
 * zone. Monitoring, evaluation and promotion (五(四)(五)) follow approval: see schedule.ts and the rules.
 */
const stages = stagesRule.id;

export const scZoneWorkflow: WorkflowDefinition = {
  initial: stage.draft.id,
  stages: [
    { ...stage.draft, name: { zh: "提出需求（编制建设方案）", en: "Need and construction plan" } },
    stage.submitted,
    stage.returned,
    stage.consultation,
    stage.siteVisit,
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
      label: { zh: "市（州）科技局报送建设方案", en: "City bureau files the plan" },
      ruleId: subjectRule.id,
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
      label: { zh: "修改后重新报送", en: "Resubmit the revised plan" },
      ruleId: stages,
      guards: ["plan-complete"],
    },
    {
      action: "start-consultation",
      from: "submitted",
      to: "consultation",
      roles: ["authority"],
      label: { zh: "组织专家组咨询论证", en: "Start the expert consultation" },
      ruleId: stages,
      guards: ["panel-formed"],
    },
    {
      action: "request-revision",
      from: "consultation",
      to: "returned",
      roles: ["authority"],
      label: { zh: "根据咨询意见完善方案", en: "Ask for revision on the panel's opinions" },
      ruleId: stages,
      guards: ["opinions-complete"],
      needsReason: true,
    },
    {
      action: "complete-consultation",
      from: "consultation",
      to: "site-visit",
      roles: ["authority"],
      label: { zh: "完成咨询论证，开展现场调研", en: "Conclude the consultation; go on site" },
      ruleId: stages,
      guards: ["opinions-complete"],
    },
    {
      action: "record-site-visit",
      from: "site-visit",
      to: "review",
      roles: ["authority"],
      label: { zh: "记录现场调研，形成咨询意见", en: "Record the site investigation and the panel's advice" },
      ruleId: stages,
      guards: ["site-visit-recorded"],
    },
    {
      action: "approve",
      from: "review",
      to: "approved",
      roles: ["authority"],
      label: { zh: "支持启动示范区建设", en: "Launch the zone" },
      ruleId: stages,
    },
    ...rejections(["submitted", "consultation", "site-visit", "review"], stages),
    ...withdrawals(["submitted", "returned", "consultation", "site-visit", "review"], stages),
  ],
};
