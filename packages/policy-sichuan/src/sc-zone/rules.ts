import {
  type CenterFacts,
  type Citation,
  needsInformation,
  type PlatformKind,
  type PolicyRule,
  ruleResult,
} from "@kechuang/domain";
import { demonstrationTasks, siteTypeNames } from "./data";

const SOURCE = "sc-zone-2018";
const cite = (clause: string, quote: string): Citation => ({ source: SOURCE, clause, quote });
const zones: readonly PlatformKind[] = ["transfer-demonstration-zone"];

export const layoutRule: PolicyRule = {
  id: "sc-zone.layout",
  citation: cite("二(一)", "在全省建设15个左右省级科技成果转移转化示范区"),
  title: {
    zh: "总体布局：约15个省级示范区，“一核多极”",
    en: "Layout: about 15 provincial zones, one core and many poles",
  },
  appliesTo: zones,
  implementedBy: "data",
};

export const subjectRule: PolicyRule = {
  id: "sc-zone.subject",
  citation: cite("五(一)", "由市(州)科技局编制建设方案报送科技厅"),
  title: {
    zh: "建设主体：市（州）科技局申报，依托园区、基地或大学科技园",
    en: "Applicant: a city S&T bureau, sited in a park, base or university science park",
  },
  appliesTo: zones,
  implementedBy: "eligibility",
  evaluate: (facts) => evaluateSubject(facts),
};

function evaluateSubject(facts: CenterFacts) {
  const rule = subjectRule;
  const where = `${SOURCE} 五(一)`;
  const zone = facts.zone;
  if (zone?.applicantIsCityBureau === undefined) {
    return needsInformation(
      rule,
      "申报单位是否为市（州）科技局",
      "whether the applicant is a city/prefecture S&T bureau",
    );
  }
  if (!zone.applicantIsCityBureau) {
    return ruleResult(
      rule,
      "fail",
      `申报单位不是市（州）科技局；示范区建设方案须由市（州）科技局编制报送（${where}）`,
      `The applicant is not a city/prefecture S&T bureau, which must file the plan under ${where}`,
    );
  }
  if (zone.siteType === undefined) {
    return needsInformation(rule, "示范区依托载体类型", "the type of site the zone is built on");
  }
  const site = siteTypeNames[zone.siteType];
  return ruleResult(
    rule,
    "pass",
    `由市（州）科技局申报，依托${site.zh}（${where}）`,
    `Filed by a city/prefecture S&T bureau, sited in a ${site.en.toLowerCase()} (${where})`,
  );
}

export const conditionsRule: PolicyRule = {
  id: "sc-zone.conditions",
  citation: cite("三(一)", "把促进科技成果转移转化有关工作纳入重要规划和计划"),
  title: { zh: "四项建设条件", en: "The four conditions" },
  appliesTo: zones,
  implementedBy: "checklist",
  prompt: {
    zh: "逐项核验并记录证据：（一）地方政府把成果转移转化工作纳入重要规划和计划；（二）有较好的工作基础和突出的示范特色；（三）政策措施较为完备，有完善的技术转移服务机构和专业化人才队伍；（四）科技与产业特色鲜明，能形成较好示范效应。",
    en: "Check each with evidence: (1) transfer work is in the local government's major plans; (2) a good foundation and distinctive features; (3) complete policies, transfer service institutions and professional staff; (4) distinctive S&T and industry with a demonstration effect.",
  },
};

export const tasksRule: PolicyRule = {
  id: "sc-zone.tasks",
  // The eight tasks are 四(一)–(八); the citation opens the first of them, where the list begins.
  citation: cite("四(一)", "开展军民科技协同创新和军民融合成果转移转化"),
  title: { zh: "在八项重点示范任务中选择一项或多项", en: "One or more of the eight demonstration tasks" },
  appliesTo: zones,
  implementedBy: "eligibility",
  evaluate: (facts) => evaluateTasks(facts),
};

const taskIds: readonly string[] = demonstrationTasks.map((t) => t.id);

function evaluateTasks(facts: CenterFacts) {
  const rule = tasksRule;
  const where = `${SOURCE} 四(一)–(八)`;
  const chosen = facts.zone?.demonstrationTasks;
  if (chosen === undefined) return needsInformation(rule, "所选示范任务", "the chosen demonstration tasks");
  const unknown = chosen.filter((id) => !taskIds.includes(id));
  if (unknown.length > 0) {
    return ruleResult(
      rule,
      "fail",
      `示范任务 ${unknown.join("、")} 不在八项重点示范任务之列（${where}）`,
      `Task(s) ${unknown.join(", ")} are not among the eight demonstration tasks of ${where}`,
    );
  }
  const count = new Set(chosen).size;
  if (count === 0) {
    return ruleResult(
      rule,
      "fail",
      `已选示范任务 0 项，至少须选择 1 项（${where}）`,
      `0 demonstration tasks chosen; at least 1 of the 8 in ${where} is required`,
    );
  }
  return ruleResult(
    rule,
    "pass",
    `已选示范任务 ${count} 项，均属八项重点示范任务（${where}）`,
    `${count} demonstration task(s) chosen, all among the 8 in ${where}`,
  );
}

