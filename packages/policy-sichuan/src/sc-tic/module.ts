import type { PolicyModule } from "@kechuang/domain";
import { scTicChangeKinds } from "./changes";
import { scTicOutline } from "./outline";
import { annualReportRule, outcomesRule, panelRule, scTicRules } from "./rules";
import { CONSTRUCTION_PERIOD_MONTHS, scTicSchedule, scTicSettings } from "./schedule";
import { scTicSource } from "./source";
import { scTicWorkflow } from "./workflow";

export const scTic2018: PolicyModule = {
  id: "sc-tic-2018",
  source: scTicSource,
  jurisdiction: { code: "510000", name: { zh: "四川省", en: "Sichuan Province" }, level: "province" },
  kinds: ["tech-innovation-center"],
  fields: [
    {
      orientation: { zh: "面向世界科技前沿", en: "Frontiers of world science and technology" },
      fields: ["智能制造", "干细胞及转化", "蛋白质调控", "新能源", "纳米材料"],
    },
    {
      orientation: { zh: "面向经济主战场", en: "The main economic battlefield" },
      fields: [
        "电子信息",
        "装备制造",
        "食品饮料",
        "先进材料",
        "能源化工",
        "新能源汽车",
        "节能环保",
        "生物医药",
        "现代农业",
        "轨道交通",
        "动力及储能电池",
        "大数据",
        "5G",
        "人工智能",
        "军民融合",
      ],
    },
    // 三(一) names no fields for this orientation: the applicant states the need it answers.
    { orientation: { zh: "面向我省重大需求", en: "Major needs of the province" }, fields: [] },
  ],
  formationModes: ["leading-enterprise", "enterprise-alliance", "academia-led"],
  workflow: scTicWorkflow,
  outline: scTicOutline,
  rules: scTicRules,
  panel: { ruleId: panelRule.id, requiredExpertise: ["technical", "management", "policy"] },
  schedule: scTicSchedule,
  // 六(四) "有关单位将省级技术创新中心年度建设情况书面报科技厅": one written account, straight to the department.
  annualReport: {
    ruleId: annualReportRule.id,
    sections: [
      { id: "constructionProgress", title: { zh: "年度建设情况", en: "The year's construction progress" } },
    ],
    recommenderChecks: false,
    indicators: false,
  },
  evaluation: {
    ruleId: outcomesRule.id,
    rectificationRuleId: outcomesRule.id,
    grades: [
      {
        id: "continued-support",
        name: { zh: "后续支持", en: "Continued support" },
        consequence: "continued-support",
      },
      { id: "rectification", name: { zh: "整改", en: "Rectification" }, consequence: "rectification" },
      { id: "revocation", name: { zh: "撤销", en: "Revocation" }, consequence: "revocation" },
    ],
  },
  changeKinds: scTicChangeKinds,
  settings: scTicSettings,
  extras: {
    constructionPeriodMonths: CONSTRUCTION_PERIOD_MONTHS,
    fundingModes: [
      { id: "membership", name: { zh: "会员制", en: "Membership" } },
      { id: "shareholding", name: { zh: "股份制", en: "Shareholding" } },
      { id: "agreement", name: { zh: "协议制", en: "Agreement" } },
    ],
  },
};
