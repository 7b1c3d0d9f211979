import {
  type AnnualReportPolicy,
  type ChangeKind,
  type EvaluationPolicy,
  localChangeKinds,
  type PolicyModule,
  type PolicySetting,
} from "@kechuang/domain";
import { nmOutline } from "./outline";
import { nmRecommendation } from "./recommenders";
import { nmRuleList, nmRules } from "./rules";
import { DEFAULT_EVALUATION_INTERVAL_YEARS, nmSchedule } from "./schedule";
import { nmTic2020Source } from "./source";
import { nmWorkflow } from "./workflow";

const FILING = nmRules.changeFiling.id;
const APPROVAL = nmRules.changeApproval.id;

/** 三(五): what is only filed (备案) and what needs the S&T department's decision (批复). */
const changeKinds: readonly ChangeKind[] = [
  {
    id: "lead-unit-restructuring",
    name: { zh: "牵头单位重组", en: "Lead unit restructuring" },
    mode: "filing",
    ruleId: FILING,
    subjects: [],
  },
  {
    id: "charter-change",
    name: { zh: "变更管理章程", en: "Charter change" },
    mode: "filing",
    ruleId: FILING,
    subjects: [],
  },
  {
    id: "board-or-committee-members",
    name: { zh: "调整理事会(董事会)及技术指导委员会人员", en: "Board or committee member changes" },
    mode: "filing",
    ruleId: FILING,
    subjects: ["board", "committee"],
  },
  {
    id: "director-replacement",
    name: { zh: "更换中心主任", en: "Director replacement" },
    mode: "filing",
    ruleId: FILING,
    subjects: ["director"],
  },
  {
    id: "lead-unit-change",
    name: { zh: "变更牵头单位", en: "Change of lead unit" },
    mode: "approval",
    ruleId: APPROVAL,
    subjects: ["lead-unit"],
  },
  {
    id: "co-build-units",
    name: { zh: "调整共建单位", en: "Co-build unit adjustment" },
    mode: "approval",
    ruleId: APPROVAL,
    subjects: ["co-build-units"],
  },
  {
    id: "formation-mode",
    name: { zh: "变更建设模式", en: "Formation mode change" },
    mode: "approval",
    ruleId: APPROVAL,
    subjects: ["formation-mode"],
  },
  // 三(五)2 ends its list with 等: a change of name, location or research direction is of the same weight as
  // the lead unit or formation mode, so here it waits for 科技厅's approval too (a local reading, said so).
  ...localChangeKinds({
    subjects: ["name", "location", "research-direction"],
    mode: "approval",
    ruleId: APPROVAL,
    localSetting: {
      zh: "三(五)2 以“等”结束列举，未写明名称、地点、研究方向的变更；本系统按须提请科技厅批复处理。",
      en: "三(五)2 ends its list with “etc.” and does not name this change; here it waits for the department's approval.",
    },
  }),
];

/** 三(六)2 grades, 四(二) post-subsidy for 优秀, 三(六)3 delisting grounds. */
const evaluation: EvaluationPolicy = {
  ruleId: nmRules.evaluationGrades.id,
  grades: [
    { id: "excellent", name: { zh: "优秀", en: "Excellent" }, consequence: "post-subsidy" },
    { id: "good", name: { zh: "良好", en: "Good" }, consequence: "none" },
    { id: "pass", name: { zh: "合格", en: "Pass" }, consequence: "none" },
    { id: "fail", name: { zh: "不合格", en: "Fail" }, consequence: "rectification", rectificationMonths: 12 },
  ],
  focusAreas: [
    { id: "innovation-capacity", name: { zh: "创新能力", en: "Innovation capacity" } },
    {
      id: "market-service",
      name: { zh: "市场化创新服务能力", en: "Market-oriented innovation services" },
    },
  ],
  rectificationRuleId: nmRules.rectification.id,
  postSubsidyRuleId: nmRules.postSubsidy.id,
  delistingRuleId: nmRules.delisting.id,
  delistingGrounds: [
    {
      id: "failed-after-rectification",
      text: { zh: "评估评价不合格，限期整改仍不合格", en: "Still failing after the rectification period" },
    },
    {
      id: "annual-report-missing",
      text: { zh: "到期不提交年度报告", en: "Annual report not submitted by the deadline" },
    },
    {
      id: "absent-from-evaluation",
      text: { zh: "无故不参加评估评价", en: "Absent from evaluation without reason" },
    },
    {
      id: "fraud",
      text: {
        zh: "严重弄虚作假，提供虚假材料和不真实数据",
        en: "Serious fraud: false materials or untrue data",
      },
    },
    {
      id: "lead-unit-stopped",
      text: {
        zh: "牵头单位停产、破产，不能保障技术创新中心正常运行",
        en: "Lead unit stopped production or went bankrupt; the center cannot run normally",
      },
    },
    {
      id: "law-or-requirements-violated",
      text: {
        zh: "违反国家法律，不符合技术创新中心建设有关要求",
        en: "Violation of national law or of the center requirements",
      },
    },
  ],
};