export const stagesRule: PolicyRule = {
  id: "sc-zone.stages",
  citation: cite("五(二)", "科技厅组织专家组,对示范区建设方案进行咨询论证和现场调研"),
  title: {
    zh: "建设程序：提出需求、方案论证（咨询论证和现场调研）、启动建设、监测评估、示范推广",
    en: "Procedure: need, consultation and site investigation, launch, monitoring, promotion",
  },
  appliesTo: zones,
  implementedBy: "workflow",
};

export const indicatorsRule: PolicyRule = {
  id: "sc-zone.indicators",
  citation: cite("五(四)", "示范区设立各具特色的建设指标体系"),
  title: { zh: "设立建设指标体系", en: "The zone defines its own indicator system" },
  appliesTo: zones,
  implementedBy: "eligibility",
  evaluate: (facts) => evaluateIndicators(facts),
};

function evaluateIndicators(facts: CenterFacts) {
  const rule = indicatorsRule;
  const where = `${SOURCE} 五(四)`;
  const count = facts.zone?.indicatorCount;
  if (count === undefined)
    return needsInformation(rule, "建设指标体系的指标数", "the number of indicators in the zone's system");
  if (count < 1) {
    return ruleResult(
      rule,
      "fail",
      `建设指标 ${count} 项，须设立建设指标体系（至少 1 项）（${where}）`,
      `${count} indicators; ${where} requires an indicator system (at least 1)`,
    );
  }
  return ruleResult(
    rule,
    "pass",
    `已设建设指标 ${count} 项（${where}）`,
    `${count} indicator(s) defined, as ${where} requires`,
  );
}

export const annualReportRule: PolicyRule = {
  id: "sc-zone.annual-report",
  citation: cite("五(四)", "每年12月底以前,示范区将年度建设情况书面报科技厅"),
  title: { zh: "每年12月底以前报送年度建设情况", en: "Annual report by 31 December of the same year" },
  appliesTo: zones,
  implementedBy: "schedule",
};

export const periodRule: PolicyRule = {
  id: "sc-zone.period",
  // The quote spans both obligations of 六(三): the yearly assessment and the evaluation after the period.
  citation: cite(
    "六(三)",
    "每年对示范区建设进展进行考核。示范区建设期限原则上为三年,三年示范期结束后,由科技厅组织评估",
  ),
  title: {
    zh: "建设期限三年，期满后评估，每年考核",
    en: "Three-year period, evaluation after it, yearly assessment",
  },
  appliesTo: zones,
  implementedBy: "schedule",
};

export const outcomesRule: PolicyRule = {
  id: "sc-zone.outcomes",
  citation: cite("五(四)", "根据评估结果决定整改、撤销或后续支持等事项"),
  title: {
    zh: "评估结果：整改、撤销或后续支持",
    en: "Evaluation outcome: rectification, revocation or continued support",
  },
  appliesTo: zones,
  implementedBy: "evaluation",
};

export const experienceRule: PolicyRule = {
  id: "sc-zone.experience",
  citation: cite("五(五)", "示范区凝练提出可供复制推广的若干政策措施和经验做法"),
  title: { zh: "凝练可复制推广的经验做法", en: "Replicable policies and practices" },
  appliesTo: zones,
  // A duty after launch, not a judgement at application: the zone writes them up, the department publishes
  // and promotes them (after-approval/experiences.ts); the prompt is the zone's writing prompt.
  implementedBy: "obligation",
  prompt: {
    zh: "请凝练示范区可供复制推广的一项政策措施或经验做法：做法是什么、解决了什么问题、取得了哪些成效、其他地区如何借鉴。",
    en: "Write up one replicable policy or practice of the zone: what it is, the problem it solved, its results, and how other places can adopt it.",
  },
};

export const scZoneRules: readonly PolicyRule[] = [
  layoutRule,
  subjectRule,
  conditionsRule,
  tasksRule,
  stagesRule,
  indicatorsRule,
  annualReportRule,
  periodRule,
  outcomesRule,
  experienceRule,
];
