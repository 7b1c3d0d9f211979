import type { AnnualReportPolicy, EvaluationPolicy, PolicyModule, PolicySetting } from "@kechuang/domain";
import { hnChangeKinds } from "./changes";
import { hnOutline } from "./outline";
import { hnRecommendation } from "./recommenders";
import { hnRuleList, hnRules } from "./rules";
import { DEFAULT_EVALUATION_AFTER_YEARS, hnSchedule } from "./schedule";
import { hnTic2020Source } from "./source";
import { hnWorkflow } from "./workflow";

/**
 * 六(五): performance evaluation by a third party. The source defines no grades; results are "an important
 * reference for further support" within an 有进有出 (in-and-out) adjustment, so no grade list is invented here.
 */
const evaluation: EvaluationPolicy = {
  ruleId: hnRules.evaluation.id,
  grades: [],
  thirdParty: true,
  // "以共性关键技术研发成效、成果转化应用实效、对行业技术服务绩效为评价重点,以有关客观数据、材料和服务对象评价为主要评价内容".
  focusAreas: [
    { id: "key-technology", name: { zh: "共性关键技术研发成效", en: "Results in common key technologies" } },
    { id: "transfer", name: { zh: "成果转化应用实效", en: "Transfer and application of results" } },
    { id: "industry-service", name: { zh: "对行业技术服务绩效", en: "Technical services to the industry" } },
  ],
};

/** 五(四): "每年1 月底前编写上年度工作总结和本年度工作计划报省科技厅" (straight to the department). */
const annualReport: AnnualReportPolicy = {
  ruleId: hnRules.annualReport.id,
  sections: [
    { id: "lastYearSummary", title: { zh: "上年度工作总结", en: "Summary of last year's work" } },
    { id: "thisYearPlan", title: { zh: "本年度工作计划", en: "Work plan for this year" } },
  ],
  recommenderChecks: false,
  indicators: false,
};

const settings: readonly PolicySetting[] = [
  {
    key: "publicity-working-days",
    label: { zh: "公示期（工作日）", en: "Publicity period (working days)" },
    value: 5,
    relatesTo: hnRules.publicity.id,
  },
  {
    key: "evaluation-after-years",
    label: { zh: "绩效评价周期（年）", en: "Years between performance evaluations" },
    value: DEFAULT_EVALUATION_AFTER_YEARS,
    relatesTo: hnRules.evaluation.id,
  },
];

export const hnTic2020: PolicyModule = {
  id: "hn-tic-2020",
  source: hnTic2020Source,
  jurisdiction: { code: "430000", name: { zh: "湖南省", en: "Hunan Province" }, level: "province" },
  kinds: ["tech-innovation-center"],
  fields: [
    {
      orientation: { zh: "面向世界科技前沿", en: "World S&T frontier" },
      fields: ["大数据", "人工智能", "区块链", "脑科学与类脑科学", "合成生物学"],
    },
    {
      orientation: { zh: "面向经济主战场", en: "Main economic battlefield" },
      fields: [
        "智能制造",
        "集成电路",
        "数字创意",
        "新材料",
        "生物种业",
        "现代农业",
        "环境综合治理",
        "水安全保障",
        "绿色建造",
      ],
    },
    {
      orientation: { zh: "面向国家和省重大需求", en: "Major national and provincial needs" },
      fields: ["自主可控计算机及信息安全", "航天航空", "集成电路装备", "深海深地深空装备"],
    },
    {
      orientation: { zh: "面向人民生命健康", en: "People's life and health" },
      fields: ["生物医药", "医疗器械", "精准医学"],
    },
  ],
  formationModes: ["leading-enterprise", "enterprise-alliance", "academia-led"],
  workflow: hnWorkflow,
  recommendation: hnRecommendation,
  outline: hnOutline,
  rules: hnRuleList,
  panel: {
    ruleId: hnRules.stages.id,
    requiredExpertise: ["technical", "management", "policy", "legal", "finance"],
  },
  schedule: (input) => hnSchedule(input),
  annualReport,
  evaluation,
  changeKinds: hnChangeKinds,
  settings,
  extras: {
    /** 三(一): two categories, "few but fine". */
    categories: [
      {
        id: "comprehensive",
        name: { zh: "综合类", en: "Comprehensive" },
        structure: {
          zh: "中心（本部）+专业化创新研发机构",
          en: "Headquarters + specialized R&D institutions",
        },
      },
      { id: "domain", name: { zh: "领域类", en: "Domain" } },
    ],
    categoriesRuleId: hnRules.categories.id,
    /** 三(三): normally a three-year construction period, one plan per center. */
    constructionPeriodYears: { value: 3, ruleId: hnRules.period.id },
    /** 五(一) 成熟一个、启动一个: no call window; directed organization and city recommendation combined. */
    intake: { mode: "rolling", callWindow: null, ruleId: hnRules.stages.id },
  },
};