/**
 * 三(六)1: "以理事会(董事会)、技术指导委员会、中心主任(总经理)决定的年度发展计划、重大项目、经费预决算、重大学术活动、
 * 研发方向及研发内容等为基础,包括下一年工作计划,形成年度报告,经推荐部门审核后报科技厅".
 */
const annualReport: AnnualReportPolicy = {
  ruleId: nmRules.annualReport.id,
  sections: [
    { id: "annualPlan", title: { zh: "年度发展计划", en: "Development plan for the year" } },
    { id: "majorProjects", title: { zh: "重大项目", en: "Major projects" } },
    { id: "budgetAndAccounts", title: { zh: "经费预决算", en: "Budget and final accounts" } },
    { id: "academicActivities", title: { zh: "重大学术活动", en: "Major academic activities" } },
    { id: "rdDirections", title: { zh: "研发方向及研发内容", en: "R&D directions and content" } },
    { id: "nextYearPlan", title: { zh: "下一年工作计划", en: "Work plan for the next year" } },
  ],
  recommenderChecks: true,
  indicators: false,
  lateGroundId: "annual-report-missing",
};

const settings: readonly PolicySetting[] = [
  {
    key: "publicity-working-days",
    label: { zh: "公示期（工作日）", en: "Publicity period (working days)" },
    value: 5,
    relatesTo: nmRules.publicity.id,
  },
  {
    key: "evaluation-interval-years",
    label: { zh: "首次评估后的评估间隔（年）", en: "Years between evaluations after the first" },
    value: DEFAULT_EVALUATION_INTERVAL_YEARS,
    relatesTo: nmRules.evaluationTiming.id,
  },
];

/** 三(四)5: 内蒙古自治区×××技术创新中心; an already-full name is not wrapped twice. */
export function designatedName(name: string): string {
  const core = name
    .trim()
    .replace(/^内蒙古自治区/, "")
    .replace(/技术创新中心$/, "");
  return `内蒙古自治区${core}技术创新中心`;
}

export const nmTic2020: PolicyModule = {
  id: "nm-tic-2020",
  source: nmTic2020Source,
  jurisdiction: {
    code: "150000",
    name: { zh: "内蒙古自治区", en: "Inner Mongolia Autonomous Region" },
    level: "autonomous-region",
  },
  kinds: ["tech-innovation-center"],
  fields: [
    {
      orientation: { zh: "重点产业", en: "Key industries" },
      fields: [
        "新能源",
        "新材料",
        "装备制造",
        "新一代信息技术",
        "大数据",
        "煤化工",
        "民族医药",
        "现代农牧业",
        "生态环境",
        "生物技术",
      ],
    },
  ],
  formationModes: ["leading-enterprise", "enterprise-alliance", "academia-led"],
  workflow: nmWorkflow,
  recommendation: nmRecommendation,
  outline: nmOutline,
  rules: nmRuleList,
  schedule: (input) => nmSchedule(input),
  annualReport,
  evaluation,
  changeKinds,
  naming: { ruleId: nmRules.naming.id, apply: designatedName },
  settings,
  extras: {
    /** 三(四) 常年受理: no call window, applications are taken whenever a center is ready. */
    intake: { mode: "rolling", callWindow: null, ruleId: nmRules.rolling.id },
    /** 三(二): applying for a national center normally requires this regional designation first. */
    nationalCenterPrerequisite: { ruleId: nmRules.nationalPrereq.id },
    /** 三(一): optional headquarters + branch centers + R&D institutions. */
    structure: { parts: ["headquarters", "branch-centers", "rd-institutions"], ruleId: nmRules.structure.id },
  },
};
