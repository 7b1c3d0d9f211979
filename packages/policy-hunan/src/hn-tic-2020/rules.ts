import type { PolicyRule, RuleSpec } from "@kechuang/domain";
import { centers, cite } from "./citation";
import { hnEligibility } from "./eligibility";

/* ---------- rule specs (id, citation, title): one per catalog id ---------- */

const categories: RuleSpec = {
  id: "hn-tic.categories",
  citation: cite("三(一)", "省技术创新中心分为综合类和领域类两个类别进行布局建设，坚持“少而精”原则"),
  title: { zh: "综合类与领域类", en: "Comprehensive and domain categories" },
  appliesTo: centers,
  implementedBy: "data",
};

const fields: RuleSpec = {
  id: "hn-tic.fields",
  citation: cite("三(二)", "面向世界科技前沿"),
  title: { zh: "重点建设领域", en: "Key fields" },
  appliesTo: centers,
  implementedBy: "data",
};

const period: RuleSpec = {
  id: "hn-tic.period",
  citation: cite("三(三)", "一般以三年为建设周期"),
  title: { zh: "一般以三年为建设周期", en: "Normally a three-year construction period" },
  appliesTo: centers,
  implementedBy: "data",
};

/** One citation for the procedure and its consultation panel: 五(二) names the five kinds of expert. */
const stages: RuleSpec = {
  id: "hn-tic.stages",
  citation: cite(
    "五(二)",
    "组建由技术专家、管理专家、科技政策专家、法律专家、财税专家等组成的专家组对建设方案进行咨询论证",
  ),
  title: {
    zh: "建设程序：市州推荐、方案论证、现场考察、公示、批准组建",
    en: "Procedure: city recommendation, consultation, site inspection, publicity, approval",
  },
  appliesTo: centers,
  implementedBy: "workflow",
};

const annualReport: RuleSpec = {
  id: "hn-tic.annual-report",
  citation: cite(
    "五(四)",
    "从批准组建次年开始，建设单位每年1 月底前编写上年度工作总结和本年度工作计划报省科技厅",
  ),
  title: { zh: "年度报告制度", en: "Annual report" },
  appliesTo: centers,
  implementedBy: "schedule",
};

const evaluation: RuleSpec = {
  id: "hn-tic.evaluation",
  citation: cite("六(五)", "委托第三方机构开展中心运行绩效评估"),
  title: { zh: "第三方绩效评价", en: "Third-party performance evaluation" },
  appliesTo: centers,
  implementedBy: "evaluation",
};

const outline: RuleSpec = {
  id: "hn-tic.outline",
  citation: cite("附件", "湖南省技术创新中心建设方案编写提纲"),
  title: { zh: "建设方案编写提纲", en: "Plan outline" },
  appliesTo: centers,
  implementedBy: "data",
};

const publicity: RuleSpec = {
  id: "common.publicity",
  citation: cite("五(三)", "经公示无异议，由省科技厅发文批准组建"),
  title: { zh: "经公示无异议方可批准组建", en: "Approval only after publicity without objection" },
  appliesTo: centers,
  implementedBy: "workflow",
};

/** Every catalog rule of hn-tic-2020, plus the cross-cutting rule this source states (经公示无异议). */
export const hnRules = {
  categories,
  fields,
  period,
  leadGeneral: hnEligibility.leadGeneral,
  enterpriseRd: hnEligibility.enterpriseRd,
  academiaServiceIncome: hnEligibility.academiaServiceIncome,
  academiaCases: hnEligibility.academiaCases,
  capital: hnEligibility.capital,
  bodies: hnEligibility.bodies,
  stages,
  annualReport,
  evaluation,
  outline,
  publicity,
} satisfies Record<string, PolicyRule>;

export const hnRuleList: readonly PolicyRule[] = Object.values(hnRules);
